import * as z from 'zod';
import { idSchema } from './schema';

/**
 * Every message a question panel's webview may send to the extension host. The webview is
 * untrusted (it renders pack content), so the host parses each message with this schema and
 * ignores anything else. Nothing here names a command to execute.
 */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('revealed'), questionId: idSchema }),
  z.strictObject({ type: z.literal('openQuestion'), id: idSchema }),
  z.strictObject({ type: z.literal('openExternal'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
  z.strictObject({
    type: z.literal('grade'),
    questionId: idSchema,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    covered: z.array(z.number().int().min(0).max(20)).max(20),
    draftChars: z.number().int().min(0).max(1_000_000),
    elapsedSeconds: z.number().int().min(0).max(86_400),
  }),
  z.strictObject({ type: z.literal('undoGrade'), questionId: idSchema }),
  z.strictObject({ type: z.literal('saveNote'), questionId: idSchema, text: z.string().max(50_000) }),
  z.strictObject({ type: z.literal('toggleFlag'), questionId: idSchema }),
  z.strictObject({ type: z.literal('next') }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export type ParsedMessage = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

/** Parses an incoming message; never throws, whatever the webview sends. */
export function parseWebviewMessage(raw: unknown): ParsedMessage {
  const r = webviewMessageSchema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data };
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 40) : typeof raw;
  return { ok: false, reason: `ignored webview message (${type}): ${r.error.issues[0]?.message ?? 'invalid'}` };
}

/** Messages the host sends to a question panel. */
export type HostMessage =
  | { type: 'graded'; questionId: string; rating: number; nextDue: string; canUndo: boolean }
  | { type: 'ungraded'; questionId: string }
  | { type: 'noteSaved'; questionId: string }
  | { type: 'flag'; questionId: string; flagged: boolean }
  | { type: 'error'; message: string };

/** What a question panel keeps in `vscode.setState`, so it comes back after a window reload. */
export const panelStateSchema = z.object({
  questionId: idSchema,
  revealed: z.boolean().optional(),
  draft: z.string().max(200_000).optional(),
  review: z.boolean().optional(),
});
export type PanelState = z.infer<typeof panelStateSchema>;

/** Messages from a work-sample panel. */
export const sampleMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('submitReview'), sampleId: idSchema }),
  z.strictObject({ type: z.literal('runTests'), sampleId: idSchema }),
  z.strictObject({ type: z.literal('showReference'), sampleId: idSchema }),
  z.strictObject({ type: z.literal('openExternal'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export type SampleMessage = z.infer<typeof sampleMessageSchema>;

export const samplePanelStateSchema = z.object({ sampleId: idSchema });
