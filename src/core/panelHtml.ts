import { html, htmlMessage, styleElement, type SafeHtml } from './html';
import { renderInline, renderMarkdown } from './markdown';
import type { Difficulty, Question } from './schema';
import type { QuestionBodyData } from '../shared/protocol/question';
import { identityT, type Translate } from '../shared/translate';

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
  /** Case studies that name this question (title, organisation, year). */
  readonly caseStudies?: readonly (LinkedItem & { readonly organisation: string; readonly year: number })[];
  readonly grades: readonly GradeOption[];
  readonly note: string;
  readonly flagged: boolean;
  readonly stateLabel: string;
  /** Seconds for the optional answer timer; 0 hides it. */
  readonly timerSeconds: number;
  readonly revealed: boolean;
  /** In a review session the panel offers "Next" after grading. */
  readonly review: boolean;
  /** A review's remaining question ids, rendered for the webview to keep in its state across a reload. */
  readonly queue?: readonly string[];
  /** The preview panel: opening another question replaces it, until the user keeps it open. */
  readonly preview?: boolean;
}

export interface WebviewResources {
  readonly cspSource: string;
  readonly scriptUri: string;
  /**
   * The panels' CSS (media/question.css, bundled as text), inlined by nonce: a linked stylesheet
   * is render-blocking and is fetched through the webview's service worker and the extension host,
   * which held a first panel's paint back by about 100 ms.
   */
  readonly stylesheet: string;
  readonly nonce: string;
}

/** A difficulty's display name. */
export function difficultyLabel(d: Difficulty, t: Translate = identityT): string {
  switch (d) {
    case 'intermediate':
      return t('Intermediate');
    case 'senior':
      return t('Senior');
    case 'staff':
      return t('Staff');
  }
}

/**
 * The question panel script's own texts (grade feedback, timer), translated on the host and handed
 * over as JSON in `<body data-strings>`: the webview has no `vscode.l10n`. Placeholders stay in.
 */
export function questionScriptStrings(t: Translate = identityT) {
  return {
    ratings: ['', t('Again'), t('Hard'), t('Good'), t('Easy')],
    suggests: t('You ticked {0} of {1} key points: that suggests {2}.'),
    confirm: t('You ticked {0} of {1} key points. Press {2} again to grade {3} anyway.'),
    graded: t('Graded {0}. Next review {1}. Press U to undo.'),
    gradedReview: t('Graded {0}. Next review {1}. Press U to undo, N for the next question.'),
    undone: t('Grade undone. Grade again when ready.'),
    noteSaved: t('Note saved.'),
    flagged: t('★ Flagged'),
    flag: t('☆ Flag'),
    error: t('Error: {0}'),
    overBy: t('over by {0}'),
    limitCounter: t('{0} of {1} characters'),
    draftOver: t('{0} characters over the {1}-character limit: this draft is not kept after a reload until you shorten it.'),
    noteOver: t('{0} characters over the {1}-character limit: the note is not saved until you shorten it.'),
    kept: t('Kept open: the next question opens in another panel.'),
  };
}

export type QuestionScriptStrings = ReturnType<typeof questionScriptStrings>;

/** The Content-Security-Policy of every panel: nothing runs or styles it but our own script and style element (by nonce). */
export function contentSecurityPolicy(r: Pick<WebviewResources, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${r.nonce}'`,
    `font-src ${r.cspSource}`,
    `img-src ${r.cspSource}`,
    `script-src 'nonce-${r.nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/**
 * The document every panel shares: the strict CSP, our styles, and our script by nonce when the
 * panel has one (the dashboard has none). The script is deferred: VS Code shows a new webview once
 * its document is parsed, and a plain script would hold that back until it was fetched and run.
 * `title` is plain text.
 */
export function webviewDocument(r: WebviewResources, title: string, bodyAttributes: SafeHtml, main: SafeHtml): SafeHtml {
  const script = r.scriptUri ? html`<script nonce="${r.nonce}" src="${r.scriptUri}" defer></script>\n` : '';
  const attributes = bodyAttributes.toString() ? html` ${bodyAttributes}` : '';
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styleElement(r.stylesheet, r.nonce)}
<title>${title}</title>
</head>
<body${attributes}>
${main}
${script}</body>
</html>`;
}

