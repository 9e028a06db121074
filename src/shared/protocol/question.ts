// The question panel (src/webview/question.ts ↔ src/extension/questionPanels.ts). Nothing here
// names a command to execute: the host decides what each message may do.
import * as z from 'zod';
import { defineSchema } from '../defineSchema';
import { idSchema } from '../ids';
import { TEXT_LIMITS } from '../limits';
import { coveredSchema, openExternalMessage, openQuestionMessage, type MessageSink } from './common';

export const questionInbound = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ready') }),
    z.strictObject({ type: z.literal('revealed'), questionId: idSchema }),
    openQuestionMessage,
    openExternalMessage,
    z.strictObject({
      type: z.literal('grade'),
      questionId: idSchema,
      rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      covered: coveredSchema,
      draftChars: z.number().int().min(0).max(1_000_000),
      elapsedSeconds: z.number().int().min(0).max(86_400),
    }),
    z.strictObject({ type: z.literal('undoGrade'), questionId: idSchema }),
    z.strictObject({ type: z.literal('saveNote'), questionId: idSchema, text: z.string().max(TEXT_LIMITS.note) }),
    z.strictObject({ type: z.literal('toggleFlag'), questionId: idSchema }),
    z.strictObject({ type: z.literal('next') }),
    // The user kept the preview panel open (Keep open, or started a draft): the next question opens elsewhere.
    z.strictObject({ type: z.literal('pin'), questionId: idSchema }),
  ]),
);
export type QuestionInbound = z.infer<typeof questionInbound>;

/** The `<body data-*>` values the panel script reads, by dataset name (rendered by src/core/panelHtml.ts). */
export const questionBodyData = /* @__PURE__ */ defineSchema(() =>
  z.strictObject({
    questionId: idSchema,
    revealed: z.enum(['true', 'false']),
    review: z.enum(['true', 'false']),
    queue: z.string(),
    timer: z.string(),
    keypoints: z.string(),
    strings: z.string(),
    preview: z.enum(['true', 'false']),
  }),
);
export type QuestionBodyData = z.infer<typeof questionBodyData>;

export const questionOutbound = /* @__PURE__ */ defineSchema(() =>
  z.discriminatedUnion('type', [
    // Another question in the same document (preview-style reuse): `main` replaces the <main> element.
    z.strictObject({ type: z.literal('show'), title: z.string(), data: questionBodyData, main: z.string() }),
    z.strictObject({ type: z.literal('graded'), questionId: idSchema, rating: z.number().int().min(1).max(4), nextDue: z.string(), canUndo: z.boolean() }),
    z.strictObject({ type: z.literal('ungraded'), questionId: idSchema }),
    z.strictObject({ type: z.literal('noteSaved'), questionId: idSchema }),
    z.strictObject({ type: z.literal('flag'), questionId: idSchema, flagged: z.boolean() }),
    z.strictObject({ type: z.literal('state'), questionId: idSchema, label: z.string() }),
    z.strictObject({ type: z.literal('error'), message: z.string() }),
  ]),
);
export type QuestionOutbound = z.infer<typeof questionOutbound>;

/** Longer than any real review queue (a whole bank due at once), short enough to bound what a revived panel parses. */
export const REVIEW_QUEUE_MAX = 5000;

/**
 * What the panel keeps in `vscode.setState`, so it comes back after a window reload. A review
 * session's remaining queue lives here too: the host keeps nothing across a reload, so without it
 * a restored "Review: … (6 more)" came back as "(0 more)".
 */
export const questionState = /* @__PURE__ */ defineSchema(() =>
  z.object({
    questionId: idSchema,
    revealed: z.boolean().optional(),
    draft: z.string().max(200_000).optional(),
    review: z.boolean().optional(),
    // Absent in states saved before preview panels: those panels stay as they were, kept open.
    pinned: z.boolean().optional(),
    // Plain bounded strings, not idSchema: one malformed entry drops itself below instead of failing the whole state.
    queue: z.array(z.string().max(60)).max(REVIEW_QUEUE_MAX).optional(),
  }),
);
export type QuestionState = z.infer<typeof questionState>;

export interface RevivedQuestion {
  readonly questionId: string;
  readonly revealed: boolean;
  /** Present only for the review panel. */
  readonly queue?: readonly string[];
  /** False for the preview panel, which the next opened question replaces. */
  readonly pinned: boolean;
}

/**
 * What a restored question panel shows, from what its webview saved (untrusted: a webview renders
 * pack content) and the bank as it is now. Ids the bank no longer knows are dropped from the queue;
 * if the shown question itself left the bank, a review moves on to the next known one, and a plain
 * panel closes (undefined). The revealed flag only carries over when the question is the same.
 */
export function reviveQuestionState(saved: unknown, known: (id: string) => boolean): RevivedQuestion | undefined {
  const parsed = questionState.safeParse(saved);
  if (!parsed.success) return undefined;
  const { questionId, revealed, review, queue } = parsed.data;
  const pinned = parsed.data.pinned ?? true;
  if (!review) return known(questionId) ? { questionId, revealed: revealed ?? false, pinned } : undefined;
  const rest = (queue ?? []).filter(known);
  if (known(questionId)) return { questionId, revealed: revealed ?? false, queue: rest, pinned: true };
  const [next, ...after] = rest;
  return next ? { questionId: next, revealed: false, queue: after, pinned: true } : undefined;
}

/** The only way the question panel's script sends: a misspelt type or field does not compile. */
export function post(vscode: MessageSink, message: QuestionInbound): void {
  vscode.postMessage(message);
}
