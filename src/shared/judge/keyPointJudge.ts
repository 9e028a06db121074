import { clauseDismisses, rejectComment } from './stance';
import { clausesWithMood, FUNCTION_WORDS, isStopWord, stem, words } from './text';

/**
 * Hints about which key points a draft covers. Unlike work-sample defects, key points carry no
 * hand-written concept lists, so the concepts are the key point's own content words; the same
 * stance rules apply: a clause that waves a point away or negates it never lights it.
 */

export type KeyPointVerdict = 'covered' | 'partial' | 'absent' | 'contradicted';

export interface KeyPointHint {
  readonly verdict: KeyPointVerdict;
  /** Words of the draft that expressed the point (empty when absent). */
  readonly evidence: string[];
}

/** Rubric verbs that describe the candidate rather than the content ("Explains…", "Names…"). */
const RUBRIC = new Set(
  ['explain', 'mention', 'name', 'say', 'state', 'describe', 'discuss', 'note', 'show', 'give', 'cite', 'candidate', 'answer', 'talk', 'about', 'such', 'e.g', 'eg', 'example', 'like', 'instead', 'rather', 'also', 'well'].map(stem),
);

const NEGATOR = /\b(?:not|never|no|without|avoid|skip|don|doesn|won|refuse|nobody|neither|nor)\b/;

/** Two stems mean the same word when equal, or when a long shared prefix shows one root ("idempotency"/"idempotent"). */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  return n >= 6 && a.slice(0, 6) === b.slice(0, 6);
}

function contentStems(text: string): string[] {
  return [...new Set(words(text).filter((w) => !isStopWord(w) && !FUNCTION_WORDS.has(w) && w.length > 1).map(stem).filter((s) => !RUBRIC.has(s)))];
}

interface DraftClause {
  readonly stems: string[];
  readonly words: string[];
  readonly dismisses: boolean;
  readonly negated: boolean;
}

function readDraft(draft: string): DraftClause[] {
  return clausesWithMood(draft).map((c) => {
    const ws = words(c.text);
    return { stems: ws.map(stem), words: ws, dismisses: clauseDismisses(c), negated: NEGATOR.test(c.text) };
  });
}

/** Share of a key point's concepts a draft must express to count as covering it. */
export const COVER_SHARE = 0.5;

export function judgeKeyPoint(keyPoint: string, draft: readonly DraftClause[]): KeyPointHint {
  const want = contentStems(keyPoint);
  if (want.length === 0) return { verdict: 'absent', evidence: [] };
  const pointNegated = NEGATOR.test(keyPoint.toLowerCase());
  const found = new Map<string, string>();
  let against = 0;
  for (const c of draft) {
    const hits = want.filter((w) => c.stems.some((s) => same(s, w)));
    if (hits.length === 0) continue;
    // A clause that names the point's concepts and dismisses or negates them argues against it.
    if (c.dismisses || (c.negated && !pointNegated)) {
      if (hits.length >= Math.min(2, want.length)) against += hits.length;
      continue;
    }
    for (const w of hits) if (!found.has(w)) found.set(w, c.words[c.stems.findIndex((s) => same(s, w))] ?? w);
  }
  const share = found.size / want.length;
  const enough = found.size >= Math.min(2, want.length) && share >= COVER_SHARE;
  if (against > 0 && against >= found.size) return { verdict: 'contradicted', evidence: [...found.values()] };
  if (enough) return { verdict: 'covered', evidence: [...found.values()] };
  return { verdict: found.size > 0 ? 'partial' : 'absent', evidence: [...found.values()] };
}

/** One hint per key point. */
export function keyPointHints(keyPoints: readonly string[], draftText: string): KeyPointHint[] {
  // A bare list of terms or an overall dismissal states no claim, so it lights nothing.
  const rejected = rejectComment(draftText);
  if (rejected === 'keyword-list' || rejected === 'dismissive') return keyPoints.map(() => ({ verdict: 'absent', evidence: [] }));
  const draft = readDraft(draftText);
  return keyPoints.map((kp) => judgeKeyPoint(kp, draft));
}

/** The grade the ticked share suggests. All points → Good; Easy is the user's call (answering fast and fully). */
export function proposeRating(ticked: number, total: number): 1 | 2 | 3 {
  if (total <= 0) return 3;
  const share = ticked / total;
  if (share < 0.4) return 1;
  if (share < 0.75) return 2;
  return 3;
}
