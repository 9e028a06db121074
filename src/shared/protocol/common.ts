import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { idSchema } from '../ids';

/** Only http(s), and short enough to show in the confirmation dialog. */
const externalUrl = /* @__PURE__ */ defineSchema(() => z.url({ protocol: /^https?$/ }).max(2000));

/** Messages every panel that renders links may send (src/webview/links.ts). */
export const openQuestionMessage = /* @__PURE__ */ defineSchema(() => z.strictObject({ type: z.literal('openQuestion'), id: idSchema }));
export const openExternalMessage = /* @__PURE__ */ defineSchema(() => z.strictObject({ type: z.literal('openExternal'), url: externalUrl }));
export type LinkMessage = z.infer<typeof openQuestionMessage> | z.infer<typeof openExternalMessage>;

/** Key points ticked as covered, by index (a question has at most 20). */
export const coveredSchema = /* @__PURE__ */ defineSchema(() => z.array(z.number().int().min(0).max(20)).max(20));

/** What a webview script posts through: `acquireVsCodeApi()`'s result, narrowed to the one method. */
export interface MessageSink {
  postMessage(message: unknown): void;
}

/** The kind of a message, with its type when it is a short string, for log lines. Never throws. */
function describe(raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  // Never String() an attacker's value: a Symbol or a throwing toString would escape as an exception.
  return typeof type === 'string' ? type.slice(0, 40) : typeof raw === 'object' && raw !== null ? 'object' : typeof raw;
}

export type ParsedMessage<T> = { ok: true; message: T } | { ok: false; reason: string };

/**
 * Parses what a webview sent with its panel's inbound schema. Never throws, whatever arrives: the
 * webview renders pack content and is treated as hostile. The reason is safe to log (bounded, and
 * built without calling anything on the value).
 */
export function parseMessage<S extends z.ZodType>(schema: S, raw: unknown, panel: string): ParsedMessage<z.infer<S>> {
  let r: z.ZodSafeParseResult<z.infer<S>>;
  try {
    r = schema.safeParse(raw);
  } catch (e) {
    // A pathological value (say, nested 10,000 deep) can exhaust the validator itself.
    return { ok: false, reason: `ignored webview message to the ${panel} panel: ${e instanceof Error ? e.name : 'unreadable'}` };
  }
  if (r.success) return { ok: true, message: r.data };
  return { ok: false, reason: `ignored webview message (${describe(raw)}) to the ${panel} panel: ${(r.error.issues[0]?.message ?? 'invalid').slice(0, 200)}` };
}
