// The design-loop panel (src/webview/designLoop.ts ↔ src/extension/designLoops.ts). The host checks
// the design document itself before revealing a stage; the panel only asks.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { DESIGN_STAGES, idSchema } from '../ids';
import { openExternalMessage, openQuestionMessage, type MessageSink } from './common';

export const stageIndexSchema = /* @__PURE__ */ defineSchema(() => z.number().int().min(0).max(DESIGN_STAGES.length - 1));

export const designLoopInbound = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('revealStage'), loopId: idSchema, stage: stageIndexSchema }),
    z.strictObject({ type: z.literal('openDocument'), loopId: idSchema }),
    openQuestionMessage,
    openExternalMessage,
  ]),
);
export type DesignLoopInbound = z.infer<typeof designLoopInbound>;

/** How much is written under each stage, as the user types. */
export const designLoopOutbound = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({ type: z.literal('written'), counts: z.array(z.number().int().min(0)).max(DESIGN_STAGES.length) }),
);
export type DesignLoopOutbound = z.infer<typeof designLoopOutbound>;

export const designLoopState = /* @__PURE__ */ defineSchema(() => z.object({ loopId: idSchema }));
export type DesignLoopState = z.infer<typeof designLoopState>;

export function post(vscode: MessageSink, message: DesignLoopInbound): void {
  vscode.postMessage(message);
}
