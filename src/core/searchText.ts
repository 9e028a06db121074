/** Words, stop-words and snippets for QuestionSearch (kept apart so search.ts stays about ranking). */

/** Words that carry no meaning in a question ("how do you…"), so they neither match nor dilute scores. */
export const STOP_WORDS = new Set(
  'a an and are as at be by can could do does did for from how i if in into is it its me of on or our so that the their them then there these this to us was we what when where which who why will with would you your yourself walk through describe tell time just'.split(' '),
);

export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return t.length < 2 || STOP_WORDS.has(t) ? null : t;
}

/** Splits on anything that is not a letter or digit, but keeps "ci/cd"-style pieces as separate words. */
export const tokenize = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The words of a text as the index sees them (lower case, no stop-words, no single letters). */
export const terms = (text: string): string[] => tokenize(text).map(processTerm).filter((t): t is string => t !== null);

/**
 * The sentence of an answer that best explains why it matched: the one with the most distinct query
 * words (the first such), cleaned of Markdown marks and cut to about 160 characters around the match.
 */
export function snippet(body: string, words: readonly string[]): string {
  const sentences = body.replace(/[`*_#>|]/g, '').split(/(?<=[.!?])\s+|\n+/);
  let best = '';
  let bestCount = 0;
  for (const s of sentences) {
    const lower = s.toLowerCase();
    const count = words.reduce((n, w) => n + (containsWord(lower, w) ? 1 : 0), 0);
    if (count > bestCount) [best, bestCount] = [s, count];
  }
  const clean = best.replace(/\s+/g, ' ').trim();
  if (clean.length <= 160) return clean;
  // A long sentence is cut around the first matched word, so the reason stays visible.
  const at = Math.max(0, Math.min(...words.map((w) => clean.toLowerCase().indexOf(w)).filter((i) => i >= 0)) - 60);
  const start = at > 0 ? clean.lastIndexOf(' ', at) + 1 : 0;
  const cut = clean.slice(start, start + 157);
  return `${start > 0 ? '…' : ''}${cut}${start + 157 < clean.length ? '…' : ''}`;
}

/** Whole-word containment ("outbox" in "an outbox table", not "rate" in "generate"). */
function containsWord(lowerText: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const i = lowerText.indexOf(word, from);
    if (i < 0) return false;
    const before = lowerText.charAt(i - 1);
    const after = lowerText.charAt(i + word.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = i + 1;
  }
}
