import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { html, htmlMessage, joinHtml, styleElement, type SafeHtml } from '../../src/core/html';
import { loadContentDir } from '../../src/core/loadContent';
import { renderMarkdown } from '../../src/core/markdown';
import { renderQuestionPanel, webviewDocument, type QuestionView } from '../../src/core/panelHtml';
import { identityT, type Translate } from '../../src/shared/translate';
import { FIXTURE_CONTENT } from './helpers';

/** Breaks out of a double- or single-quoted attribute and opens an element, if anything forgets to escape it. */
const HOSTILE = `"'><x-hostile onclick=alert(1)>&amp;`;
const ESCAPED = '&quot;&#39;&gt;&lt;x-hostile onclick=alert(1)&gt;&amp;amp;';
const h = (site: string) => `${site} ${HOSTILE}`;
const resources = { cspSource: 'https://webview.example', nonce: 'n0nce', scriptUri: 'https://webview.example/q.js', stylesheet: 'body { color: var(--vscode-foreground); }' };

describe('html: escaping by default', () => {
  it('escapes text, numbers and booleans, inserts SafeHtml and lists of it as they are', () => {
    const inner = html`<b>${HOSTILE}</b>`;
    assert.equal(String(html`<p title="${HOSTILE}">${inner}${[html`<i>1</i>`, html`<i>2</i>`]} ${3} ${true}</p>`), `<p title="${ESCAPED}"><b>${ESCAPED}</b><i>1</i><i>2</i> 3 true</p>`);
  });

  it('a string cast to SafeHtml is still escaped: the brand is checked at run time', () => {
    const forged = '<x-hostile>' as unknown as SafeHtml;
    assert.equal(String(html`${forged}`), '&lt;x-hostile&gt;');
    assert.equal(String(html`${[forged]}`), '&lt;x-hostile&gt;');
  });

  it('htmlMessage escapes the translated message and its text arguments, inserts SafeHtml arguments, and leaves unknown placeholders as text', () => {
    assert.equal(String(htmlMessage(`<x-t>{0} then {1} and {2}`, html`<kbd>U</kbd>`, HOSTILE)), `&lt;x-t&gt;<kbd>U</kbd> then ${ESCAPED} and {2}`);
  });

  it('joinHtml escapes its separator', () => {
    assert.equal(String(joinHtml([html`<a>`, html`<b>`], '<&>')), '<a>&lt;&amp;&gt;<b>');
  });

  it('styleElement inserts CSS as it is (child combinators and quotes intact) and refuses anything that could end the element', () => {
    assert.equal(String(styleElement('a > b::after { content: "x"; }', 'n"1')), '<style nonce="n&quot;1">a > b::after { content: "x"; }</style>');
    assert.doesNotThrow(() => styleElement(readFileSync('media/question.css', 'utf8'), 'n'), 'the shipped stylesheet can be inlined');
    for (const css of ['p{}</style><script>alert(1)</script>', 'p{}</STYLE >', '<!-- p{} -->', 'p{} <style>']) assert.throws(() => styleElement(css, 'n'), /would end its <style> element/, css);
  });

  it('the compiler rejects a plain string where SafeHtml is required', () => {
    // Each line below must fail to compile: if SafeHtml ever becomes a plain string type, the build breaks here.
    // @ts-expect-error a string is not SafeHtml
    const plain: SafeHtml = '<b>bold</b>';
    // @ts-expect-error the page body must be built with html``
    const page = webviewDocument(resources, 'T', html``, '<main></main>');
    // @ts-expect-error a list of strings is not a list of SafeHtml
    const list = html`${['<li>']}`;
    assert.ok(plain && page && list);
    assert.equal(String(html`${renderMarkdown('<x-hostile>')}`), '&lt;x-hostile&gt;', 'Markdown output is SafeHtml, and still escapes raw HTML');
  });
});

describe('question panel: every interpolation escapes', () => {
  function hostileView(): QuestionView {
    const q = loadContentDir(FIXTURE_CONTENT).bundle.questions.find((x) => x.id === 'trace-sampling');
    assert.ok(q);
    return {
      question: {
        ...q,
        id: h('id'),
        title: h('title'),
        prompt: h('prompt'),
        answer: h('answer'),
        keyPoints: [h('kp1'), h('kp2')],
        strongSignals: [h('strong')],
        weakSignals: [h('weak')],
        testing: h('testing'),
        seniorVsStaff: h('calibration'),
        commonMistakes: [h('mistake')],
        vocabulary: [h('vocabulary')],
        example: h('example'),
      },
      topicTitle: h('topic'),
      parent: { id: h('parent-id'), title: h('parent') },
      followUps: [{ id: h('fu-id'), title: h('follow-up') }],
      related: [{ id: h('rel-id'), title: h('related') }],
      caseStudies: [{ id: h('cs-id'), title: h('case'), organisation: h('org'), year: 2020 }],
      grades: [{ rating: 3, label: h('grade'), interval: h('interval') }],
      note: h('note'),
      flagged: true,
      stateLabel: h('state'),
      timerSeconds: 60,
      revealed: true,
      review: true,
    };
  }
  /** Every translation carries markup too: translated text is text. */
  const hostileT: Translate = (m, ...a) => `<x-t>${identityT(m, ...a)}`;

  it('pack values, view values, resource URIs and translations never become markup', () => {
    const page = String(renderQuestionPanel(hostileView(), { ...resources, scriptUri: h('script'), stylesheet: 'p{}' }, hostileT));
    assert.doesNotMatch(page, /<x-hostile|<x-t>/, 'nothing hostile became an element');
    assert.doesNotMatch(page, /\son[a-z]+=(?!alert)/i, 'no inline event handler (the escaped text keeps its own)');
    // Each site rendered, escaped (Markdown fields through the Markdown renderer, the rest through html``).
    for (const site of ['title', 'prompt', 'answer', 'kp1', 'kp2', 'strong', 'weak', 'testing', 'calibration', 'mistake', 'vocabulary', 'example', 'topic', 'parent', 'follow-up', 'related', 'case', 'org', 'grade', 'interval', 'note', 'state']) {
      assert.ok(page.includes(`${site} ${ESCAPED}`) || page.includes(`${site} &quot;&#39;&gt;&lt;x-hostile onclick=alert(1)&gt;&amp;`), `${site} is shown escaped`);
    }
    for (const attr of ['data-open="parent-id', 'data-open="fu-id', 'data-open="rel-id', 'data-open="cs-id', 'data-question-id="id', 'src="script']) {
      assert.ok(page.includes(`${attr} ${ESCAPED}"`), `${attr} keeps its value inside the attribute`);
    }
    assert.ok(page.includes(`title="&lt;x-t&gt;grade ${ESCAPED}: next review in interval ${ESCAPED} (key 3)"`), 'a translated attribute is escaped, its arguments too');
    assert.match(page, /<strong>&lt;x-t&gt;Again<\/strong>/, 'markup around a translated argument stays; the translation is text');
    assert.equal((page.match(/<script/g) ?? []).length, 1, 'only our own script');
  });
});
