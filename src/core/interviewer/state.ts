import * as z from 'zod';
import { mockStateSchema } from '../mock/session';
import { idSchema } from '../schema';

/**
 * Where a chat conversation with @interviewer stands, carried in each response's metadata (the
 * chat API keeps no state of ours between turns). Read back from history, so it is parsed, never
 * trusted as typed.
 */
export const chatStateSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('idle') }),
  z.object({
    mode: z.literal('quiz'),
    /** The question now waiting for the user's answer. */
    questionId: idSchema,
    /** The main question the chain started from. */
    root: idSchema,
    /** Bank follow-ups already asked in this chain. */
    asked: z.array(idSchema).max(50),
    /** A generated follow-up waiting for an answer (text only: it is not in the bank and is never graded). */
    generated: z.string().max(2_000).optional(),
    askedAt: z.number(),
  }),
  z.object({
    mode: z.literal('answered'),
    questionId: idSchema,
    root: idSchema,
    asked: z.array(idSchema).max(50),
  }),
  z.object({ mode: z.literal('mock'), mock: mockStateSchema }),
]);
export type ChatState = z.infer<typeof chatStateSchema>;

export const IDLE: ChatState = { mode: 'idle' };

/** The state of the latest turn that carries one; idle when none does or it does not parse. */
export function latestState(metadata: readonly unknown[]): ChatState {
  for (let i = metadata.length - 1; i >= 0; i--) {
    const m = metadata[i];
    if (typeof m !== 'object' || m === null || !('state' in m)) continue;
    const parsed = chatStateSchema.safeParse((m as { state: unknown }).state);
    return parsed.success ? parsed.data : IDLE;
  }
  return IDLE;
}

/** Arguments of the "record this grade" button: validated when the command runs. */
export const chatGradeArgsSchema = z.strictObject({
  questionId: idSchema,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  covered: z.number().int().min(0).max(20),
  of: z.number().int().min(0).max(20),
  seconds: z.number().int().min(0).max(86_400).optional(),
});
export type ChatGradeArgs = z.infer<typeof chatGradeArgsSchema>;