/** A CSP nonce: 128 bits from the platform CSPRNG (Web Crypto, the same in Node and browsers), hex-encoded. */
export function createNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function list(items: readonly string[], cls = ''): SafeHtml {
  return html`<ul${cls ? html` class="${cls}"` : ''}>${items.map((i) => html`<li>${renderInline(i)}</li>`)}</ul>`;
}

function section(id: string, title: string, body: SafeHtml | undefined): SafeHtml | '' {
  return body ? html`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h" tabindex="-1">${title}</h2>${body}</section>` : '';
}

function linkList(items: readonly LinkedItem[], cls: string): SafeHtml {
  return html`<ul class="${cls}">${items.map((i) => html`<li><button type="button" class="link-button" data-open="${i.id}">${i.title}</button></li>`)}</ul>`;
}

/** `data-*` attributes from a record whose keys are the dataset names the script reads (camelCase). */
export function dataAttributes(data: Readonly<Record<string, string>>): SafeHtml {
  return html`${Object.entries(data).map(([k, v], i) => html`${i ? ' ' : ''}data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${v}"`)}`;
}

/**
 * What the question panel shows, apart from the document around it: the same parts render a new
 * panel and swap a question into an open one by message (the preview panel keeps its document).
 */
export interface QuestionBody {
  readonly title: string;
  /** The `<body data-*>` values the script reads, by dataset name. */
  readonly data: QuestionBodyData;
  /** The whole `<main>` element. */
  readonly main: SafeHtml;
}

/** The whole panel document. Pure: same view, same HTML (but for the nonce). */
export function renderQuestionPanel(view: QuestionView, r: WebviewResources, t: Translate = identityT): SafeHtml {
  const body = questionBody(view, t);
  return webviewDocument(r, body.title, dataAttributes(body.data), body.main);
}

