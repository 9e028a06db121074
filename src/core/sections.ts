import { lexer, type Token, type Tokens } from 'marked';

export interface Section {
  readonly heading: string;
  /** 1-based line of the `#` heading in the whole file. */
  readonly line: number;
  /** Markdown source of the section, without its heading. */
  readonly markdown: string;
  readonly tokens: Token[];
}

/**
 * Splits a markdown body into sections at `depth` headings, keeping each heading's line number.
 * `firstLine` is the file line on which `body` starts.
 */
export function splitSections(body: string, firstLine: number, depth = 1): { preamble: Token[]; sections: Section[] } {
  const tokens = lexer(body);
  const preamble: Token[] = [];
  const sections: Section[] = [];
  let line = firstLine;
  let current: { heading: string; line: number; tokens: Token[] } | undefined;
  const flush = () => {
    if (current) {
      sections.push({ ...current, markdown: current.tokens.map((t) => t.raw).join('').trim() });
    }
  };
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === depth) {
      flush();
      current = { heading: (token as Tokens.Heading).text.trim(), line, tokens: [] };
    } else if (current) current.tokens.push(token);
    else preamble.push(token);
    line += countNewlines(token.raw);
  }
  flush();
  return { preamble, sections };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** The plain-text items of the first list in a section's tokens (nested lists are flattened into their item's text). */
export function listItems(tokens: Token[]): string[] | undefined {
  const list = tokens.find((t): t is Tokens.List => t.type === 'list');
  return list?.items.map((item) => item.text.trim());
}

/** True when the section holds anything but whitespace. */
export function hasContent(section: Section): boolean {
  return section.markdown.trim() !== '';
}
