import { escapeHtml, renderMarkdown } from './markdown';
import { webviewDocument, type WebviewResources } from './panelHtml';
import type { WorkSample } from './schema';
import type { ReviewGrade } from './workSamples/grader';
import type { TestRunReport } from './workSamples/runner';
import { identityT, type Translate } from './translate';

export interface SampleView {
  readonly sample: WorkSample;
  readonly topicTitle: string;
  readonly folder: string;
  readonly commentCount: number;
  readonly grade?: ReviewGrade;
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

function gradeSection(v: SampleView, t: Translate): string {
  const g = v.grade;
  if (!g) return '';
  const found = g.found
    .map((m) => `<li><span class="badge sev-${m.defect.severity}">${severityLabel(m.defect.severity, t)}</span> <strong>${escapeHtml(m.defect.concept)}</strong> <span class="where">${escapeHtml(m.defect.file)}</span></li>`)
    .join('');
  const missed = g.missed
    .map(
      (d) =>
        `<li><span class="badge sev-${d.severity}">${severityLabel(d.severity, t)}</span> <strong>${escapeHtml(d.concept)}</strong> <span class="where">${escapeHtml(d.file)}</span><div class="explain"><h4>${t('Why it matters')}</h4>${renderMarkdown(d.why)}<h4>${t('Fix')}</h4>${renderMarkdown(d.fix)}</div></li>`,
    )
    .join('');
  const unmatched = g.unmatched.map((i) => `<li>${escapeHtml(v.commentTexts?.[i] ?? '')}</li>`).join('');
  return `<section id="review-result" aria-labelledby="review-result-h">
<h2 id="review-result-h">${t('Review score: {0}', `<span id="score">${g.score}%</span>`)}</h2>
<p class="hint">${t('Weighted by severity (critical 3, major 2, minor 1): {0} of {1}. Missed defects are now shown as comments at their lines.', g.earnedWeight, g.totalWeight)}</p>
<h3>${t('Found ({0})', g.found.length)}</h3><ul class="found">${found || `<li>${t('None yet.')}</li>`}</ul>
<h3>${t('Missed ({0})', g.missed.length)}</h3><ul class="missed">${missed || `<li>${t('None: every planted defect was found.')}</li>`}</ul>
${unmatched ? `<h3>${t('Comments that matched no planted defect ({0})', g.unmatched.length)}</h3><p class="hint">${t('They may still be good points; they just are not among the planted defects, or are too far from the line.')}</p><ul class="unmatched">${unmatched}</ul>` : ''}
</section>`;
}

function testsSection(v: SampleView, t: Translate): string {
  if (v.running) return `<section id="test-result" aria-live="polite"><h2>${t('Running your tests…')}</h2></section>`;
  const report = v.tests;
  if (!report) return '';
  const concept = (id: string) => v.sample.defects.find((d) => d.id === id)?.concept ?? id;
  const row = (label: string, ok: boolean, detail: string) => `<tr><td>${escapeHtml(label)}</td><td class="${ok ? 'ok' : 'bad'}">${ok ? t('caught') : t('missed')}</td><td>${escapeHtml(detail)}</td></tr>`;
  const rows = report.mutants.map((m) => row(concept(m.defectId ?? ''), report.caught.includes(m.defectId ?? ''), m.timedOut ? t('timed out') : m.failedTests.slice(0, 2).join('; '))).join('');
  return `<section id="test-result" aria-labelledby="test-result-h" aria-live="polite">
<h2 id="test-result-h">${t('Your tests')}</h2>
<p id="test-summary">${escapeHtml(report.summary)}</p>
<p class="hint">${report.ai.passed ? t('On the AI-written version your tests pass (so they would not have blocked the merge).') : t('On the AI-written version your tests fail, as they should.')}</p>
${report.reference.passed ? `<table><thead><tr><th>${t('Planted bug')}</th><th>${t('Your tests')}</th><th>${t('Failing test')}</th></tr></thead><tbody>${rows}</tbody></table>` : `<pre>${escapeHtml(report.reference.output.slice(-3000))}</pre>`}
</section>`;
}

/** The work-sample side panel: the prompt, the actions, and the latest results. */
export function renderSamplePanel(v: SampleView, r: WebviewResources, t: Translate = identityT): string {
  const s = v.sample;
  return webviewDocument(r, s.title, `data-sample-id="${escapeHtml(s.id)}" data-scroll="${v.scrollTo ?? ''}"`, `<main>
<header class="meta">
  <span class="badge">${t('Hands-on')}</span>
  <span class="topic">${escapeHtml(v.topicTitle)}</span>
  <span class="minutes">${t('~{0} min', s.minutes)}</span>
  ${v.bestScore !== undefined ? `<span class="state">${t('Best review: {0}%', v.bestScore)}</span>` : ''}
</header>
<h1 id="title">${escapeHtml(s.title)}</h1>
<section id="prompt" aria-label="${escapeHtml(t('Task'))}">${renderMarkdown(s.prompt)}</section>
<section id="actions" aria-labelledby="actions-h">
  <h2 id="actions-h">${t('Your review')}</h2>
  <p class="hint">${t('Comment on lines with the {0} in the editor gutter (or {1} from the command palette). {2} comment(s) so far. Files are in {3}.', '<strong>+</strong>', `<em>${t('Add Comment')}</em>`, v.commentCount, `<code>${escapeHtml(v.folder)}</code>`)}</p>
  <button type="button" class="primary" id="submit-review">${t('Submit Review')}</button>
  ${s.runnable ? `<button type="button" id="run-tests"${v.trusted ? '' : ` disabled title="${escapeHtml(t('Running code needs a trusted workspace'))}"`}>${t('Run My Tests')}</button>` : ''}
  <button type="button" id="show-reference">${t('Show Reference Review')}</button>
  ${s.runnable ? `<p class="hint">${t('Write your tests in {0}; they run against the correct version and against versions with one planted bug each.', `<code>${escapeHtml(s.testFile ?? '')}</code>`)}${v.trusted ? '' : ` ${t('Running tests is disabled in an untrusted workspace.')}`}</p>` : ''}
</section>
${gradeSection(v, t)}
${testsSection(v, t)}
${v.showReference ? `<section id="reference-review" aria-labelledby="reference-h"><h2 id="reference-h">${t('Reference review')}</h2>${renderMarkdown(s.referenceReview)}</section>` : ''}
</main>`);
}
