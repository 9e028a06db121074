// The question panel's script. Runs in the webview (untrusted side): it only shows and hides
// what the host rendered and sends typed messages back; it never builds HTML from strings.
import { wireLinks } from './links';
import { keyPointHints, proposeRating } from '../shared/judge/keyPointJudge';
import type { QuestionScriptStrings } from '../core/panelHtml';
import { post, type QuestionOutbound, type QuestionState } from '../shared/protocol/question';
import { identityT as format } from '../shared/translate';
import { TEXT_LIMITS } from '../shared/limits';
import { guardText } from './textLimit';

const vscode = acquireVsCodeApi<QuestionState>();
const body = document.body;
const questionId = body.dataset.questionId ?? '';
const review = body.dataset.review === 'true';
// The review's remaining queue, kept in the webview state: the host rebuilds the session from it after a reload.
const queue = review ? (JSON.parse(body.dataset.queue ?? '[]') as string[]) : undefined;
const keyPoints = JSON.parse(body.dataset.keypoints ?? '[]') as string[];
// The host translates this script's texts and renders them into <body data-strings> (panelHtml.ts).
const strings = JSON.parse(body.dataset.strings ?? '{}') as Partial<QuestionScriptStrings>;
const text = (key: Exclude<keyof QuestionScriptStrings, 'ratings'>, ...args: (string | number)[]) => format(strings[key] ?? '', ...args);
const LABELS = strings.ratings ?? [];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

const draft = $<HTMLTextAreaElement>('draft');
const note = $<HTMLTextAreaElement>('note');
const answer = $('answer');
const revealButton = $<HTMLButtonElement>('reveal');
const proposal = $('proposal');
const gradeResult = $('grade-result');
const nextButton = $<HTMLButtonElement>('next');
const startedAt = Date.now();
let graded = false;
const limitCounter = (n: string, max: string) => text('limitCounter', n, max);
const draftLimit = draft ? guardText(draft, TEXT_LIMITS.draft, { counter: limitCounter, over: (x, max) => text('draftOver', x, max) }) : undefined;
const noteLimit = note ? guardText(note, TEXT_LIMITS.note, { counter: limitCounter, over: (x, max) => text('noteOver', x, max) }) : undefined;

const previous = vscode.getState();
const state: QuestionState = previous?.questionId === questionId ? previous : { questionId, review };
if (draft && state.draft) draft.value = state.draft;
draftLimit?.update();
if (state.revealed) reveal(false);
saveState();

function saveState(): void {
  // Past its limit the draft is not persisted (the panel says so); the last state that fits is kept.
  if (draftLimit?.over()) return;
  vscode.setState({ ...state, questionId, review, queue, draft: draft?.value ?? '' });
}

function reveal(notify = true): void {
  if (!answer || !answer.hidden) return;
  answer.hidden = false;
  if (revealButton) revealButton.hidden = true;
  state.revealed = true;
  saveState();
  showHints();
  updateProposal();
  document.getElementById('model-answer-h')?.focus();
  if (notify) post(vscode, { type: 'revealed', questionId });
}

function showHints(): void {
  const hints = keyPointHints(keyPoints, draft?.value ?? '');
  hints.forEach((hint, i) => {
    const covered = document.querySelector<HTMLElement>(`[data-hint="${i}"]`);
    if (covered) {
      covered.hidden = hint.verdict !== 'covered';
      const words = covered.querySelector<HTMLElement>('.kp-evidence');
      if (words) words.textContent = hint.verdict === 'covered' ? hint.evidence.join(', ') : '';
    }
    const against = document.querySelector<HTMLElement>(`[data-against="${i}"]`);
    if (against) against.hidden = hint.verdict !== 'contradicted';
  });
}

function ticked(): number[] {
  return [...document.querySelectorAll<HTMLInputElement>('input.kp')].filter((c) => c.checked).map((c) => Number(c.dataset.index));
}

function updateProposal(): void {
  const t = ticked().length;
  const proposed = proposeRating(t, keyPoints.length);
  if (proposal) proposal.textContent = text('suggests', t, keyPoints.length, LABELS[proposed] ?? '');
  document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.classList.toggle('proposed', Number(b.dataset.rating) === proposed));
}

