/**
 * Named limits for everything a user types. The webviews show a counter near each limit and refuse
 * to save or submit past it with a message; the host's schemas enforce the same numbers.
 */
export const TEXT_LIMITS = {
  /** A question's notes (saved in the progress log). */
  note: 50_000,
  /** A question's draft (kept in the panel's state across reloads). */
  draft: 100_000,
  /** One mock-interview answer. */
  answer: 100_000,
} as const;

/** From this share of a limit on, the counter is shown. */
export const COUNTER_FROM = 0.8;
