import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkDiagramsInDir, createDiagramRenderer, renderBundleDiagrams, sanitizeGraphvizSvg, type DiagramRenderer } from '../../src/build/diagramSvg';
import { diagramKey, findDiagrams } from '../../src/core/diagrams';
import { renderMarkdown, setDiagrams } from '../../src/core/markdown';
import { contentBundleSchema } from '../../src/core/schema';
import { contentWith } from './helpers';

const OUTBOX = 'digraph outbox { rankdir=LR; svc [label="Order service"]; db [label="orders + outbox"]; relay [label="Relay"]; kafka [label="Kafka" class="accent"]; svc -> db [label="one tx"]; db -> relay -> kafka }';
const doc = (dot: string, caption = 'Diagram: the service writes the order and an outbox row in one transaction; a relay publishes them.') =>
  `Before.\n\n\`\`\`dot\n${dot}\n\`\`\`\n${caption}\n\nAfter.`;

/** Every element and attribute name in an SVG string. */
function markup(svg: string): { elements: Set<string>; attributes: Set<string> } {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  for (const m of svg.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)) {
    elements.add((m[1] as string).toLowerCase());
    for (const a of (m[2] as string).matchAll(/([\w:-]+)\s*=/g)) attributes.add((a[1] as string).toLowerCase());
  }
  return { elements, attributes };
}

