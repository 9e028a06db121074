import { normalize, stem, words, type Token } from '../../shared/judge/text';

/**
 * A claim a reviewer must make, as concept groups: the comment has to express every group
 * (e.g. *unit* and *effect* for "the refill is 1,000× too fast because ms are not converted").
 */
export interface ConceptGroup {
  readonly name: string;
  readonly phrases: string[];
}

/** What made a group match: the group and the words of the text that expressed it. */
export interface GroupEvidence {
  readonly group: string;
  readonly matched: string;
}

/** Most other words a phrase's words may have between them ("control host" matches "control of the build host"). */
export const PHRASE_GAP = 3;

interface CompiledWord {
  readonly stem: string;
  readonly prefix: boolean;
}

type CompiledPhrase = { readonly kind: 'raw'; readonly text: string } | { readonly kind: 'words'; readonly words: readonly CompiledWord[] };

/** A phrase with characters beyond letters, digits, spaces, hyphens and `*` is code: matched as written. */
function compile(phrase: string): CompiledPhrase | undefined {
  const p = phrase.trim();
  if (p === '') return undefined;
  if (/[^\p{L}\p{N}\s*'’-]/u.test(p)) return { kind: 'raw', text: normalize(p) };
  const parts = p.split(/\s+/).flatMap((part) => {
    const prefix = part.endsWith('*');
    const ws = words(prefix ? part.slice(0, -1) : part);
    return ws.map((w, i) => ({ stem: prefix && i === ws.length - 1 ? w : stem(w), prefix: prefix && i === ws.length - 1 }));
  });
  return parts.length ? { kind: 'words', words: parts } : undefined;
}

const cache = new Map<string, CompiledPhrase | undefined>();
function compiled(phrase: string): CompiledPhrase | undefined {
  let c = cache.get(phrase);
  if (c === undefined && !cache.has(phrase)) {
    c = compile(phrase);
    cache.set(phrase, c);
  }
  return c;
}

function wordMatches(w: CompiledWord, t: Token): boolean {
  return w.prefix ? t.word.startsWith(w.stem) : t.stem === w.stem;
}

/** First occurrence of a phrase in the tokens (words in order, small gaps allowed); its words, or undefined. */
function findWords(phrase: readonly CompiledWord[], tokens: readonly Token[]): string | undefined {
  const first = phrase[0];
  if (!first) return undefined;
  for (let start = 0; start < tokens.length; start++) {
    const t0 = tokens[start];
    if (!t0 || !wordMatches(first, t0)) continue;
    let at = start;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) {
      const w = phrase[k] as CompiledWord;
      ok = false;
      for (let j = at + 1; j <= at + 1 + PHRASE_GAP && j < tokens.length; j++) {
        if (wordMatches(w, tokens[j] as Token)) {
          at = j;
          ok = true;
          break;
        }
      }
    }
    if (ok) return tokens.slice(start, at + 1).map((t) => t.word).join(' ');
  }
  return undefined;
}

/** The words in `tokens` (or, for code phrases, in `raw`) that express the group, or undefined. */
export function matchGroup(group: ConceptGroup, tokens: readonly Token[], raw: string): string | undefined {
  for (const phrase of group.phrases) {
    const c = compiled(phrase);
    if (!c) continue;
    if (c.kind === 'raw') {
      if (raw.includes(c.text)) return phrase;
    } else {
      const found = findWords(c.words, tokens);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Evidence for every group, or undefined when any group is not expressed. */
export function matchClaim(groups: readonly ConceptGroup[], tokens: readonly Token[], raw: string): GroupEvidence[] | undefined {
  const evidence: GroupEvidence[] = [];
  for (const g of groups) {
    const matched = matchGroup(g, tokens, raw);
    if (matched === undefined) return undefined;
    evidence.push({ group: g.name, matched });
  }
  return evidence;
}

/** Groups that a text expresses, for explaining a partial match ("found *unit*, missing *effect*"). */
export function groupsExpressed(groups: readonly ConceptGroup[], tokens: readonly Token[], raw: string): GroupEvidence[] {
  return groups.flatMap((g) => {
    const matched = matchGroup(g, tokens, raw);
    return matched === undefined ? [] : [{ group: g.name, matched }];
  });
}

/** Parses one `- name: phrase, phrase, …` line of a `### Claim` list. */
export function parseGroupLine(item: string): ConceptGroup | string {
  const m = /^([a-z][a-z0-9-]*)\s*:\s*(.+)$/s.exec(item.trim());
  if (!m) return 'expected "- name: phrase, phrase, …"';
  const phrases = (m[2] ?? '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .split(',')
    .map((p) => p.trim().replace(/^`(.*)`$/, '$1'))
    .filter((p) => p !== '');
  if (phrases.length === 0) return `group "${m[1]}" has no phrases`;
  const bad = phrases.find((p) => compile(p) === undefined);
  if (bad !== undefined) return `group "${m[1]}": cannot read phrase "${bad}"`;
  return { name: m[1] as string, phrases };
}
