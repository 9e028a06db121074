import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadContentDir } from '../../src/core/loadContent';
import { renderQuestionPanel, type QuestionView } from '../../src/core/panelHtml';
import { identityT, type Translate } from '../../src/shared/translate';
import { FIXTURE_CONTENT } from './helpers';

const ROOT = resolve('.');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const unescape = (s: string) =>
  s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => (c.length > 1 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === 'n' ? '\n' : c === 't' ? '\t' : c));

/** A `vscode.l10n.t(`, a chat `mdT(` or a bare `t(` call (not `it(`, `format(`, `x.t(`). */
const CALL = /(?:\bl10n\.t|\bmdT|(?<![\w$.])t)\(/g;
/** The same call with a plain literal message, followed by `,` or `)`. */
const LITERAL_CALL = /(?:\bl10n\.t|\bmdT|(?<![\w$.])t)\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\$])*)`)\s*[,)]/g;
/** The calls that pass a message through: the wrappers that hand vscode.l10n.t to the renderers and to chat (and mdT's own signature). */
const WRAPPERS = ['vscode.l10n.t(message, ...args)', 'mdT(message: string'];

function messagesInSource(): { messages: Map<string, string>; dynamic: string[] } {
  const messages = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    const literals = [...text.matchAll(LITERAL_CALL)];
    for (const m of literals) messages.set(unescape(m[1] ?? m[2] ?? m[3] ?? ''), where);
    const calls = (text.match(CALL) ?? []).length - WRAPPERS.reduce((n, w) => n + text.split(w).length - 1, 0);
    if (calls !== literals.length) dynamic.push(`${where}: ${calls - literals.length} call(s) whose message is not a string literal`);
  }
  return { messages, dynamic };
}

describe('localisation', () => {
  it('every %key% in package.json has English text in package.nls.json, and every key there is used', () => {
    const nls = readJson('package.nls.json') as Record<string, string>;
    const used = new Set<string>();
    for (const { path, text } of strings(readJson('package.json'))) {
      const m = /^%([^%\s]+)%$/.exec(text);
      if (!m?.[1]) continue;
      used.add(m[1]);
      assert.equal(typeof nls[m[1]], 'string', `${path}: ${text} is missing from package.nls.json`);
      assert.ok(nls[m[1]]?.trim(), `${path}: ${text} is empty in package.nls.json`);
    }
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'keys in package.nls.json that package.json does not use');
    assert.equal((readJson('package.json') as { l10n?: string }).l10n, './l10n');
  });

  it('package.json has no user-facing contribution text left untranslated', () => {
    const pkg = readJson('package.json') as { displayName: string; description: string; contributes: unknown; capabilities: unknown };
    // Fields VS Code shows to the user; ids, commands, when-clauses, icons and paths are not among them.
    const shown = /\.(title|category|name|contextualTitle|contents|description|markdownDescription|patternErrorMessage|displayName)$/;
    const raw = [
      ...strings(pkg.contributes, 'contributes'),
      ...strings(pkg.capabilities, 'capabilities'),
      { path: '.displayName', text: pkg.displayName },
      { path: '.description', text: pkg.description },
    ]
      // A chat participant's and its commands' names are what users type (@interviewer /quiz): identifiers, not prose.
      .filter((s) => !/^contributes\.chatParticipants\[\d+\](\.commands\[\d+\])?\.name$/.test(s.path))
      .filter((s) => shown.test(s.path) && !/^%[^%\s]+%$/.test(s.text));
    assert.deepEqual(raw, []);
  });

  it('every vscode.l10n.t and t message in src/ is in l10n/bundle.l10n.json, and the bundle has no stale message', () => {
    const bundle = readJson('l10n/bundle.l10n.json') as Record<string, string>;
    const { messages, dynamic } = messagesInSource();
    assert.deepEqual(dynamic, [], 'the bundle can only hold literal messages');
    assert.ok(messages.size > 100, `found only ${messages.size} messages: is the extraction broken?`);
    const missing = [...messages].filter(([m]) => !(m in bundle)).map(([m, file]) => `${file}: ${JSON.stringify(m)}`);
    assert.deepEqual(missing, [], 'run `npm run l10n:export`');
    assert.deepEqual(Object.keys(bundle).filter((k) => !messages.has(k)), [], 'stale messages: run `npm run l10n:export`');
    for (const [k, v] of Object.entries(bundle)) assert.equal(v, k, 'the default bundle is English');
  });

  it('identityT substitutes {0}, {1} … once, like vscode.l10n.t, and leaves other braces alone', () => {
    assert.equal(identityT('Graded {0}. Next review in {1}.', 'Good', '3d'), 'Graded Good. Next review in 3d.');
    assert.equal(identityT('{0}{0} {2}', 'a', 1), 'aa {2}');
    assert.equal(identityT('{0}', '{1}', 'x'), '{1}', 'arguments are not substituted again');
    assert.equal(identityT('{name} {0}'), '{name} {0}', 'no arguments: the message as is');
  });

  it('the question panel routes its texts, and the webview script’s texts, through the given translate function', () => {
    const q = loadContentDir(FIXTURE_CONTENT).bundle.questions.find((x) => x.id === 'trace-sampling');
    assert.ok(q);
    const view: QuestionView = {
      question: q, topicTitle: 'T', followUps: [], related: [], note: '', flagged: false, stateLabel: 'New', timerSeconds: 60, revealed: false, review: true,
      grades: [{ rating: 3, label: 'Good', interval: '10m' }],
    };
    const pseudo: Translate = (m, ...a) => identityT(`⟦${m}⟧`, ...a);
    const html = String(renderQuestionPanel(view, { cspSource: 'c', nonce: 'n', scriptUri: 's', stylesheet: 'p{}' }, pseudo));
    assert.match(html, />⟦Reveal answer⟧ <kbd>/);
    assert.match(html, /title="⟦Good: next review in 10m \(key 3\)⟧"/);
    const attr = /data-strings="([^"]*)"/.exec(html)?.[1] ?? '';
    const data = JSON.parse(attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Record<string, unknown>;
    assert.equal(data.graded, '⟦Graded {0}. Next review {1}. Press U to undo.⟧', 'placeholders are left for the webview script');
    assert.deepEqual(data.ratings, ['', '⟦Again⟧', '⟦Hard⟧', '⟦Good⟧', '⟦Easy⟧']);
    // Without a translate function: the English of before.
    assert.match(String(renderQuestionPanel(view, { cspSource: 'c', nonce: 'n', scriptUri: 's', stylesheet: 'p{}' })), />Reveal answer <kbd>Space<\/kbd>/);
  });
});
