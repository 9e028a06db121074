/**
 * Text normalisation shared by every judge: one tokenizer and one stemmer, so a concept list,
 * a review comment and a draft answer are compared in the same terms.
 */

/** A word of the text: its stem, its surface form, and the clause it belongs to. */
export interface Token {
  readonly stem: string;
  readonly word: string;
  readonly clause: number;
}

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bcan['’]t\b/g, 'can not'],
  [/\bwon['’]t\b/g, 'will not'],
  [/\bshan['’]t\b/g, 'shall not'],
  [/\b(\w+)n['’]t\b/g, '$1 not'],
  [/\b(\w+)['’](s|re|ve|ll|d|m)\b/g, '$1 $2'],
];

/** Lower case, contractions opened ("isn't" → "is not"), thousands separators dropped ("1,000" → "1000"). */
export function normalize(text: string): string {
  let t = text.toLowerCase().normalize('NFKC');
  for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  t = t.replace(/(\d)[,_](?=\d{3}(?!\d))/g, '$1');
  return t;
}

/**
 * A light suffix stemmer (plural, -ed, -ing, -ly, -er, -ation, -ment, final e), enough to make
 * "cap", "capped", "caps" and "capping" one word. Not a linguistic stemmer: both sides of every
 * comparison go through it, so it only needs to be consistent.
 */
export function stem(input: string): string {
  let w = input;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, to] of [
    ['ational', 'ate'],
    ['ation', 'ate'],
    ['ments', ''],
    ['ment', ''],
    ['ingly', ''],
    ['edly', ''],
    ['ing', ''],
    ['ed', ''],
    ['ly', ''],
    ['er', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + to;
      break;
    }
  }
  // "capp" (from "capped") → "cap"; keep ll/ss/zz ("call", "pass", "fizz").
  if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Clause boundaries: sentence ends and the contrastive words that turn a verdict around. */
const CLAUSE_BREAK = /(?:[.!?;:]+(?=\s|$)|\n+|\s[—–]\s|\s-\s|,?\s+(?:but|however|although|though|except|yet|whereas|unless)\b)/g;

export interface Clause {
  readonly text: string;
  /** Ended with a question mark: a reviewer's question challenges, it does not approve. */
  readonly question: boolean;
}

/** Splits a text into clauses (for stance: "fine for one process, but six replicas…" is two). */
export function clausesWithMood(text: string): Clause[] {
  // Code in backticks is kept whole, so `Date.now()` does not end a sentence.
  const protectedText = normalize(text).replace(/`[^`]*`/g, (code) => code.replace(/[.!?;:]/g, '\u0001'));
  const out: Clause[] = [];
  let at = 0;
  const push = (end: number, sep: string) => {
    const t = protectedText.slice(at, end).replace(/\u0001/g, '.').trim();
    if (t.length > 0) out.push({ text: t, question: sep.includes('?') });
  };
  for (const m of protectedText.matchAll(CLAUSE_BREAK)) {
    push(m.index, m[0]);
    at = m.index + m[0].length;
  }
  push(protectedText.length, '');
  return out;
}

export function clauses(text: string): string[] {
  return clausesWithMood(text).map((c) => c.text);
}

/** The words of a string as tokens ("10ms" → "10", "ms"; "check-then-act" → three words). */
export function words(text: string): string[] {
  return (normalize(text).replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_m, a?: string, b?: string, c?: string, d?: string) => (a ? `${a} ${b}` : `${c} ${d}`)).match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Tokens of a text, each tagged with its clause index. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  clauses(text).forEach((c, clause) => {
    for (const word of words(c)) out.push({ stem: stem(word), word, clause });
  });
  return out;
}

/** Function words: what makes a sentence a claim rather than a list of keywords. */
export const FUNCTION_WORDS = new Set(
  'a an the is are was were be been being am not no never nothing none nor does do did will would can could should must may might shall too because so when whenever if then than vs versus instead without before after per every each with by to of from on in at for it its this that these those and or but has have had get gets got make makes made let lets only all any which who what how why where there here into out up down over under between while until since also just still even more less much many same other another both either neither once twice as like'.split(
    ' ',
  ),
);

/** Words that carry no meaning of their own for counting how much a comment says (negations and quantifiers do). */
const STOP = new Set(
  'a an the is are was were be been being am do does did will would can could should shall may might must to of from on in at for by with into it its this that these those and or so then than there here i we you they he she me us our my your their his her them s t re ve ll d m as just also'.split(' '),
);

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** Count of distinct words that say something (not pronouns, articles or auxiliaries). */
export function meaningfulWordCount(text: string): number {
  // Two-letter fragments ("xx" of "4xx", "vs") and lone digits say little on their own.
  return new Set(words(text).filter((w) => !STOP.has(w) && (w.length >= 3 || /^\d{2,}$/.test(w)))).size;
}
