/** Hints about which key points a draft answer seems to cover, from shared content words. Never a verdict. */

const STOP = new Set(
  'a an and are as at be by can for from has have how i if in into is it its of on or so than that the their then there these they this to use uses used using was we what when where which who why will with would you your not no do does every each any all more most less per own via one two'.split(' '),
);

/** A crude stemmer: enough to match "caches"/"caching"/"cached" and "retries"/"retry". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'es', 'ed', 'ly', 's']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
      break;
    }
  }
  return w;
}

export function contentStems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[`*_[\]()]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

/**
 * For each key point, whether the draft mentions at least half of its content words (and at least 2,
 * or its only word). Returns one boolean per key point.
 */
export function keyPointHints(keyPoints: readonly string[], draft: string): boolean[] {
  const have = new Set(contentStems(draft));
  return keyPoints.map((kp) => {
    const words = [...new Set(contentStems(kp))];
    if (words.length === 0) return false;
    const hits = words.filter((w) => have.has(w)).length;
    return hits >= Math.min(2, words.length) && hits / words.length >= 0.5;
  });
}

/** The grade the ticked share suggests. All points → Good; Easy is the user's call (answering fast and fully). */
export function proposeRating(ticked: number, total: number): 1 | 2 | 3 {
  if (total <= 0) return 3;
  const share = ticked / total;
  if (share < 0.4) return 1;
  if (share < 0.75) return 2;
  return 3;
}
