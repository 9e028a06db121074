import { html, htmlMessage, joinHtml, type SafeHtml } from './html';
import { renderMarkdown } from './markdown';
import { webviewDocument, type WebviewResources } from './panelHtml';
import type { WorkSample } from './schema';
import { scoreWithMarks, type ReviewJudgement } from './judge/reviewJudge';
import type { TestRunReport } from './workSamples/runner';
import { identityT, type Translate } from '../shared/translate';

export interface SampleView {
  readonly sample: WorkSample;
  readonly topicTitle: string;
  readonly folder: string;
  readonly commentCount: number;
  readonly grade?: ReviewJudgement;
  /** The user's own verdicts by defect id. */
  readonly marks?: Readonly<Record<string, boolean>>;
  readonly judgedBy?: { readonly kind: 'offline' | 'model'; readonly note?: string };
  readonly commentTexts?: readonly string[];
  readonly tests?: TestRunReport;
  readonly running?: boolean;
  readonly showReference: boolean;
  readonly bestScore?: number;
  readonly trusted: boolean;
  /** Section to bring into view after an action (its results are below the task). */
  readonly scrollTo?: 'review-result' | 'test-result' | 'reference-review';
}

function severityLabel(severity: 'critical' | 'major' | 'minor', t: Translate): string {
  switch (severity) {
    case 'critical':
      return t('Critical');
    case 'major':
      return t('Major');
    case 'minor':
      return t('Minor');
  }
}

function rejectionText(r: 'too-short' | 'keyword-list' | 'dismissive', t: Translate): string {
  switch (r) {
    case 'too-short':
      return t('too short to state a claim');
    case 'keyword-list':
      return t('a list of terms, not a claim');
    case 'dismissive':
      return t('approves the code or denies a problem');
  }
}

function defectRow(v: SampleView, g: ReviewJudgement, d: WorkSample['defects'][number], t: Translate): SafeHtml {
  const match = g.found.find((m) => m.defect.id === d.id);
  const mark = v.marks?.[d.id];
  const quote = (i: number) => html`<blockquote class="comment">${v.commentTexts?.[i] ?? ''}</blockquote>`;
  let judged: SafeHtml;
  if (match) {
    const words = joinHtml(match.evidence.map((e) => (e.group === 'model' ? html`${e.matched}` : html`<em>${e.group}</em>: “${e.matched}”`)), '; ');
    judged = html`<p class="verdict found">${t('Judged found')}: ${match.comments.map(quote)}<span class="reason">${g.comments[match.comments[0] ?? 0]?.pairs.some((p) => p.evidence.some((e) => e.group === 'model')) ? htmlMessage(t('The model’s reason: {0}'), words) : htmlMessage(t('Concepts stated: {0}'), words)}</span></p>`;
  } else {
    // The nearest miss: a comment at the defect that said part of the claim, shown so the user can judge it.
    const near = g.comments
      .flatMap((c) => c.pairs.filter((p) => p.defectId === d.id).map((p) => ({ c, p })))
      .sort((a, b) => b.p.evidence.length - a.p.evidence.length)[0];
    if (!near) judged = html`<p class="verdict missed">${t('Not judged found: no comment sits at this defect’s lines.')}</p>`;
    else if (near.c.rejected) judged = html`<p class="verdict missed">${t('Not judged found')}. ${t('Your comment here:')} ${quote(near.c.index)}<span class="reason">${rejectionText(near.c.rejected, t)}</span></p>`;
    else if (near.p.evidence.length === 0) judged = html`<p class="verdict missed">${t('Not judged found: the comments at these lines state none of its claim.')}</p>`;
    else
      judged = html`<p class="verdict missed">${t('Not judged found')}. ${t('Your comment here:')} ${quote(near.c.index)}<span class="reason">${htmlMessage(
        t('Stated: {0}. Not stated: {1}.'),
        joinHtml(near.p.evidence.map((e) => html`<em>${e.group}</em>`), ', '),
        near.p.missing.length ? joinHtml(near.p.missing.map((m) => html`<em>${m}</em>`), ', ') : t('none'),
      )}</span></p>`;
  }
  const pressed = (value: boolean) => (mark === value ? 'true' : 'false');
  const markState = mark === true ? html`<span class="self">${t('You marked: covered')}</span>` : mark === false ? html`<span class="self">${t('You marked: not really')}</span>` : '';
  return html`<li class="defect" data-defect="${d.id}" data-judged="${match ? 'found' : 'missed'}"${mark === undefined ? '' : html` data-mark="${mark ? 'covered' : 'not'}"`}>
<div class="defect-head"><span class="badge sev-${d.severity}">${severityLabel(d.severity, t)}</span> <strong>${d.concept}</strong> <span class="where">${d.file}</span></div>
${judged}
<div class="marks" role="group" aria-label="${t('Your verdict')}"><button type="button" class="mark" data-defect="${d.id}" data-covered="true" aria-pressed="${pressed(true)}">${t('My comment covered this')}</button> <button type="button" class="mark" data-defect="${d.id}" data-covered="false" aria-pressed="${pressed(false)}">${t('Not really')}</button> ${markState}</div>
${match ? '' : html`<details class="explain"><summary>${t('Why it matters and the fix')}</summary><h4>${t('Why it matters')}</h4>${renderMarkdown(d.why)}<h4>${t('Fix')}</h4>${renderMarkdown(d.fix)}</details>`}
</li>`;
}

