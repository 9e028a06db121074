import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
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

const KEY = /^[a-z][a-z0-9-]*$/;
/** The header's YAML starts on the file's second line (after the opening `---`). */
const FIRST_YAML_LINE = 2;

/**
 * Parses the YAML front matter of a content file. Only texts and lists of texts are allowed, and
 * the failsafe schema keeps every scalar a string, so `order: 3` or `draft: no` read exactly as
 * written and the schema (not YAML's type guessing) decides what they mean. Every error carries
 * the line in the .md file, not in the header.
 */
export function parseHeader(text: string): Header {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new ContentParseError(1, 'file must start with a `---` header line');
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) throw new ContentParseError(1, 'header is not closed with a `---` line');

  const counter = new LineCounter();
  const lineOf = (offset: number | undefined) => counter.linePos(offset ?? 0).line + FIRST_YAML_LINE - 1;
  const doc = parseDocument(lines.slice(1, close).join('\n'), { schema: 'failsafe', lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const [error] = doc.errors;
  if (error) throw new ContentParseError(lineOf(error.pos[0]), `header is not valid YAML: ${yamlMessage(error.code, error.message)}`);

  const values: Record<string, HeaderValue> = Object.create(null);
  const keyLines: Record<string, number> = Object.create(null);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new ContentParseError(lineOf(root.range?.[0]), 'the header must be `key: value` lines');
  for (const pair of root?.items ?? []) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const keyLine = lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
    if (key === undefined || !KEY.test(key)) throw new ContentParseError(keyLine, `cannot read header key ${key === undefined ? '' : `"${key}" `}(keys are lower-case words joined by "-")`);
    // Checked here rather than by the library so the message can name the key.
    if (key in values) throw new ContentParseError(keyLine, `duplicate header key "${key}"`);
    keyLines[key] = keyLine;
    values[key] = headerValue(key, pair.value as YamlNode | null, keyLine, lineOf);
  }
  return { values, lines: keyLines, endLine: close + 1, body: lines.slice(close + 1).join('\n') };
}

function headerValue(key: string, node: YamlNode | null, keyLine: number, lineOf: (offset: number | undefined) => number): HeaderValue {
  // `key:` with nothing after it has always meant an empty list (the items usually follow on later lines).
  if (node === null || (isScalar(node) && node.value === '' && node.type === 'PLAIN')) return [];
  if (isScalar(node)) return String(node.value);
  if (isSeq(node)) {
    return node.items.map((item) => {
      const itemNode = item as YamlNode | null;
      if (!isScalar(itemNode) || (itemNode.value === '' && itemNode.type === 'PLAIN')) throw new ContentParseError(itemNode?.range ? lineOf(itemNode.range[0]) : keyLine, `"${key}": every list item must be a text`);
      return String(itemNode.value);
    });
  }
  throw new ContentParseError(lineOf(node.range?.[0]), `"${key}" must be a text or a list of texts`);
}

/** The library's messages are good; a few codes get the wording authors of this format know. */
function yamlMessage(code: string, message: string): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') return `${message} (quote a value that contains ": ")`;
  return message;
}
