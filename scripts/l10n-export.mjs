// Writes l10n/bundle.l10n.json: every message of `vscode.l10n.t('…')` (src/extension) and of the
// core renderers' `t('…')` (src/core, see src/shared/translate.ts), each mapped to itself (English).
// `@vscode/l10n-dev export` finds only `l10n.t(…)` calls, so it would miss the renderers' strings.
// Usage: node scripts/l10n-export.mjs [--check]   (--check: fail if the bundle is out of date)
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.json');

/** `vscode.l10n.t(`, the chat's `mdT(` (src/extension/chat/safeStream.ts) or a bare `t(` (not `it(`, `format(`…); group 1 is what follows the parenthesis. */
const CALL = /(?:\bl10n\.t|\bmdT|(?<![\w$.])t)\(\s*([\s\S]{0,1})/g;
/** The wrapper that hands `vscode.l10n.t` to the renderers: the one call without a literal. */
const ALLOWED_DYNAMIC = ['l10n.t(message, ...args)', 'mdT(message: string'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Reads the string literal starting at `text[start]` (a quote); returns its value and end, or undefined. */
function literal(text, start) {
  const quote = text[start];
  let out = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote) return { value: out, end: i + 1 };
    if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined;
    if (c === '\\') {
      const n = text[++i];
      if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else if (n === 'u') {
        out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += n;
    } else out += c;
  }
  return undefined;
}

/** All messages, and the places where a call's first argument is not a plain literal. */
function extract(srcDir = join(ROOT, 'src')) {
  const messages = new Set();
  const problems = [];
  for (const file of files(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(CALL)) {
      const at = m.index + m[0].length - m[1].length;
      const lit = '\'"`'.includes(m[1]) ? literal(text, at) : undefined;
      // A literal followed by `+` is a concatenation the bundle cannot match.
      const next = lit && text.slice(lit.end).match(/^\s*(.)/)?.[1];
      if (lit && (next === ',' || next === ')')) messages.add(lit.value);
      else if (!ALLOWED_DYNAMIC.some((a) => text.startsWith(a, m.index))) {
        const line = text.slice(0, m.index).split('\n').length;
        problems.push(`${relative(ROOT, file)}:${line}: the message of a translated call must be a string literal`);
      }
    }
  }
  return { messages: [...messages].sort(), problems };
}

const { messages, problems } = extract();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const json = `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(BUNDLE, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== json) {
    console.error(`${relative(ROOT, BUNDLE)} is out of date: run npm run l10n:export`);
    process.exit(1);
  }
  console.log(`${relative(ROOT, BUNDLE)}: ${messages.length} messages, up to date`);
} else {
  mkdirSync(join(ROOT, 'l10n'), { recursive: true });
  writeFileSync(BUNDLE, json);
  console.log(`${relative(ROOT, BUNDLE)}: ${messages.length} messages`);
}