function grade(rating: 1 | 2 | 3 | 4): void {
  if (!answer || answer.hidden || graded) return;
  const covered = ticked();
  const proposed = proposeRating(covered.length, keyPoints.length);
  // Grading two steps above what the checklist supports needs a second press of the same key.
  if (gradeResult && rating - proposed >= 2 && gradeResult.dataset.confirm !== String(rating)) {
    gradeResult.dataset.confirm = String(rating);
    gradeResult.textContent = text('confirm', covered.length, keyPoints.length, rating, LABELS[rating] ?? '');
    return;
  }
  post(vscode, {
    type: 'grade',
    questionId,
    rating,
    covered,
    draftChars: Math.min(draft?.value.length ?? 0, 1_000_000),
    elapsedSeconds: Math.min(86_400, Math.round((Date.now() - startedAt) / 1000)),
  });
}

window.addEventListener('message', (event: MessageEvent<QuestionOutbound>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object') return;
  switch (msg.type) {
    case 'graded':
      graded = true;
      if (gradeResult) {
        delete gradeResult.dataset.confirm;
        gradeResult.textContent = text(review ? 'gradedReview' : 'graded', LABELS[msg.rating] ?? '', msg.nextDue);
      }
      document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.classList.toggle('chosen', Number(b.dataset.rating) === msg.rating));
      if (nextButton) {
        nextButton.hidden = false;
        nextButton.focus();
      }
      break;
    case 'ungraded':
      graded = false;
      if (gradeResult) gradeResult.textContent = text('undone');
      document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.classList.remove('chosen'));
      break;
    case 'noteSaved': {
      const s = $('note-status');
      if (s) s.textContent = text('noteSaved');
      break;
    }
    case 'state': {
      const chip = $('state-label');
      if (chip) chip.textContent = msg.label;
      break;
    }
    case 'flag': {
      const f = $('flag');
      if (f) {
        f.setAttribute('aria-pressed', String(msg.flagged));
        f.textContent = msg.flagged ? text('flagged') : text('flag');
      }
      break;
    }
    case 'error':
      if (gradeResult) gradeResult.textContent = text('error', msg.message);
      break;
  }
});

revealButton?.addEventListener('click', () => reveal());
draft?.addEventListener('input', () => {
  saveState();
  if (answer && !answer.hidden) showHints();
});
document.querySelectorAll<HTMLInputElement>('input.kp').forEach((c) => c.addEventListener('change', updateProposal));
document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) =>
  b.addEventListener('click', () => grade(Number(b.dataset.rating) as 1 | 2 | 3 | 4)),
);
wireLinks((message) => post(vscode, message));
nextButton?.addEventListener('click', () => post(vscode, { type: 'next' }));
$('flag')?.addEventListener('click', () => post(vscode, { type: 'toggleFlag', questionId }));
let noteTimer: ReturnType<typeof setTimeout> | undefined;
note?.addEventListener('input', () => {
  clearTimeout(noteTimer);
  if (noteLimit?.over()) return;
  noteTimer = setTimeout(() => post(vscode, { type: 'saveNote', questionId, text: note.value }), 600);
});

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement | null;
  const typing = target?.tagName === 'TEXTAREA' || target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text';
  if (typing) {
    // Ctrl+Enter reveals from the draft without leaving the keyboard.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && target === draft) {
      e.preventDefault();
      reveal();
    }
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === ' ' && answer?.hidden) {
    e.preventDefault();
    reveal();
  } else if (/^[1-4]$/.test(e.key)) {
    grade(Number(e.key) as 1 | 2 | 3 | 4);
  } else if (e.key === 'u' || e.key === 'U') {
    if (graded) post(vscode, { type: 'undoGrade', questionId });
  } else if ((e.key === 'n' || e.key === 'N') && review && graded) {
    post(vscode, { type: 'next' });
  } else if (e.key === 'f' || e.key === 'F') {
    post(vscode, { type: 'toggleFlag', questionId });
  }
});

// Timer: counts down the estimated answer time when the setting is on.
const timerEl = $('timer');
const timerSeconds = Number(body.dataset.timer ?? '0');
if (timerEl && timerSeconds > 0) {
  const tick = () => {
    const left = timerSeconds - Math.round((Date.now() - startedAt) / 1000);
    const abs = Math.abs(left);
    const clock = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
    timerEl.textContent = left < 0 ? text('overBy', clock) : clock;
    timerEl.classList.toggle('over', left < 0);
  };
  tick();
  setInterval(tick, 1000);
}

post(vscode, { type: 'ready' });
