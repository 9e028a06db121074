import { Lexer, type Token, type Tokens } from 'marked';

/**
 * One text rule for every surface outside our webviews (tree items, quick picks, comments,
 * notifications, diagnostics, chat, generated Markdown documents). Pack content and the user's
 * own words are someone else's input: they are shown as plain text, or as Markdown with no
 * images, no raw HTML and no links other than http(s), so VS Code never fetches or runs anything
 * because of them (no `![](https://…)` beacon, no `command:`/`file:`/`vscode:`/`data:` link).
 *
 * `SafeMarkdown` is a branded string: the only ways to get one are the sanitizers below and
 * `trusted()` for our own literal strings, so the compiler keeps raw text out of Markdown sinks.
 */
export type SafeMarkdown = string & { readonly __safe: true };

/** Our own Markdown (a literal we wrote, or a translation of one). Never pass pack or user text. */
export function trusted(markdown: string): SafeMarkdown {
  return markdown as SafeMarkdown;
}

/** Markdown's punctuation, escaped so text shows as written. */
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:]/g;

/** Escapes Markdown inside one line of text (newlines kept as they are). */
function escapeInline(s: string): string {
  return stripControls(s).replace(MD_SPECIAL, (c) => `\\${c}`);
}

/**
 * Only the characters that could make Markdown fetch or run something (`[`/`]` for links and
 * images, `<`/`>` for HTML and autolinks) or change emphasis, code or table cells. Used where the
 * Markdown is also read as source (generated documents) and inside safeMarkdown.
 */
const MD_LIGHT = /[\\`*_[\]<>|]/g;

function escapeLight(s: string): string {
  return stripControls(s).replace(MD_LIGHT, (c) => `\\${c}`);
}

/** One line of text for a Markdown document (a quoted answer, a title in a heading), readable as source and inert when rendered. */
export function markdownLine(s: string): SafeMarkdown {
  return escapeLight(s).replace(/\r?\n/g, ' ') as SafeMarkdown;
}

/** Text (pack, user, model) as Markdown that shows exactly these characters: line breaks kept, nothing interpreted. */
export function markdownText(s: string): SafeMarkdown {
  return escapeInline(s).replace(/\r?\n/g, '  \n') as SafeMarkdown;
}

/** Joins safe pieces. */
export function joinMarkdown(parts: readonly SafeMarkdown[], separator: '' | '\n' | '\n\n' | ' ' = ''): SafeMarkdown {
  return parts.join(separator) as SafeMarkdown;
}

/**
 * A template tag for Markdown: the literal parts are ours, every value must already be safe
 * (`markdownText(x)`, `safeMarkdown(x)`) or a number. `md\`**${markdownText(title)}**\``.
 */
export function md(strings: TemplateStringsArray, ...values: (SafeMarkdown | number)[]): SafeMarkdown {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += String(v) + (strings[i + 1] ?? '')));
  return out as SafeMarkdown;
}

/** C0/C1 controls (except tab and newline) and bidirectional overrides, which can disguise text. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function stripControls(s: string): string {
  return s.replace(CONTROLS, '');
}

/**
 * Plain text for surfaces that show text but parse a little of it: notifications turn
 * `[label](target)` into a clickable link (even `command:`), quick picks render `$(icon)`.
 * Both are broken up (`label (target)`); control and bidi characters are removed.
 * `singleLine` (tree labels, descriptions, quick-pick items) folds whitespace and cuts at `max`.
 */
export function plainText(s: string, opts: { singleLine?: boolean; max?: number } = {}): string {
  let out = stripControls(s)
    .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, (_m, label: string, target: string) => (target.trim() ? `${label} (${target.trim()})` : label))
    .replace(/\$\(/g, '$\u200B(');
  if (opts.singleLine) out = out.replace(/\s+/g, ' ').trim();
  const max = opts.max ?? (opts.singleLine ? 300 : 5000);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/**
 * Markdown from a pack (or from the bank) as Markdown that cannot fetch or run anything: it is
 * parsed (CommonMark + GFM, like VS Code's renderer) and written back with only paragraphs,
 * headings, lists, quotes, tables, emphasis, code and http(s) links. Images become their alt
 * text, raw HTML and HTML comments are dropped (the text between tags is kept as text), link
 * reference definitions are dropped, other links keep their text only.
 */
export function safeMarkdown(markdown: string): SafeMarkdown {
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(stripControls(markdown));
  } catch {
    return markdownText(markdown);
  }
  return blocks(tokens).join('\n\n').trim() as SafeMarkdown;
}

