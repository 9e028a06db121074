import { lexer, type Token, type Tokens } from 'marked';

/**
 * Diagrams in content Markdown: a ```dot fence (Graphviz DOT) immediately followed by a paragraph
 * starting "Diagram:" (the text alternative). The content build renders each fence to a sanitized,
 * theme-neutral SVG and stores it in the bundle's `diagrams` map under `diagramKey(source)`; the
 * Markdown renderer shows that SVG in a <figure> with the "Diagram:" text as its caption. No
 * Graphviz runs in the extension or the webview (see src/build/diagramSvg.ts).
 */

export const DIAGRAM_LANG = 'dot';
export const CAPTION_PREFIX = /^Diagram:\s*/;

/** A short stable key for a DOT source (53-bit hash, base 36): the same source gets the same SVG. */
export function diagramKey(source: string): string {
  const s = source.trim();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export interface FoundDiagram {
  /** The DOT source (the fence's text). */
  readonly source: string;
  /** The "Diagram:" paragraph's text without the prefix, or undefined when it is missing. */
  readonly caption: string | undefined;
  /** 1-based line of the opening fence (of the enclosing block, for a fence nested in a list or quote). */
  readonly line: number;
  /** True when the fence sits inside a list or block quote (diagrams must be top-level blocks). */
  readonly nested: boolean;
}

function isDot(t: Token): t is Tokens.Code {
  return t.type === 'code' && (t as Tokens.Code).lang?.trim().toLowerCase() === DIAGRAM_LANG;
}

function captionOf(tokens: readonly Token[], i: number): Tokens.Paragraph | undefined {
  let j = i + 1;
  while (tokens[j]?.type === 'space') j++;
  const next = tokens[j];
  return next?.type === 'paragraph' && CAPTION_PREFIX.test((next as Tokens.Paragraph).text) ? (next as Tokens.Paragraph) : undefined;
}

function children(t: Token): Token[] {
  const out: Token[] = [];
  if ('tokens' in t && Array.isArray(t.tokens)) out.push(...(t.tokens as Token[]));
  if (t.type === 'list') for (const item of (t as Tokens.List).items) out.push(...item.tokens);
  return out;
}

/** Every ```dot fence in a piece of Markdown, with its caption and line (`firstLine` = the line the text starts on). */
export function findDiagrams(markdown: string, firstLine = 1): FoundDiagram[] {
  const found: FoundDiagram[] = [];
  const tokens = lexer(markdown);
  let line = firstLine;
  const nestedIn = (t: Token, at: number) => {
    for (const c of children(t)) {
      if (isDot(c)) found.push({ source: c.text, caption: undefined, line: at, nested: true });
      nestedIn(c, at);
    }
  };
  tokens.forEach((t, i) => {
    if (isDot(t)) {
      const cap = captionOf(tokens, i);
      found.push({ source: t.text, caption: cap ? cap.text.replace(CAPTION_PREFIX, '').trim() : undefined, line: line + leadingNewlines(t.raw), nested: false });
    } else nestedIn(t, line);
    line += countNewlines(t.raw);
  });
  return found;
}

/** Markdown without its diagrams (the DOT fences and their "Diagram:" paragraphs): for word counts and search. */
export function withoutDiagrams(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[ \t]*dot[ \t]*\n[\s\S]*?^\1[ \t]*$\n?/gm, '')
    .replace(/^Diagram:.*(?:\n(?![ \t]*$).*)*/gm, '');
}

/** Problems an author must fix that need no Graphviz: a missing caption, a fence inside a list. */
export function diagramShapeProblems(d: FoundDiagram): string | undefined {
  if (d.nested) return 'a ```dot diagram must be a top-level block, not inside a list or quote';
  if (d.caption === undefined) return 'a ```dot diagram must be followed by a paragraph starting "Diagram:" (its text alternative)';
  if (d.caption === '') return 'the "Diagram:" paragraph is empty: describe what the diagram shows';
  return undefined;
}

/** A caption's plain text for aria-label and <title>: Markdown emphasis and code marks removed. */
export function captionPlainText(caption: string): string {
  return caption
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Marks on a ```dot code token once its caption paragraph has been folded into it (Markdown renderer). */
export interface DiagramCodeToken extends Tokens.Code {
  diagramCaption?: Tokens.Paragraph;
}

/**
 * For marked's `processAllTokens` hook: every top-level ```dot fence followed by a "Diagram:"
 * paragraph takes that paragraph as its caption, and the paragraph is removed from the flow.
 */
export function foldDiagramCaptions<T extends Token[]>(tokens: T): T {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isDot(t)) continue;
    const cap = captionOf(tokens, i);
    if (!cap) continue;
    (t as DiagramCodeToken).diagramCaption = cap;
    const at = tokens.indexOf(cap);
    tokens.splice(i + 1, at - i);
  }
  return tokens;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function leadingNewlines(s: string): number {
  let n = 0;
  while (s.charCodeAt(n) === 10) n++;
  return n;
}
