// The work-sample task panel (src/webview/sample.ts ↔ src/extension/workSamples/).
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { idSchema } from '../ids';
import { openExternalMessage, type MessageSink } from './common';

export const sampleInbound = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [
    // The page is on screen: opening the sample's code waits for this (see WorkSampleController.open).
    z.strictObject({ type: z.literal('ready'), sampleId: idSchema }),
    z.strictObject({ type: z.literal('submitReview'), sampleId: idSchema }),
    z.strictObject({ type: z.literal('runTests'), sampleId: idSchema }),
    z.strictObject({ type: z.literal('showReference'), sampleId: idSchema }),
    /** The user's own verdict on a defect after Submit: their comment covered it, or not really. */
    z.strictObject({ type: z.literal('markDefect'), sampleId: idSchema, defect: idSchema, covered: z.boolean() }),
    openExternalMessage,
  ]),
);
export type SampleInbound = z.infer<typeof sampleInbound>;

/** The comment count follows the Comments UI without a re-render (drafts and scroll stay). */
export const sampleOutbound = /* @__PURE__ */ defineSchema(() => z.strictObject({ type: z.literal('commentCount'), count: z.number().int().min(0) }));
export type SampleOutbound = z.infer<typeof sampleOutbound>;

export const sampleState = /* @__PURE__ */ defineSchema(() => z.object({ sampleId: idSchema }));
export type SampleState = z.infer<typeof sampleState>;

export function post(vscode: MessageSink, message: SampleInbound): void {
  vscode.postMessage(message);
}
