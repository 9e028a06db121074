import { ContentParseError } from './contentError';

export type HeaderValue = string | string[];

export interface Header {
  readonly values: Record<string, HeaderValue>;
  /** Line (1-based) on which each key was written, for error messages. */
  readonly lines: Record<string, number>;
  /** Line (1-based) of the closing `---`. */
  readonly endLine: number;
  /** The text after the header. */
  readonly body: string;
}

const KEY_LINE = /^([a-z][a-z0-9-]*):(?:\s+(.*))?$/;

/**
 * Parses the small header at the top of a content file: `key: value`, `key: [a, b]`, or `key:`
 * followed by indented `- item` lines. Deliberately not YAML: a tiny, predictable subset that
 * reports the exact line of every mistake.
 */
export function parseHeader(text: string): Header {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new ContentParseError(1, 'file must start with a `---` header line');
  const values: Record<string, HeaderValue> = Object.create(null);
  const keyLines: Record<string, number> = Object.create(null);
  let openList: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1;
    if (raw.trim() === '---') {
      return { values, lines: keyLines, endLine: lineNo, body: lines.slice(i + 1).join('\n') };
    }
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s+(.*)$/.exec(raw);
    if (item) {
      const list = openList === undefined ? undefined : values[openList];
      if (!Array.isArray(list)) throw new ContentParseError(lineNo, 'list item `- …` without a `key:` line above it');
      list.push(unquote(item[1] ?? ''));
      continue;
    }
    const m = KEY_LINE.exec(raw);
    if (!m) throw new ContentParseError(lineNo, `cannot read header line "${raw.trim()}" (expected \`key: value\`)`);
    const key = m[1] as string;
    if (key in values) throw new ContentParseError(lineNo, `duplicate header key "${key}"`);
    keyLines[key] = lineNo;
    const rest = (m[2] ?? '').trim();
    if (rest === '') {
      values[key] = [];
      openList = key;
    } else if (rest.startsWith('[')) {
      if (!rest.endsWith(']')) throw new ContentParseError(lineNo, `unclosed list for "${key}" (expected \`[a, b]\`)`);
      values[key] = splitInlineList(rest.slice(1, -1));
      openList = undefined;
    } else {
      values[key] = unquote(rest);
      openList = undefined;
    }
  }
  throw new ContentParseError(1, 'header is not closed with a `---` line');
}

function splitInlineList(inner: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out.filter((s) => s !== '');
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}
