import { clausesWithMood, FUNCTION_WORDS, meaningfulWordCount, words, type Clause } from './text';

/**
 * Stance: whether a piece of text asserts a problem or waves one away. A judge must never credit
 * "No race here, JS is single-threaded" for the race it names, so a clause that approves or
 * denies is set aside before concepts are matched.
 */

/** Approvals: the clause says the code is fine. Checked on normalised text ("isn't" → "is not"). */
const APPROVAL = [
  /\blgtm\b/,
  /\bship\s+it\b/,
  /\bgood\s+to\s+go\b/,
  /\b(?:looks|look|seems|seem|is|are|was|s|it|that|this|all|totally|perfectly|works|work|working)\s+(?:\w+\s+)?(?:fine|ok|okay|good|great|correct|right|sane|safe|solid|reasonable|acceptable)\b/,
  /\b(?:fine|ok|okay|good|correct|safe)\s+(?:here|as\s+is|as\s+it\s+is|to\s+me|by\s+me|for\s+now)\b/,
  /\bworks?\s+as\s+(?:expected|intended|designed)\b/,
  /\bnothing\s+(?:wrong|to\s+(?:change|fix|worry)|missing)\b/,
  /\bno\s+\w+\s+(?:needed|required|necessary)\b(?!\s+\w)/,
  /^\s*(?:good|great|nice)\s+(?:that|to\s+see)\b/,
  /(?:^\s*|\b(?:i|we)\s+)approv(?:e|ed|ing)\b(?!\s+(?:by|from))/,
  /^\s*(?:\+1|nice|nit|ok|okay|fine|good|great|done|agree[ds]?)\s*[.!]*\s*$/,
  /\bnot\s+(?:needed|necessary|required|important|relevant|worth\s+it)\b/,
  /\b(?:unnecessary|overkill|irrelevant|negligible|premature)\b/,
  /\bdoes\s+not\s+matter\b/,
  /^\s*(?:fine|ok|okay|sure|agreed|yeah|yep|nice|cool)\b\s*[,!.;:]/,
  /^\s*[\w-]+\s+(?:is\s+)?fine\b/,
  /,\s*(?:fine|ok|okay)\s*[.!]*$/,
  /\bnot\s+worth\b/,
  /\bnice\s+(?:use|touch|job|work|time[-\s]saver|idea|pattern|pragmatic)\b/,
  /\b(?:is|are)\s+(?:really\s+|very\s+|pretty\s+)?(?:useful|helpful|handy|plenty|intended|expected|deliberate|by\s+design|on\s+purpose|the\s+intended)\b/,
  /\b(?:by\s+design|on\s+purpose)\b/,
  /\b(?:can|could)\s+not\s+(?:happen|occur|overflow|race|leak)\b/,
  /\bwill\s+not\s+(?:happen|occur|be\s+a\s+problem|matter)\b/,
  /\bnever\s+(?:happens?|occurs?|a\s+problem)\b/,
  /\b(?:already|properly|correctly)\s+(?:handled|validated|covered|converted|capped|escaped|checked|protected|locked|reported|required|enforced|caught|done|safe)\b/,
  /\b(?:is|are)\s+covered\b/,
  /\bactually\s+(?:the\s+)?(?:safer|better|right|correct|fine|intended)\b/,
  /\bis\s+(?:handled|covered)\s+(?:by|elsewhere|upstream)\b/,
];

/** Denials: the clause says a problem does not exist ("no race here", "not a leak"). */
const PROBLEM_NOUN = '(?:real\\s+|actual\\s+|big\\s+|security\\s+)?(?:issues?|problems?|bugs?|concerns?|risks?|races?|race\\s+conditions?|leaks?|worry|worries|danger|vulnerabilit(?:y|ies)|deadlocks?|need|reason\\s+to\\s+worry)';
const DENIAL = [
  new RegExp(`\\b(?:no|zero|without\\s+any)\\s+${PROBLEM_NOUN}\\b`),
  new RegExp(`\\bnot\\s+(?:a|an|any|really\\s+a|really\\s+an)?\\s*${PROBLEM_NOUN.replace('need|', '')}\\b`),
  /\bnon[-\s]?issue\b/,
  /\bnot\s+(?:racy|leaky|unsafe|broken|vulnerable|a\s+blocker)\b/,
  /\b(?:is|are)\s+not\s+(?:wrong|incorrect|unbounded|a\s+leak)\b/,
  /\bsingle[-\s]?threaded\b.*\b(?:so|therefore|hence|thus)\b/,
];

export type Stance = 'asserts' | 'dismisses';

/** Whether one clause approves the code or denies a problem. A question ("are we OK with tokens in logs?") challenges instead. */
export function clauseDismisses(clause: string | Clause): boolean {
  const c = typeof clause === 'string' ? { text: clause, question: false } : clause;
  if (c.question) return false;
  return APPROVAL.some((re) => re.test(c.text)) || DENIAL.some((re) => re.test(c.text));
}

export interface StanceReading {
  /** Clauses that assert something (the ones concepts may be matched in). */
  readonly asserting: string[];
  /** Clauses set aside as approvals or denials. */
  readonly dismissing: string[];
}

export function readStance(text: string): StanceReading {
  const asserting: string[] = [];
  const dismissing: string[] = [];
  for (const c of clausesWithMood(text)) (clauseDismisses(c) ? dismissing : asserting).push(c.text);
  return { asserting, dismissing };
}

/** Why a comment cannot earn anything, whatever concepts it names; undefined when it can. */
export type Rejection = 'too-short' | 'keyword-list' | 'dismissive';

/** Fewer meaningful words than this and a comment states no claim ("shared state", "timeout"). */
export const MIN_MEANINGFUL_WORDS = 4;

/** Terms strung together ("memory leak lru ttl evict", "race, lock, mutex, lua"), not sentences. */
function looksLikeList(text: string, wordCount: number): boolean {
  const sentences = text.split(/[.!?;:]\s+\S/).length;
  const commaItems = text.split(',').length;
  return sentences === 1 && (commaItems >= 3 || wordCount <= 8);
}

export function rejectComment(text: string): Rejection | undefined {
  if (meaningfulWordCount(text) < MIN_MEANINGFUL_WORDS) return 'too-short';
  const ws = words(text);
  // "memory leak lru ttl evict": a list of terms with nothing relating them is not a claim.
  if (!ws.some((w) => FUNCTION_WORDS.has(w)) && looksLikeList(text, ws.length)) return 'keyword-list';
  const all = clausesWithMood(text);
  const s = readStance(text);
  if (s.asserting.length === 0 || s.asserting.every((c) => meaningfulWordCount(c) < 2)) return 'dismissive';
  // The last word is the verdict: "…masks secrets anyway. Fine by me." approves, whatever came before;
  // "Otherwise looks good" after a real point does not.
  const last = all[all.length - 1] ?? { text: '', question: false };
  if (clauseDismisses(last) && !/^\s*(?:otherwise|apart\s+from|except\s+for|beyond|besides|rest|everything\s+else)\b/.test(last.text)) return 'dismissive';
  return undefined;
}
