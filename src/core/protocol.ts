import * as z from 'zod';
import { TEXT_LIMITS } from '../shared/limits';
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
  z.strictObject({ type: z.literal('saveNote'), questionId: idSchema, text: z.string().max(TEXT_LIMITS.note) }),
  z.strictObject({ type: z.literal('toggleFlag'), questionId: idSchema }),
  z.strictObject({ type: z.literal('next') }),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export type ParsedMessage = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

/** Parses an incoming message; never throws, whatever the webview sends. */
export function parseWebviewMessage(raw: unknown): ParsedMessage {
  let r: ReturnType<typeof webviewMessageSchema.safeParse>;
  try {
    r = webviewMessageSchema.safeParse(raw);
  } catch (e) {
    // A pathological value (say, nested 10,000 deep) can exhaust the validator itself.
    return { ok: false, reason: `ignored webview message: ${e instanceof Error ? e.name : 'unreadable'}` };
  }
  if (r.success) return { ok: true, message: r.data };
  const t = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  // Never String() an attacker's value: a Symbol or a throwing toString would escape as an exception.
  const type = typeof t === 'string' ? t.slice(0, 40) : typeof raw === 'object' && raw !== null ? 'object' : typeof raw;
  return { ok: false, reason: `ignored webview message (${type}): ${(r.error.issues[0]?.message ?? 'invalid').slice(0, 200)}` };
}

/** Messages the host sends to a question panel. */
export type HostMessage =
  | { type: 'graded'; questionId: string; rating: number; nextDue: string; canUndo: boolean }
  | { type: 'ungraded'; questionId: string }
  | { type: 'noteSaved'; questionId: string }
  | { type: 'flag'; questionId: string; flagged: boolean }
  | { type: 'state'; questionId: string; label: string }
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
  /** The user's own verdict on a defect after Submit: their comment covered it, or not really. */
  z.strictObject({ type: z.literal('markDefect'), sampleId: idSchema, defect: idSchema, covered: z.boolean() }),
  z.strictObject({ type: z.literal('openExternal'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export type SampleMessage = z.infer<typeof sampleMessageSchema>;

export const samplePanelStateSchema = z.object({ sampleId: idSchema });

/** Messages the host sends to a work-sample panel. */
export type SampleHostMessage = { type: 'commentCount'; count: number };

/** Messages from the mock-interview panel. */
export const mockMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mockSubmit'), answer: z.string().max(TEXT_LIMITS.answer), timedOut: z.boolean() }),
  z.strictObject({ type: z.literal('mockGrade'), covered: z.array(z.number().int().min(0).max(20)).max(20) }),
]);
export type MockMessage = z.infer<typeof mockMessageSchema>;