function gradeSection(v: SampleView, t: Translate): SafeHtml | '' {
  const g = v.grade;
  if (!g) return '';
  const marks = v.marks ?? {};
  const withMarks = scoreWithMarks(v.sample, g.found.map((m) => m.defect.id), marks);
  const marked = withMarks.selfMarked.length + withMarks.unmarked.length > 0;
  const unmatched = g.unmatched.map((i) => {
    const r = g.comments[i]?.rejected;
    return html`<li>${v.commentTexts?.[i] ?? ''}${r ? html` <span class="reason">(${rejectionText(r, t)})</span>` : ''}</li>`;
  });
  return html`<section id="review-result" aria-labelledby="review-result-h">
<h2 id="review-result-h">${htmlMessage(t('Review score: {0}'), html`<span id="score">${marked ? withMarks.score : g.score}%</span>`)}</h2>
<p id="score-breakdown">${htmlMessage(t('Judged: {0}% ({1} of {2} defects).'), html`<span id="judged-score">${g.score}</span>`, html`<span id="judged-count">${g.found.length}</span>`, v.sample.defects.length)}${
    marked ? html` ${htmlMessage(t('With your marks: {0}% ({1} self-marked, {2} judged match(es) you rejected).'), withMarks.score, html`<span id="self-count">${withMarks.selfMarked.length}</span>`, html`<span id="unmarked-count">${withMarks.unmarked.length}</span>`)}` : ''
  }</p>
<p class="hint">${t('Weighted by severity (critical 3, major 2, minor 1). A comment counts when it sits at the defect’s lines and states its claim; approvals, denials and bare keywords earn nothing. You have the last word: mark each defect yourself.')}${v.judgedBy?.note ? html` <span id="judged-by">${v.judgedBy.note}</span>` : ''}</p>
<ul class="defects">${v.sample.defects.map((d) => defectRow(v, g, d, t))}</ul>
${unmatched.length ? html`<h3>${t('Comments that matched no planted defect ({0})', g.unmatched.length)}</h3><p class="hint">${t('They may still be good points; they just are not among the planted defects, are too far from the line, or do not state the problem.')}</p><ul class="unmatched">${unmatched}</ul>` : ''}
</section>`;
}

