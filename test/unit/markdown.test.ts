import assert from 'node:assert/strict';
import { renderInline, renderMarkdown } from '../../src/core/markdown';

/** Payloads from user packs and notes. None may yield an element or attribute that can run code or load anything. */
export const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=5></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[run](command:workbench.action.terminal.new)',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '![x](https://evil.example/track.png)',
  '![x](x" onerror="alert(1))',
  '<style>body{background:url(https://evil.example/x)}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<details open ontoggle=alert(1)>',
  '<form action="https://evil.example"><button>go</button></form>',
  '<object data="x.swf"></object><embed src="x">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<<script>script>alert(1)<</script>/script>',
  '`<script>` in code is fine',
];

const DANGEROUS_TAGS = /<(script|img|svg|math|iframe|style|form|object|embed|base|meta|details|link|input|textarea)\b/i;
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'class', 'id', 'align', 'start', 'type', 'checked', 'disabled']);

/** Every attribute name of every tag, parsed the way a browser would tokenise them (quoted values skipped). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const attrs = tag.replace(/^<[a-z0-9]+/i, '');
    for (const m of attrs.matchAll(/\s([^\s=>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) names.push((m[1] ?? '').toLowerCase());
  }
  return names;
}

function assertSafe(html: string): void {
  assert.doesNotMatch(html, DANGEROUS_TAGS, html);
  for (const name of attributeNames(html)) assert.ok(ALLOWED_ATTRIBUTES.has(name), `attribute "${name}" in ${html}`);
  for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1] ?? '', /^(https?:|mailto:)/i, html);
}

describe('markdown rendering', () => {
  it('renders the markdown authors use: headings, tables, code, lists, emphasis, links', () => {
    const html = String(renderMarkdown('## Plan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- **bold** and `code`\n\n[docs](https://opentelemetry.io)'));
    assert.match(html, /<h2[^>]*>Plan<\/h2>/);
    assert.match(html, /<table>/);
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /<a href="https:\/\/opentelemetry.io" class="external-link">docs<\/a>/);
  });

  for (const payload of XSS_CORPUS) {
    it(`neutralises ${JSON.stringify(payload).slice(0, 60)}`, () => {
      for (const html of [String(renderMarkdown(payload)), String(renderInline(payload))]) assertSafe(html);
    });
  }

  it('shows raw HTML as visible text instead of dropping it silently', () => {
    assert.match(String(renderMarkdown('<b>hi</b>')), /&lt;b&gt;hi&lt;\/b&gt;/);
  });

  it('drops HTML comments (checked numbers, author notes) instead of showing them escaped', () => {
    for (const src of ['Cost 19,800 h <!-- check: 300 * 1.5 * 44 = 19800 --> a year', '<!-- a note -->\n\nCost 19,800 h a year', '| a |\n|---|\n| 19,800 h <!-- check: 1 = 1 --> a year |', '- 19,800 h <!-- check: 2 * 3 = 6 --> a year']) {
      for (const html of [String(renderMarkdown(src)), String(renderInline(src))]) {
        assert.doesNotMatch(html, /check|note|&lt;!--|<!--/, html);
        assert.match(html, /19,800 h/, html);
      }
    }
    assert.match(String(renderMarkdown('a *b <!-- check: 2 * 3 = 6 --> c* d')), /<em>b\s+c<\/em>/);
    assert.match(String(renderMarkdown('<!-- x --> <b>y</b>')), /&lt;b&gt;y&lt;\/b&gt;/, 'HTML beside a comment is still shown as text');
  });

  it('keeps the text of a removed link', () => {
    assert.match(String(renderMarkdown('[run this](command:foo.bar)')), /<span class="link-removed">run this<\/span>/);
  });
});