describe('diagrams', function () {
  this.timeout(20000);
  let renderer: DiagramRenderer;
  before(async () => {
    renderer = await createDiagramRenderer();
  });
  afterEach(() => setDiagrams(undefined));

  describe('finding fences', () => {
    it('finds a dot fence, its caption and its line', () => {
      const found = findDiagrams(doc(OUTBOX), 10);
      assert.equal(found.length, 1);
      assert.equal(found[0]?.line, 12);
      assert.equal(found[0]?.source, OUTBOX);
      assert.match(found[0]?.caption ?? '', /^the service writes/);
    });
    it('reports a missing caption and a fence nested in a list', () => {
      assert.equal(findDiagrams(doc(OUTBOX, 'Just a paragraph.'))[0]?.caption, undefined);
      const nested = findDiagrams('- item\n\n  ```dot\n  digraph { a -> b }\n  ```\n');
      assert.equal(nested[0]?.nested, true);
    });
    it('keys the same source to the same short id', () => {
      assert.equal(diagramKey(OUTBOX), diagramKey(`  ${OUTBOX}\n`));
      assert.notEqual(diagramKey(OUTBOX), diagramKey(OUTBOX.replace('Relay', 'Poller')));
      assert.match(diagramKey(OUTBOX), /^[0-9a-z]{1,16}$/);
    });
  });

  describe('rendering and theming', () => {
    it('renders DOT to an SVG with no fixed colours or fonts and the theming classes', () => {
      const r = renderer.render(OUTBOX);
      assert.ok(r.ok);
      const svg = r.svg;
      assert.match(svg, /^<svg class="diagram-svg" viewBox="[\d. -]+" width="\d+" height="\d+">/);
      assert.match(svg, /<g class="node">/);
      assert.match(svg, /<g class="edge">/);
      assert.match(svg, /<g class="node accent">/, 'the author\'s DOT class is kept');
      assert.match(svg, /class="s"/, 'stroked shapes are marked for CSS');
      assert.match(svg, /class="s f"/, 'arrowheads are marked filled');
      assert.match(svg, />Order service</);
      assert.doesNotMatch(svg, /(?:fill|stroke)="(?!none")[^"]*"/, 'no colours of its own');
      assert.doesNotMatch(svg, /font-family|black|white|Times/);
      assert.doesNotMatch(svg, /\bid=|<title>|<!--|<\?xml|DOCTYPE/);
      const rules = readFileSync(resolve('media/question.css'), 'utf8');
      for (const cls of ['.diagram-svg', '.node', '.edge', '.cluster', '.accent', '.s', '.f']) assert.ok(rules.includes(cls), `question.css styles ${cls}`);
      assert.match(rules, /figure\.diagram[^}]*\{/);
      assert.match(rules, /--vscode-editor-foreground/);
    });

    it('shows the built SVG in a figure, labelled and captioned by the Diagram: paragraph', () => {
      const r = renderer.render(OUTBOX);
      assert.ok(r.ok);
      setDiagrams({ [diagramKey(OUTBOX)]: r.svg });
      const html = String(renderMarkdown(doc(OUTBOX, 'Diagram: the *service* writes the order & an outbox row; a relay publishes them.')));
      assert.match(html, /<figure class="diagram"><svg role="img" aria-label="the service writes the order &amp; an outbox row; a relay publishes them\." class="diagram-svg"/);
      assert.match(html, /<title>the service writes the order &amp; an outbox row; a relay publishes them\.<\/title>/);
      assert.match(html, /<figcaption>the <em>service<\/em> writes the order &amp; an outbox row; a relay publishes them\.<\/figcaption><\/figure>/);
      assert.doesNotMatch(html, /digraph|<pre>/, 'the DOT source is not shown');
      assert.doesNotMatch(html, /<p>Diagram:/, 'the caption paragraph is folded into the figure');
      assert.match(html, /<p>Before\.<\/p>/);
      assert.match(html, /<p>After\.<\/p>/);
    });

    it('shows the DOT source with the caption when the build never rendered it (a team pack)', () => {
      const html = String(renderMarkdown(doc('digraph { a -> "<b>x</b>" }')));
      assert.match(html, /<figure class="diagram diagram-source"><pre><code class="language-dot">digraph \{ a -&gt; &quot;&lt;b&gt;x&lt;\/b&gt;&quot; \}<\/code><\/pre><figcaption>the service/);
      assert.doesNotMatch(html, /<svg/);
    });

    it('leaves other code blocks alone', () => {
      assert.match(String(renderMarkdown('```js\nconst a = 1 < 2;\n```')), /<pre><code class="language-js">const a = 1 &lt; 2;/);
    });

    it('renders every dot fence in any Markdown of a bundle into the diagrams map the schema accepts', () => {
      const bundle = { version: 1, topics: [], questions: [], workSamples: [{ prompt: doc(OUTBOX), deep: [{ text: doc('digraph { x -> y }') }] }] };
      const { diagrams, failed } = renderBundleDiagrams(bundle, renderer);
      assert.deepEqual(failed, []);
      assert.deepEqual(Object.keys(diagrams).sort(), [diagramKey(OUTBOX), diagramKey('digraph { x -> y }')].sort());
      const parsed = contentBundleSchema.safeParse({ version: 1, topics: [], questions: [], workSamples: [], diagrams });
      assert.ok(parsed.success);
      assert.deepEqual(parsed.data.diagrams, diagrams);
    });
  });

  describe('sanitizing hostile DOT', () => {
    const HOSTILE = [
      'digraph { a [label="<script>alert(1)</script>"]; a -> b }',
      'digraph { a [URL="javascript:alert(1)" label="click"]; b [href="javascript:alert(2)"]; a -> b [URL="https://evil.example/x" edgeURL="javascript:alert(3)"] }',
      'digraph { a [label=<<table><tr><td href="javascript:alert(1)">x</td></tr></table>>]; b [label=<<b onload="alert(1)">y</b>>] }',
      'digraph { graph [stylesheet="https://evil.example/s.css" URL="javascript:alert(1)" id="x onload=alert(1)"]; a [id="n\\" onclick=\\"alert(1)" class="x\\" onmouseover=\\"alert(1)"] }',
      'digraph { a [image="https://evil.example/x.png" tooltip="<img src=x onerror=alert(1)>"]; b [shape=none label="" image="/etc/passwd"] }',
      'digraph { a [style=filled fillcolor="url(#x)" color="red" fontcolor="javascript:alert(1)" fontname="x;background:url(https://evil.example)"] }',
      'digraph { comment="--><script>alert(1)</script><!--"; a [comment="--><script>alert(1)</script>"] }',
      'digraph { a [label="javascript:alert(1)" target="_blank" URL="data:text/html,<script>alert(1)</script>"] }',
    ];
    for (const dot of HOSTILE) {
      it(`is inert: ${dot.slice(0, 70)}`, () => {
        const r = renderer.render(dot);
        if (!r.ok) return; // refusing to render is inert too
        const { elements, attributes } = markup(r.svg);
        for (const e of elements) assert.ok(['svg', 'g', 'polygon', 'polyline', 'path', 'ellipse', 'line', 'text', 'tspan'].includes(e), `element <${e}>`);
        for (const a of attributes) assert.ok(!a.startsWith('on') && !a.includes('href') && a !== 'style' && a !== 'id' && !a.startsWith('xlink') && a !== 'target', `attribute ${a}`);
        assert.doesNotMatch(r.svg, /<script|<a[\s>]|<image|<foreignObject|<style|url\(|https?:|data:text/i);
        // "javascript:" may only survive as visible label text, never inside an attribute.
        for (const m of r.svg.matchAll(/="([^"]*)"/g)) assert.doesNotMatch(m[1] as string, /javascript|alert|[<>]/i);
      });
    }

    it('keeps a hostile label as escaped text', () => {
      const r = renderer.render(HOSTILE[0] as string);
      assert.ok(r.ok);
      assert.match(r.svg, />&lt;script&gt;alert\(1\)&lt;\/script&gt;</);
    });

    it('rebuilds from an allowlist and fails closed on markup Graphviz never writes', () => {
      const svg = sanitizeGraphvizSvg('<svg viewBox="0 0 10 10" onload="alert(1)"><g class="node" onclick="x"><a xlink:href="javascript:alert(1)"><polygon fill="black" stroke="red" points="0,0 1,1"/><text x="1" y="2" fill="red" style="x">hi &amp; bye</text></a></g><script>alert(1)</script><foreignObject><div>x</div></foreignObject></svg>');
      assert.equal(svg, '<svg class="diagram-svg" viewBox="0 0 10 10" width="10" height="10"><g class="node"><polygon class="s f" points="0,0 1,1"/><text x="1" y="2">hi &amp; bye</text></g></svg>');
      assert.throws(() => sanitizeGraphvizSvg('<svg viewBox="0 0 1 1"><g onclick=alert(1)></g></svg>'), /unexpected markup/);
      assert.throws(() => sanitizeGraphvizSvg('<svg viewBox="0 0 1 1"><g></svg>'), /unbalanced/);
      assert.throws(() => sanitizeGraphvizSvg('<script>alert(1)</script><svg viewBox="0 0 1 1"></svg>'), /outside <svg>/);
    });
  });

  describe('content check', () => {
    const question = (answer: string) => `---\ntitle: A question with a diagram\nkind: question\ndifficulty: senior\nminutes: 3\ntags: [events, outbox]\n---\n# Prompt\nHow?\n\n# Answer\n${answer}\n\n# Key points\n- one\n- two\n- three\n\n# Strong signals\n- s\n\n# Weak signals\n- w\n`;

    it('passes a well-formed diagram', () => {
      const dir = contentWith({ 'questions/alpha-topic/with-diagram.md': question(doc(OUTBOX)) });
      const r = checkDiagramsInDir(dir, renderer);
      assert.deepEqual(r.errors, []);
      assert.equal(r.count, 1);
    });

    it('reports DOT that does not parse at its file line, and a missing Diagram: paragraph at the fence', () => {
      const dir = contentWith({
        'questions/alpha-topic/broken-dot.md': question(doc('digraph {\n  a -> b;\n  b -> ;\n}')),
        'questions/alpha-topic/no-caption.md': question(doc(OUTBOX, 'The relay publishes rows.')),
      });
      const r = checkDiagramsInDir(dir, renderer);
      const got = r.errors.map((e) => `${e.file.slice(dir.length + 1)}:${e.line}: ${e.message}`);
      // Answer starts at line 11: "Before." 12, blank 13, fence 14, DOT lines 15–18.
      assert.equal(got.length, 2, got.join('\n'));
      assert.match(got[0] as string, /^questions\/alpha-topic\/broken-dot\.md:17: DOT: syntax error in line 3/);
      assert.match(got[1] as string, /^questions\/alpha-topic\/no-caption\.md:14: a ```dot diagram must be followed by a paragraph starting "Diagram:"/);
    });

    it('npm run content -- check fails with file:line: message', () => {
      const dir = contentWith({ 'questions/alpha-topic/no-caption.md': question(doc(OUTBOX, 'No caption here.')) });
      let stderr = '';
      let status = 0;
      try {
        execFileSync(process.execPath, [resolve('dist/cli.js'), 'check', dir], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        const err = e as { status: number; stderr: string };
        status = err.status;
        stderr = err.stderr;
      }
      assert.equal(status, 1);
      assert.match(stderr, new RegExp(`${join(dir, 'questions/alpha-topic/no-caption.md').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:14: a \`\`\`dot diagram must be followed`));
    });

    it('content build writes the SVG into the bundle', () => {
      const dir = contentWith({ 'questions/alpha-topic/with-diagram.md': question(doc(OUTBOX)) });
      const out = join(mkdtempSync(join(tmpdir(), 'ip-bundle-')), 'content.json');
      execFileSync(process.execPath, [resolve('dist/cli.js'), 'build', dir, out], { encoding: 'utf8', stdio: 'pipe' });
      const bundle = contentBundleSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
      const svg = bundle.diagrams?.[diagramKey(OUTBOX)];
      assert.ok(svg?.startsWith('<svg class="diagram-svg"'));
    });
  });
});

describe('withoutDiagrams', () => {
  it('drops DOT fences and their Diagram: paragraphs, keeps the rest', async () => {
    const { withoutDiagrams } = await import('../../src/core/diagrams');
    const md = 'One two.\n\n```dot\ndigraph { a -> b }\n```\nDiagram: a goes\nto b.\n\nThree four.\n\n```js\nx\n```';
    assert.equal(withoutDiagrams(md).split(/\s+/).filter(Boolean).join(' '), 'One two. Three four. ```js x ```');
  });
});
