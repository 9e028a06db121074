// The topic overview (src/webview/topic.ts ↔ src/extension/topicPanels.ts): links only.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { idSchema } from '../ids';
import { openExternalMessage, openQuestionMessage, type MessageSink } from './common';

export const topicInbound = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [
    openQuestionMessage,
    openExternalMessage,
    // Keep open: the next topic opens in another panel.
    z.strictObject({ type: z.literal('pin'), topicId: idSchema }),
  ]),
);
export type TopicInbound = z.infer<typeof topicInbound>;

/** The `<body data-*>` values of an overview, by dataset name. */
export const topicBodyData = /* @__PURE__ */ defineSchema(() => z.strictObject({ topicId: idSchema, preview: z.enum(['true', 'false']) }));
export type TopicBodyData = z.infer<typeof topicBodyData>;

/** Another topic into the open preview overview: `main` replaces its <main> element. */
export const topicOutbound = /* @__PURE__ */ defineSchema(() => z.strictObject({ type: z.literal('show'), title: z.string(), data: topicBodyData, main: z.string() }));
export type TopicOutbound = z.infer<typeof topicOutbound>;

// `pinned` is absent in states saved before preview overviews: those come back kept open.
export const topicState = /* @__PURE__ */ defineSchema(() => z.object({ topicId: idSchema, pinned: z.boolean().optional() }));
export type TopicState = z.infer<typeof topicState>;

export function post(vscode: MessageSink, message: TopicInbound): void {
  vscode.postMessage(message);
}
