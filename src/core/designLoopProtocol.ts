import * as z from 'zod';
import { DESIGN_STAGES, idSchema } from './schema';

const stageIndex = z.number().int().min(0).max(DESIGN_STAGES.length - 1);

/** Every message a design-loop panel may send. The host checks the document itself before revealing a stage. */
export const designLoopMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('revealStage'), loopId: idSchema, stage: stageIndex }),
  z.strictObject({ type: z.literal('openDocument'), loopId: idSchema }),
  z.strictObject({ type: z.literal('openQuestion'), id: idSchema }),
  z.strictObject({ type: z.literal('openExternal'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export type DesignLoopMessage = z.infer<typeof designLoopMessageSchema>;

/** Host → panel: how much is written under each stage, as the user types. */
export interface DesignLoopHostMessage {
  readonly type: 'written';
  readonly counts: readonly number[];
}

/** What the panel keeps in `vscode.setState`, so the serializer can bring it back. */
export const designLoopPanelStateSchema = z.object({ loopId: idSchema });

/** Per loop, in globalState: where its document is and which stages are revealed (survives a reload). */
export const designLoopRecordsSchema = z.record(idSchema, z.object({ path: z.string().min(1).max(4096), revealed: z.array(stageIndex).max(DESIGN_STAGES.length) }));
export type DesignLoopRecords = z.infer<typeof designLoopRecordsSchema>;

export function parseDesignLoopMessage(raw: unknown): { ok: true; message: DesignLoopMessage } | { ok: false; reason: string } {
  try {
    const r = designLoopMessageSchema.safeParse(raw);
    return r.success ? { ok: true, message: r.data } : { ok: false, reason: `ignored design-loop panel message: ${(r.error.issues[0]?.message ?? 'invalid').slice(0, 200)}` };
  } catch {
    return { ok: false, reason: 'ignored an unreadable design-loop panel message' };
  }
}
