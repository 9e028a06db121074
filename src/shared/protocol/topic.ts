// The topic overview (src/webview/topic.ts ↔ src/extension/topicPanels.ts): links only.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { idSchema } from '../ids';
import { openExternalMessage, openQuestionMessage, type MessageSink } from './common';

export const topicInbound = /* @__PURE__ */ defineSchema(() => z.discriminatedUnion('type', [openQuestionMessage, openExternalMessage]));
export type TopicInbound = z.infer<typeof topicInbound>;

/** The host re-renders the overview; it sends no messages. */
export const topicOutbound = /* @__PURE__ */ defineSchema(() => z.never());
export type TopicOutbound = z.infer<typeof topicOutbound>;

export const topicState = /* @__PURE__ */ defineSchema(() => z.object({ topicId: idSchema }));
export type TopicState = z.infer<typeof topicState>;

export function post(vscode: MessageSink, message: TopicInbound): void {
  vscode.postMessage(message);
}