/** An http(s) address safe to put inside `(…)`, or undefined. */
export function safeHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/[()<>\s"'\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function blocks(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const b = block(t);
    if (b.trim() !== '') out.push(b);
  }
  return out;
}

function block(t: Token): string {
  switch (t.type) {
    case 'space':
    case 'def':
      return '';
    case 'paragraph':
      return inline((t as Tokens.Paragraph).tokens);
    case 'heading': {
      const h = t as Tokens.Heading;
      return `${'#'.repeat(Math.min(6, Math.max(1, h.depth)))} ${inline(h.tokens)}`;
    }
    case 'code': {
      const c = t as Tokens.Code;
      const fence = '`'.repeat(Math.max(3, longestRun(c.text, '`') + 1));
      const lang = (c.lang ?? '').replace(/[^\w+-]/g, '').slice(0, 30);
      return `${fence}${lang}\n${stripControls(c.text)}\n${fence}`;
    }
    case 'blockquote':
      return blocks((t as Tokens.Blockquote).tokens)
        .join('\n\n')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'list': {
      const l = t as Tokens.List;
      const start = typeof l.start === 'number' ? l.start : 1;
      return l.items
        .map((item, i) => {
          const marker = l.ordered ? `${start + i}.` : '-';
          const task = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
          const body = blocks(item.tokens.filter((x) => x.type !== 'checkbox')).join(l.loose ? '\n\n' : '\n');
          const pad = ' '.repeat(marker.length + 1);
          return `${marker} ${task}${body.split('\n').join(`\n${pad}`)}`;
        })
        .join(l.loose ? '\n\n' : '\n');
    }
    case 'table': {
      const tb = t as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => `| ${cells.map((c) => inline(c.tokens).replace(/\n/g, ' ')).join(' | ')} |`;
      return [row(tb.header), `|${tb.header.map(() => '---|').join('')}`, ...tb.rows.map(row)].join('\n');
    }
    case 'hr':
      return '---';
    case 'html':
      return escapeLight(htmlText(t.raw));
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inline(x.tokens) : escapeLight(x.text);
    }
    default:
      return 'tokens' in t && Array.isArray(t.tokens) ? inline(t.tokens) : escapeLight('text' in t && typeof t.text === 'string' ? t.text : t.raw);
  }
}

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(inlineOne).join('');
}

function inlineOne(t: Token): string {
  switch (t.type) {
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inline(x.tokens) : escapeLight(x.text);
    }
    case 'escape':
      return escapeLight((t as Tokens.Escape).text);
    case 'strong':
      return `**${inline((t as Tokens.Strong).tokens)}**`;
    case 'em':
      return `*${inline((t as Tokens.Em).tokens)}*`;
    case 'del':
      return `~~${inline((t as Tokens.Del).tokens)}~~`;
    case 'codespan': {
      const text = stripControls((t as Tokens.Codespan).text).replace(/\n/g, ' ');
      const fence = '`'.repeat(longestRun(text, '`') + 1);
      const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
      return `${fence}${pad}${text}${pad}${fence}`;
    }
    case 'br':
      return '  \n';
    case 'link': {
      const l = t as Tokens.Link;
      const href = safeHref(l.href);
      const text = inline(l.tokens) || escapeLight(l.text);
      return href ? `[${text}](${href})` : text;
    }
    case 'image':
      return escapeLight((t as Tokens.Image).text);
    case 'html':
      // Inline tags are dropped; the text between them comes as its own tokens.
      return '';
    case 'checkbox':
      return '';
    default:
      return 'tokens' in t && Array.isArray(t.tokens) ? inline(t.tokens) : escapeLight('text' in t && typeof t.text === 'string' ? t.text : t.raw);
  }
}

/** The visible text of a block of HTML: comments, tags and script/style bodies removed. */
function htmlText(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<[^>]*>?/g, '')
    .trim();
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
