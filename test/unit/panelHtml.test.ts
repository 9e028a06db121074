import assert from 'node:assert/strict';
import { loadContentDir } from '../../src/core/loadContent';
import { escapeHtml } from '../../src/core/html';
import { contentSecurityPolicy, questionBody, renderQuestionPanel, type QuestionView } from '../../src/core/panelHtml';
import { questionBodyData } from '../../src/shared/protocol/question';
import { FIXTURE_CONTENT } from './helpers';

const resources = { cspSource: 'https://webview.example', nonce: 'abc123NONCE', scriptUri: 'https://webview.example/q.js', stylesheet: 'body { color: var(--vscode-foreground); }' };

function view(id: string, over: Partial<QuestionView> = {}): QuestionView {
  const q = loadContentDir(FIXTURE_CONTENT).bundle.questions.find((x) => x.id === id);
  if (!q) throw new Error(id);
  return {
    question: q, topicTitle: 'Observability Basics', followUps: [], related: [], note: '', flagged: false, stateLabel: 'New', timerSeconds: 0, revealed: false, review: false,
    grades: [
      { rating: 1, label: 'Again', interval: '1m' },
      { rating: 3, label: 'Good', interval: '10m' },
    ],
    ...over,
  };
}

describe('question panel HTML', () => {
  it('has a strict CSP: nothing by default, our script only by nonce, no inline or eval', () => {
    const csp = contentSecurityPolicy(resources);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123NONCE'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    const html = String(renderQuestionPanel(view('trace-sampling'), resources));
    // Escaped like every attribute (' as &#39;); the browser reads back the policy as written.
    assert.ok(html.includes(`content="${escapeHtml(csp)}"`));
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0] ?? '', /nonce="abc123NONCE" src="https:\/\/webview.example\/q.js" defer/, 'deferred: the page shows before the script has run');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  });

  it('inlines our stylesheet by nonce and admits no other style: no linked sheet, no style attributes', () => {
    const csp = contentSecurityPolicy(resources);
    assert.match(csp, /style-src 'nonce-abc123NONCE'(;|$)/, 'styles only by nonce');
    const html = String(renderQuestionPanel(view('trace-sampling'), resources));
    assert.equal((html.match(/<style[^>]*>/g) ?? []).join(), '<style nonce="abc123NONCE">');
    assert.ok(html.includes(`>${resources.stylesheet}</style>`), 'the CSS as it is: entities inside <style> would not be decoded');
    assert.doesNotMatch(html, /<link|\sstyle="/);
  });

  it('shows the prompt first and hides the answer until revealed', () => {
    const html = String(renderQuestionPanel(view('trace-sampling'), resources));
    assert.ok(html.indexOf('Your tracing bill doubled') < html.indexOf('tail-based'));
    assert.match(html, /<div id="answer" hidden>/);
    assert.match(html, /<button type="button" id="reveal"[^>]*>Reveal answer/);
    const revealed = String(renderQuestionPanel(view('trace-sampling', { revealed: true }), resources));
    assert.match(revealed, /<div id="answer">/);
  });

  it('renders key points as a checklist, signals, grade buttons with intervals, follow-ups and related links', () => {
    const html = String(renderQuestionPanel(
      view('trace-sampling', { followUps: [{ id: 'trace-sampling-decision-wait', title: 'Decision wait' }], related: [{ id: 'structured-logging', title: 'Logs' }] }),
      resources,
    ));
    assert.equal((html.match(/class="kp"/g) ?? []).length, 3);
    assert.match(html, /Keeps every error trace/);
    assert.match(html, /data-rating="3"[^>]*>.*Good.*10m/);
    assert.match(html, /data-open="trace-sampling-decision-wait"/);
    assert.match(html, /data-open="structured-logging"/);
    assert.match(html, /Quantifies the saving/);
  });

  it('escapes raw HTML from content', () => {
    const html = String(renderQuestionPanel(view('structured-logging'), resources));
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('escapes a note so it cannot close its textarea', () => {
    const html = String(renderQuestionPanel(view('trace-sampling', { note: '</textarea><script>alert(1)</script>' }), resources));
    assert.doesNotMatch(html, /<\/textarea><script>/);
  });

  it('swaps in the same question a new panel would show: the same <main> and body data', () => {
    const v = view('trace-sampling', { note: '"quoted" <b>note</b>', queue: ['structured-logging'], review: true });
    const page = String(renderQuestionPanel(v, resources));
    const body = questionBody(v);
    assert.ok(page.includes(String(body.main)), 'the swapped <main> is byte-identical to the page’s');
    // The data the swap message carries is what the page's <body data-*> attributes hold.
    assert.ok(questionBodyData.safeParse(body.data).success);
    for (const [key, value] of Object.entries(body.data)) {
      const attr = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${escapeHtml(value)}"`;
      assert.ok(page.includes(attr), attr.slice(0, 80));
    }
    assert.equal(body.data.questionId, 'trace-sampling');
    assert.deepEqual(JSON.parse(body.data.queue), ['structured-logging']);
  });

  it('marks only the preview panel as the preview, with its Keep open button', () => {
    const preview = String(renderQuestionPanel(view('trace-sampling', { preview: true }), resources));
    assert.match(preview, /<span id="preview"><span class="badge preview"[^>]*>Preview<\/span> <button type="button" id="keep-open"/);
    assert.match(preview, /data-preview="true"/);
    const kept = String(renderQuestionPanel(view('trace-sampling'), resources));
    assert.match(kept, /<span id="preview" hidden>/);
    assert.match(kept, /data-preview="false"/);
  });
});

describe('topic overview HTML', () => {
  it('lists further reading as external links, the topic’s questions, and keeps the strict CSP', async () => {
    const { renderTopicPanel } = await import('../../src/core/topicPanelHtml');
    const b = loadContentDir(FIXTURE_CONTENT).bundle;
    const topic = b.topics[0];
    assert.ok(topic);
    const html = String(renderTopicPanel({ topic, questions: b.questions.filter((q) => !q.parent).map((q) => ({ ...q, state: 'New' })), workSamples: [] }, resources));
    assert.match(html, /<a class="external-link" href="https:\/\/opentelemetry.io\/docs\/">OpenTelemetry docs<\/a>/);
    assert.equal((html.match(/data-open="/g) ?? []).length, 3);
    assert.match(html, /script-src &#39;nonce-abc123NONCE&#39;/);
  });
});
