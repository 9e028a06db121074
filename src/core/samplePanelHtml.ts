import { escapeHtml, renderMarkdown } from './markdown';
import { contentSecurityPolicy, type WebviewResources } from './panelHtml';
import type { WorkSample } from './schema';
import type { ReviewGrade } from './workSamples/grader';
import type { TestRunReport } from './workSamples/runner';

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

const SEVERITY_LABEL = { critical: 'Critical', major: 'Major', minor: 'Minor' } as const;

function gradeSection(v: SampleView): string {
  const g = v.grade;
  if (!g) return '';
  const found = g.found
    .map((m) => `<li><span class="badge sev-${m.defect.severity}">${SEVERITY_LABEL[m.defect.severity]}</span> <strong>${escapeHtml(m.defect.concept)}</strong> <span class="where">${escapeHtml(m.defect.file)}</span></li>`)
    .join('');
  const missed = g.missed
    .map(
      (d) =>
        `<li><span class="badge sev-${d.severity}">${SEVERITY_LABEL[d.severity]}</span> <strong>${escapeHtml(d.concept)}</strong> <span class="where">${escapeHtml(d.file)}</span><div class="explain"><h4>Why it matters</h4>${renderMarkdown(d.why)}<h4>Fix</h4>${renderMarkdown(d.fix)}</div></li>`,
    )
    .join('');
  const unmatched = g.unmatched.map((i) => `<li>${escapeHtml(v.commentTexts?.[i] ?? '')}</li>`).join('');
  return `<section id="review-result" aria-labelledby="review-result-h">
<h2 id="review-result-h">Review score: <span id="score">${g.score}%</span></h2>
<p class="hint">Weighted by severity (critical 3, major 2, minor 1): ${g.earnedWeight} of ${g.totalWeight}. Missed defects are now shown as comments at their lines.</p>
<h3>Found (${g.found.length})</h3><ul class="found">${found || '<li>None yet.</li>'}</ul>
<h3>Missed (${g.missed.length})</h3><ul class="missed">${missed || '<li>None: every planted defect was found.</li>'}</ul>
${unmatched ? `<h3>Comments that matched no planted defect (${g.unmatched.length})</h3><p class="hint">They may still be good points; they just are not among the planted defects, or are too far from the line.</p><ul class="unmatched">${unmatched}</ul>` : ''}
</section>`;
}

function testsSection(v: SampleView): string {
  if (v.running) return '<section id="test-result" aria-live="polite"><h2>Running your tests…</h2></section>';
  const t = v.tests;
  if (!t) return '';
  const concept = (id: string) => v.sample.defects.find((d) => d.id === id)?.concept ?? id;
  const row = (label: string, ok: boolean, detail: string) => `<tr><td>${escapeHtml(label)}</td><td class="${ok ? 'ok' : 'bad'}">${ok ? 'caught' : 'missed'}</td><td>${escapeHtml(detail)}</td></tr>`;
  const rows = t.mutants.map((m) => row(concept(m.defectId ?? ''), t.caught.includes(m.defectId ?? ''), m.timedOut ? 'timed out' : m.failedTests.slice(0, 2).join('; '))).join('');
  return `<section id="test-result" aria-labelledby="test-result-h" aria-live="polite">
<h2 id="test-result-h">Your tests</h2>
<p id="test-summary">${escapeHtml(t.summary)}</p>
<p class="hint">On the AI-written version your tests ${t.ai.passed ? 'pass (so they would not have blocked the merge)' : 'fail, as they should'}.</p>
${t.reference.passed ? `<table><thead><tr><th>Planted bug</th><th>Your tests</th><th>Failing test</th></tr></thead><tbody>${rows}</tbody></table>` : `<pre>${escapeHtml(t.reference.output.slice(-3000))}</pre>`}
</section>`;
}

/** The work-sample side panel: the prompt, the actions, and the latest results. */
export function renderSamplePanel(v: SampleView, r: WebviewResources): string {
  const s = v.sample;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(r.styleUri)}">
<title>${escapeHtml(s.title)}</title>
</head>
<body data-sample-id="${escapeHtml(s.id)}" data-scroll="${v.scrollTo ?? ''}">
<main>
<header class="meta">
  <span class="badge">Hands-on</span>
  <span class="topic">${escapeHtml(v.topicTitle)}</span>
  <span class="minutes">~${s.minutes} min</span>
  ${v.bestScore !== undefined ? `<span class="state">Best review: ${v.bestScore}%</span>` : ''}
</header>
<h1 id="title">${escapeHtml(s.title)}</h1>
<section id="prompt" aria-label="Task">${renderMarkdown(s.prompt)}</section>
<section id="actions" aria-labelledby="actions-h">
  <h2 id="actions-h">Your review</h2>
  <p class="hint">Comment on lines with the <strong>+</strong> in the editor gutter (or <em>Add Comment</em> from the command palette). ${v.commentCount} comment(s) so far. Files are in <code>${escapeHtml(v.folder)}</code>.</p>
  <button type="button" class="primary" id="submit-review">Submit Review</button>
  ${s.runnable ? `<button type="button" id="run-tests"${v.trusted ? '' : ' disabled title="Running code needs a trusted workspace"'}>Run My Tests</button>` : ''}
  <button type="button" id="show-reference">Show Reference Review</button>
  ${s.runnable ? `<p class="hint">Write your tests in <code>${escapeHtml(s.testFile ?? '')}</code>; they run against the correct version and against versions with one planted bug each.${v.trusted ? '' : ' Running tests is disabled in an untrusted workspace.'}</p>` : ''}
</section>
${gradeSection(v)}
${testsSection(v)}
${v.showReference ? `<section id="reference-review" aria-labelledby="reference-h"><h2 id="reference-h">Reference review</h2>${renderMarkdown(s.referenceReview)}</section>` : ''}
</main>
<script nonce="${r.nonce}" src="${escapeHtml(r.scriptUri)}"></script>
</body>
</html>`;
}
