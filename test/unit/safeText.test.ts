import assert from 'node:assert/strict';
import { Lexer, type Token } from 'marked';
import { markdownLine, markdownText, md, plainText, safeHref, safeMarkdown, trusted } from '../../src/core/safeText';
import { transcriptMarkdown } from '../../src/core/mock/scorecard';
import { gradeTurn, startMock, submitAnswer } from '../../src/core/mock/session';
import { loadContentDir } from '../../src/core/loadContent';
import { FIXTURE_CONTENT } from './helpers';

/** Every link and image target, and every raw HTML piece, that VS Code's Markdown renderer would see. */
function active(markdown: string): { links: string[]; images: string[]; html: string[] } {
  const out = { links: [] as string[], images: [] as string[], html: [] as string[] };
  const walk = (tokens: readonly Token[]) => {
    for (const t of tokens) {
      if (t.type === 'link') out.links.push(t.href);
      if (t.type === 'image') out.images.push(t.href);
      if (t.type === 'html') out.html.push(t.raw);
      if (t.type === 'list') for (const item of t.items) walk(item.tokens);
      if (t.type === 'table') for (const cell of [...t.header, ...t.rows.flat()]) walk(cell.tokens);
      if ('tokens' in t && Array.isArray(t.tokens)) walk(t.tokens);
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown));
  return out;
}

const HOSTILE = `# Hostile <b onmouseover="x()">title</b>
Look ![beacon](https://evil.example/pixel.png "t") and <img src="https://evil.example/i.png"> and <script>fetch('https://evil.example')</script>
[open a terminal](command:workbench.action.terminal.new) [js](javascript:alert(1)) [file](file:///etc/passwd) [vs](vscode://ms-vscode.x/run) [data](data:text/html,<b>x</b>)
<file:///etc/passwd> <command:workbench.action.quit> <https://ok.example/auto>
[ref image][pix] and ![ref][pix] and [ref link][cmd]

[pix]: https://evil.example/ref.png
[cmd]: command:workbench.action.quit

<div>
<iframe src="https://evil.example"></iframe>
block text
</div>

- item with ![img](https://evil.example/li.png) and [cmd](command:x)
- [ ] a task

| a | b |
|---|---|
| ![t](https://evil.example/t.png) | [c](command:y) |

> quoted [d](data:text/html,hi)
<!-- a comment -->

Keep [the docs](https://example.com/a_(b)) and \`code ![x](y)\` and **bold**.`;

describe('safeText: one text rule outside the webviews', () => {
  it('safeMarkdown leaves no image, no raw HTML and no link other than http(s)', () => {
    const out = safeMarkdown(HOSTILE);
    const a = active(out);
    assert.deepEqual(a.images, [], out);
    assert.deepEqual(a.html, [], out);
    for (const href of a.links) assert.match(href, /^https?:\/\//, `link ${href} in\n${out}`);
    // Web links stay links (a bare https:// address is autolinked, as in the source); nothing else does.
    assert.ok(a.links.includes('https://example.com/a_%28b%29') && a.links.includes('https://ok.example/auto'), a.links.join(' '));
    assert.doesNotMatch(out, /\]\((?:command|javascript|vscode|data|file):|<script|<img|<iframe/i);
    // What a reader needs stays: the text of removed links and images, headings, lists, code.
    for (const text of ['Hostile', 'title', 'beacon', 'open a terminal', 'block text', 'a task', 'quoted', '**bold**', '`code ![x](y)`']) assert.ok(out.includes(text), `${text} in\n${out}`);
    assert.match(out, /^# Hostile/);
    assert.match(out, /^- \[ \] a task$/m);
  });

  it('safeMarkdown is stable on its own output and on plain bank text', () => {
    const once = safeMarkdown(HOSTILE);
    assert.deepEqual(active(safeMarkdown(once)), active(once));
    assert.equal(safeMarkdown('Use a **monotonic** clock, not `Date.now()`.'), 'Use a **monotonic** clock, not `Date.now()`.');
  });

  it('markdownText and markdownLine show text as written: no link, image or HTML survives', () => {
    for (const f of [markdownText, markdownLine]) {
      const out = f('![x](https://evil.example/p.png) <img src=x> [c](command:quit) <file:///etc/passwd>');
      const a = active(out);
      assert.deepEqual([a.images, a.html], [[], []], out);
      assert.deepEqual(a.links.filter((h) => !/^https:\/\//.test(h)), [], out);
    }
    assert.equal(markdownLine('> # not a heading.'), '\\> # not a heading.');
  });

  it('safeHref accepts only http(s) and cannot break out of (…)', () => {
    assert.equal(safeHref('javascript:alert(1)'), undefined);
    assert.equal(safeHref('command:x'), undefined);
    assert.equal(safeHref('file:///etc/passwd'), undefined);
    assert.equal(safeHref('HTTPS://example.com/a b)(c'), 'https://example.com/a%20b%29%28c');
  });

  it('plainText breaks notification links and theme icons, and strips control and bidi characters', () => {
    const out = plainText('Click [here](command:workbench.action.quit) $(zap) \u202Egnp.exe\u0007', { singleLine: true });
    assert.doesNotMatch(out, /\]\(|\$\(|[\u202E\u0007]/);
    assert.match(out, /here \(command:workbench\.action\.quit\)/);
    assert.equal(plainText('a\n\nb', { singleLine: true }), 'a b');
    assert.equal(plainText('x'.repeat(500), { singleLine: true, max: 10 }).length, 10);
  });

  it('md only takes safe values (the type system enforces it; numbers allowed)', () => {
    assert.equal(md`**${markdownText('a*b')}** ${3}`, '**a\\*b** 3');
    assert.equal(trusted('**ours**'), '**ours**');
  });

  it('the mock transcript is inert: pack prompts and key points sanitized, answers quoted as text', () => {
    const bank = loadContentDir(FIXTURE_CONTENT).bundle;
    const hostileBank = {
      ...bank,
      questions: bank.questions.map((q) => ({ ...q, title: `${q.title} <img src=x>`, prompt: `${q.prompt} ![p](https://evil.example/p.png) [c](command:quit)`, keyPoints: q.keyPoints.map((k) => `${k} <script>x()</script>`) })),
    };
    let s = startMock(hostileBank, { topics: ['alpha-topic'], difficulty: 'any', questions: 2, minutes: 10 }, 0, () => 0.3);
    for (let i = 0; s.phase !== 'done' && i < 20; i++) {
      s = submitAnswer(s, 'My answer ![a](https://evil.example/a.png) <b>x</b> [c](command:quit)', (i + 1) * 60_000, false);
      s = gradeTurn(s, [0], 5, (i + 1) * 60_000 + 1);
    }
    const out = transcriptMarkdown(s, hostileBank, new Date(0));
    const a = active(out);
    assert.deepEqual([a.images, a.html], [[], []], out);
    for (const href of a.links) assert.match(href, /^https:\/\//, out);
    assert.match(out, /My answer/);
    assert.match(out, /## Question 1: /);
  });
});