function testsSection(v: SampleView, t: Translate): SafeHtml | '' {
  if (v.running) return html`<section id="test-result" aria-live="polite"><h2>${t('Running your tests…')}</h2></section>`;
  const report = v.tests;
  if (!report) return '';
  const concept = (id: string) => v.sample.defects.find((d) => d.id === id)?.concept ?? id;
  const row = (label: string, ok: boolean, detail: string) => html`<tr><td>${label}</td><td class="${ok ? 'ok' : 'bad'}">${ok ? t('caught') : t('missed')}</td><td>${detail}</td></tr>`;
  const rows = report.mutants.map((m) => row(concept(m.defectId ?? ''), report.caught.includes(m.defectId ?? ''), m.timedOut ? t('timed out') : m.failedTests.slice(0, 2).join('; ')));
  return html`<section id="test-result" aria-labelledby="test-result-h" aria-live="polite">
<h2 id="test-result-h">${t('Your tests')}</h2>
<p id="test-summary">${report.summary}</p>
<p class="hint">${report.ai.passed ? t('On the AI-written version your tests pass (so they would not have blocked the merge).') : t('On the AI-written version your tests fail, as they should.')}</p>
${report.reference.passed ? html`<table><thead><tr><th>${t('Planted bug')}</th><th>${t('Your tests')}</th><th>${t('Failing test')}</th></tr></thead><tbody>${rows}</tbody></table>` : html`<pre>${report.reference.output.slice(-3000)}</pre>`}
</section>`;
}

/** The work-sample side panel: the prompt, the actions, and the latest results. */
export function renderSamplePanel(v: SampleView, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const s = v.sample;
  return webviewDocument(r, s.title, html`data-sample-id="${s.id}" data-scroll="${v.scrollTo ?? ''}"`, html`<main>
<header class="meta">
  <span class="badge">${t('Hands-on')}</span>
  <span class="topic">${v.topicTitle}</span>
  <span class="minutes">${t('~{0} min', s.minutes)}</span>
  ${v.bestScore !== undefined ? html`<span class="state">${t('Best review: {0}%', v.bestScore)}</span>` : ''}
</header>
<h1 id="title">${s.title}</h1>
<section id="prompt" aria-label="${t('Task')}">${renderMarkdown(s.prompt)}</section>
<section id="actions" aria-labelledby="actions-h">
  <h2 id="actions-h">${t('Your review')}</h2>
  <p class="hint">${htmlMessage(
    t('Comment on lines with the {0} in the editor gutter (or {1} from the command palette). {2} comment(s) so far. Files are in {3}.'),
    html`<strong>+</strong>`,
    html`<em>${t('Add Comment')}</em>`,
    html`<span id="comment-count">${v.commentCount}</span>`,
    html`<code>${v.folder}</code>`,
  )}</p>
  <button type="button" class="primary" id="submit-review">${t('Submit Review')}</button>
  ${s.runnable ? html`<button type="button" id="run-tests"${v.trusted ? '' : html` disabled title="${t('Running code needs a trusted workspace')}"`}>${t('Run My Tests')}</button>` : ''}
  <button type="button" id="show-reference">${t('Show Reference Review')}</button>
  ${s.runnable ? html`<p class="hint">${htmlMessage(t('Write your tests in {0}; they run against the correct version and against versions with one planted bug each.'), html`<code>${s.testFile ?? ''}</code>`)}${v.trusted ? '' : ` ${t('Running tests is disabled in an untrusted workspace.')}`}</p><p class="hint" id="run-rights">${t('Run My Tests runs your test code with your own rights, in a temporary folder: it is not a sandbox (tests can read your files and use the network). It gets only PATH, HOME and temp-folder variables, is stopped after 15 s per version or when you cancel, and every process it started is stopped afterwards.')}</p>` : ''}
</section>
${gradeSection(v, t)}
${testsSection(v, t)}
${v.showReference ? html`<section id="reference-review" aria-labelledby="reference-h"><h2 id="reference-h">${t('Reference review')}</h2>${renderMarkdown(s.referenceReview)}</section>` : ''}
</main>`);
}