/** The question, its answer and the controls, for a new document or a swap. */
export function questionBody(view: QuestionView, t: Translate = identityT): QuestionBody {
  const q = view.question;
  const kp = q.keyPoints.map(
    (k, i) =>
      html`<li><label><input type="checkbox" class="kp" data-index="${i}"> <span class="kp-text">${renderInline(k)}</span></label><span class="kp-hint" data-hint="${i}" hidden>${t('your draft seems to say this:')} <span class="kp-evidence"></span></span><span class="kp-hint against" data-against="${i}" hidden>${t('your draft seems to argue against this')}</span></li>`,
  );
  const grades = view.grades.map(
    (g) =>
      html`<button type="button" class="grade grade-${g.rating}" data-rating="${g.rating}" title="${t('{0}: next review in {1} (key {2})', g.label, g.interval, g.rating)}"><kbd>${g.rating}</kbd> ${g.label} <span class="interval">${g.interval}</span></button>`,
  );
  const kindLabel = q.kind === 'follow-up' ? t('Follow-up') : q.kind === 'scenario' ? t('Scenario') : t('Question');
  const parent = view.parent
    ? html`<p class="parent">${htmlMessage(t('Follow-up to {0}'), html`<button type="button" class="link-button" data-open="${view.parent.id}">${view.parent.title}</button>`)}</p>`
    : '';
  const strings = questionScriptStrings(t);
  const data: QuestionBodyData = {
    questionId: q.id,
    revealed: view.revealed ? 'true' : 'false',
    review: view.review ? 'true' : 'false',
    queue: JSON.stringify(view.queue ?? []),
    timer: String(view.timerSeconds),
    keypoints: JSON.stringify(q.keyPoints),
    strings: JSON.stringify(strings),
    preview: view.preview === true ? 'true' : 'false',
  };
  return { title: q.title, data, main: html`<main>
<header class="meta">
  <span class="badge difficulty difficulty-${q.difficulty}">${difficultyLabel(q.difficulty, t)}</span>
  <span class="badge kind">${kindLabel}</span>
  <span class="topic">${view.topicTitle}</span>
  <span class="minutes" title="${t('Estimated time to answer out loud')}">${t('~{0} min', q.minutes)}</span>
  <span class="state" id="state-label">${view.stateLabel}</span>
  <button type="button" id="flag" class="icon-button" aria-pressed="${view.flagged}" title="${t('Flag this question (F)')}">${view.flagged ? strings.flagged : strings.flag}</button>
  <span id="preview"${view.preview ? '' : html` hidden`}><span class="badge preview" title="${t('Opening another question replaces this one, as in a preview editor')}">${t('Preview')}</span> <button type="button" id="keep-open" class="icon-button" title="${t('Keep this question open (K); typing a draft keeps it open too')}">${t('Keep open')}</button></span>
</header>
<h1 id="title">${q.title}</h1>
${parent}
<section id="prompt" aria-label="${t('Question')}">${renderMarkdown(q.prompt)}</section>
<section id="attempt" aria-labelledby="attempt-h">
  <h2 id="attempt-h">${t('Your answer')}</h2>
  <p class="hint">${t('Answer out loud or outline it here first, then reveal.')} ${view.timerSeconds > 0 ? html`<span id="timer" role="timer" aria-live="off"></span>` : ''}</p>
  <textarea id="draft" rows="6" aria-label="${t('Draft answer')}" placeholder="${t('Outline your answer: position, structure, numbers, trade-offs…')}"></textarea>
  <button type="button" id="reveal" class="primary"${view.revealed ? html` hidden` : ''}>${t('Reveal answer')} <kbd>${t('Space')}</kbd></button>
</section>
<div id="answer"${view.revealed ? '' : html` hidden`}>
${section('model-answer', t('Model answer'), renderMarkdown(q.answer))}
<section id="key-points" aria-labelledby="key-points-h">
  <h2 id="key-points-h">${t('Key points')}</h2>
  <p class="hint">${t('Tick what you really covered. Hints mark points your draft seems to state (with the words that suggest it) or to argue against; they are evidence, not a verdict.')}</p>
  <ul class="checklist">${kp}</ul>
</section>
<section id="grading" aria-labelledby="grading-h">
  <h2 id="grading-h">${t('How did it go?')}</h2>
  <p class="hint" id="proposal" aria-live="polite"></p>
  <div class="grades" role="group" aria-label="${t('Grade your answer')}">${grades}</div>
  <p class="hint">${htmlMessage(t('Use {0} when you missed the core of the answer. {1} undoes the last grade.'), html`<strong>${strings.ratings[1] ?? ''}</strong>`, html`<kbd>U</kbd>`)}</p>
  <p id="grade-result" aria-live="polite"></p>
  ${view.review ? html`<button type="button" id="next" class="primary" hidden>${t('Next question')} <kbd>N</kbd></button>` : ''}
</section>
${section('strong', t('Strong signals'), list(q.strongSignals, 'signals strong'))}
${section('weak', t('Weak signals'), list(q.weakSignals, 'signals weak'))}
${section('testing', t('What the interviewer is testing'), q.testing ? renderMarkdown(q.testing) : undefined)}
${section('calibration', t('Senior vs staff'), q.seniorVsStaff ? renderMarkdown(q.seniorVsStaff) : undefined)}
${section('mistakes', t('Common mistakes'), q.commonMistakes ? list(q.commonMistakes) : undefined)}
${section('vocabulary', t('Vocabulary that signals depth'), q.vocabulary ? list(q.vocabulary) : undefined)}
${section('example', t('Example'), q.example ? renderMarkdown(q.example) : undefined)}
${section('follow-ups', t('Follow-up questions'), view.followUps.length ? linkList(view.followUps, 'follow-ups') : undefined)}
${section('related', t('Related questions'), view.related.length ? linkList(view.related, 'related') : undefined)}
${section('case-studies', t('Case studies'), view.caseStudies?.length ? html`<ul class="case-studies">${view.caseStudies.map((c) => html`<li><button type="button" class="link-button" data-open="${c.id}">${c.title}</button> <span class="hint">${c.organisation}, ${c.year}</span></li>`)}</ul>` : undefined)}
<section id="notes" aria-labelledby="notes-h">
  <h2 id="notes-h">${t('Your notes')}</h2>
  <textarea id="note" rows="4" aria-label="${t('Notes on this question (Markdown, saved)')}">${view.note}</textarea>
  <p class="hint" id="note-status" aria-live="polite"></p>
</section>
</div>
</main>` };
}
