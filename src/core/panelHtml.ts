import { escapeHtml, renderInline, renderMarkdown } from './markdown';
import type { Question } from './schema';

export interface LinkedItem {
  readonly id: string;
  readonly title: string;
}

export interface GradeOption {
  readonly rating: 1 | 2 | 3 | 4;
  readonly label: string;
  /** Human-readable next interval, e.g. "10m", "3d". */
  readonly interval: string;
}

export interface QuestionView {
  readonly question: Question;
  readonly topicTitle: string;
  readonly parent?: LinkedItem;
  readonly followUps: readonly LinkedItem[];
  readonly related: readonly LinkedItem[];
  readonly grades: readonly GradeOption[];
  readonly note: string;
  readonly flagged: boolean;
  readonly stateLabel: string;
  /** Seconds for the optional answer timer; 0 hides it. */
  readonly timerSeconds: number;
  readonly revealed: boolean;
  /** In a review session the panel offers "Next" after grading. */
  readonly review: boolean;
}

export interface WebviewResources {
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
}

const DIFFICULTY_LABEL = { intermediate: 'Intermediate', senior: 'Senior', staff: 'Staff' } as const;

/** The Content-Security-Policy of every panel: nothing loads but our own script (by nonce) and stylesheet. */
export function contentSecurityPolicy(r: Pick<WebviewResources, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src ${r.cspSource}`,
    `font-src ${r.cspSource}`,
    `img-src ${r.cspSource}`,
    `script-src 'nonce-${r.nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export function createNonce(random: (n: number) => Uint8Array): string {
  return Buffer.from(random(18)).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

function list(items: readonly string[], cls = ''): string {
  return `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${renderInline(i)}</li>`).join('')}</ul>`;
}

function section(id: string, title: string, body: string | undefined): string {
  return body ? `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h" tabindex="-1">${escapeHtml(title)}</h2>${body}</section>` : '';
}

function linkList(items: readonly LinkedItem[], cls: string): string {
  return `<ul class="${cls}">${items
    .map((i) => `<li><button type="button" class="link-button" data-open="${escapeHtml(i.id)}">${escapeHtml(i.title)}</button></li>`)
    .join('')}</ul>`;
}

/** The whole panel document. Pure: same view, same HTML (but for the nonce). */
export function renderQuestionPanel(view: QuestionView, r: WebviewResources): string {
  const q = view.question;
  const kp = q.keyPoints
    .map(
      (k, i) =>
        `<li><label><input type="checkbox" class="kp" data-index="${i}"> <span class="kp-text">${renderInline(k)}</span></label><span class="kp-hint" data-hint="${i}" hidden>appears in your draft</span></li>`,
    )
    .join('');
  const grades = view.grades
    .map(
      (g) =>
        `<button type="button" class="grade grade-${g.rating}" data-rating="${g.rating}" title="${escapeHtml(g.label)}: next review in ${escapeHtml(g.interval)} (key ${g.rating})"><kbd>${g.rating}</kbd> ${escapeHtml(g.label)} <span class="interval">${escapeHtml(g.interval)}</span></button>`,
    )
    .join('');
  const kindLabel = q.kind === 'follow-up' ? 'Follow-up' : q.kind === 'scenario' ? 'Scenario' : 'Question';
  const parent = view.parent
    ? `<p class="parent">Follow-up to <button type="button" class="link-button" data-open="${escapeHtml(view.parent.id)}">${escapeHtml(view.parent.title)}</button></p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(r.styleUri)}">
<title>${escapeHtml(q.title)}</title>
</head>
<body data-question-id="${escapeHtml(q.id)}" data-revealed="${view.revealed}" data-review="${view.review}" data-timer="${view.timerSeconds}" data-keypoints="${escapeHtml(JSON.stringify(q.keyPoints))}">
<main>
<header class="meta">
  <span class="badge difficulty difficulty-${q.difficulty}">${DIFFICULTY_LABEL[q.difficulty]}</span>
  <span class="badge kind">${kindLabel}</span>
  <span class="topic">${escapeHtml(view.topicTitle)}</span>
  <span class="minutes" title="Estimated time to answer out loud">~${q.minutes} min</span>
  <span class="state" id="state-label">${escapeHtml(view.stateLabel)}</span>
  <button type="button" id="flag" class="icon-button" aria-pressed="${view.flagged}" title="Flag this question (F)">${view.flagged ? '★ Flagged' : '☆ Flag'}</button>
</header>
<h1 id="title">${escapeHtml(q.title)}</h1>
${parent}
<section id="prompt" aria-label="Question">${renderMarkdown(q.prompt)}</section>
<section id="attempt" aria-labelledby="attempt-h">
  <h2 id="attempt-h">Your answer</h2>
  <p class="hint">Answer out loud or outline it here first, then reveal. ${view.timerSeconds > 0 ? `<span id="timer" role="timer" aria-live="off"></span>` : ''}</p>
  <textarea id="draft" rows="6" aria-label="Draft answer" placeholder="Outline your answer: position, structure, numbers, trade-offs…"></textarea>
  <button type="button" id="reveal" class="primary"${view.revealed ? ' hidden' : ''}>Reveal answer <kbd>Space</kbd></button>
</section>
<div id="answer"${view.revealed ? '' : ' hidden'}>
${section('model-answer', 'Model answer', renderMarkdown(q.answer))}
<section id="key-points" aria-labelledby="key-points-h">
  <h2 id="key-points-h">Key points</h2>
  <p class="hint">Tick what you really covered. Hints mark points whose words appear in your draft; they are not a verdict.</p>
  <ul class="checklist">${kp}</ul>
</section>
<section id="grading" aria-labelledby="grading-h">
  <h2 id="grading-h">How did it go?</h2>
  <p class="hint" id="proposal" aria-live="polite"></p>
  <div class="grades" role="group" aria-label="Grade your answer">${grades}</div>
  <p class="hint">Use <strong>Again</strong> when you missed the core of the answer. <kbd>U</kbd> undoes the last grade.</p>
  <p id="grade-result" aria-live="polite"></p>
  ${view.review ? '<button type="button" id="next" class="primary" hidden>Next question <kbd>N</kbd></button>' : ''}
</section>
${section('strong', 'Strong signals', list(q.strongSignals, 'signals strong'))}
${section('weak', 'Weak signals', list(q.weakSignals, 'signals weak'))}
${section('testing', 'What the interviewer is testing', q.testing ? renderMarkdown(q.testing) : undefined)}
${section('calibration', 'Senior vs staff', q.seniorVsStaff ? renderMarkdown(q.seniorVsStaff) : undefined)}
${section('mistakes', 'Common mistakes', q.commonMistakes ? list(q.commonMistakes) : undefined)}
${section('vocabulary', 'Vocabulary that signals depth', q.vocabulary ? list(q.vocabulary) : undefined)}
${section('example', 'Example', q.example ? renderMarkdown(q.example) : undefined)}
${section('follow-ups', 'Follow-up questions', view.followUps.length ? linkList(view.followUps, 'follow-ups') : undefined)}
${section('related', 'Related questions', view.related.length ? linkList(view.related, 'related') : undefined)}
<section id="notes" aria-labelledby="notes-h">
  <h2 id="notes-h">Your notes</h2>
  <textarea id="note" rows="4" aria-label="Notes on this question (Markdown, saved)">${escapeHtml(view.note)}</textarea>
  <p class="hint" id="note-status" aria-live="polite"></p>
</section>
</div>
</main>
<script nonce="${r.nonce}" src="${escapeHtml(r.scriptUri)}"></script>
</body>
</html>`;
}
