// The question panel's script. Runs in the webview (untrusted side): it shows and hides what the
// host rendered and sends typed messages back. It never builds HTML from strings: a preview swap
// places the `<main>` the host rendered (and escaped) into this same document.
import { wireLinks } from './links';
import { keyPointHints, proposeRating } from '../shared/judge/keyPointJudge';
import type { QuestionScriptStrings } from '../core/panelHtml';
import { post, type QuestionOutbound, type QuestionState } from '../shared/protocol/question';
import { identityT as format } from '../shared/translate';
import { TEXT_LIMITS } from '../shared/limits';
import { guardText } from './textLimit';
import { swapMain } from './swap';

const vscode = acquireVsCodeApi<QuestionState>();
const body = document.body;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/** One question as shown: re-created whenever the host swaps another question into this document. */
interface Mounted {
  readonly questionId: string;
  readonly review: boolean;
  readonly keyPoints: string[];
  readonly text: (key: Exclude<keyof QuestionScriptStrings, 'ratings'>, ...args: (string | number)[]) => string;
  readonly labels: string[];
  readonly startedAt: number;
  readonly state: QuestionState;
  graded: boolean;
  timer?: ReturnType<typeof setInterval>;
  noteTimer?: ReturnType<typeof setTimeout>;
  pendingNote?: string;
  save(): void;
}

let current = mount();

function mount(): Mounted {
  const questionId = body.dataset.questionId ?? '';
  const review = body.dataset.review === 'true';
  // The review's remaining queue, kept in the webview state: the host rebuilds the session from it after a reload.
  const queue = review ? (JSON.parse(body.dataset.queue ?? '[]') as string[]) : undefined;
  // The host translates this script's texts and renders them into <body data-strings> (panelHtml.ts).
  const strings = JSON.parse(body.dataset.strings ?? '{}') as Partial<QuestionScriptStrings>;
  const text: Mounted['text'] = (key, ...args) => format(strings[key] ?? '', ...args);
  const draft = $<HTMLTextAreaElement>('draft');
  const note = $<HTMLTextAreaElement>('note');
  const limitCounter = (n: string, max: string) => text('limitCounter', n, max);
  const draftLimit = draft ? guardText(draft, TEXT_LIMITS.draft, { counter: limitCounter, over: (x, max) => text('draftOver', x, max) }) : undefined;
  const noteLimit = note ? guardText(note, TEXT_LIMITS.note, { counter: limitCounter, over: (x, max) => text('noteOver', x, max) }) : undefined;
  const previous = vscode.getState();
  const pinned = body.dataset.preview !== 'true';
  const state: QuestionState = previous?.questionId === questionId ? previous : { questionId, review, pinned };
  const m: Mounted = {
    questionId,
    review,
    keyPoints: JSON.parse(body.dataset.keypoints ?? '[]') as string[],
    text,
    labels: strings.ratings ?? [],
    startedAt: Date.now(),
    state,
    graded: false,
    save: () => {
      // Past its limit the draft is not persisted (the panel says so); the last state that fits is kept.
      if (draftLimit?.over()) return;
      vscode.setState({ ...state, questionId, review, queue, draft: draft?.value ?? '' });
    },
  };
  // Pinned if either side says so (a Keep open whose message was lost before a reload still counts).
  const keptHere = state.pinned === true;
  state.pinned = keptHere || pinned;
  if (keptHere && !pinned) post(vscode, { type: 'pin', questionId });
  if (state.pinned) $('preview')?.setAttribute('hidden', '');
  if (draft && state.draft) draft.value = state.draft;
  draftLimit?.update();
  if (state.revealed) reveal(m, false);
  m.save();

  $('reveal')?.addEventListener('click', () => reveal(m));
  draft?.addEventListener('input', () => {
    keep(m);
    m.save();
    if (!$('answer')?.hidden) showHints(m);
  });
  document.querySelectorAll<HTMLInputElement>('input.kp').forEach((c) => c.addEventListener('change', () => updateProposal(m)));
  document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.addEventListener('click', () => grade(m, Number(b.dataset.rating) as 1 | 2 | 3 | 4)));
  wireLinks((message) => post(vscode, message));
  $('next')?.addEventListener('click', () => post(vscode, { type: 'next' }));
  $('flag')?.addEventListener('click', () => flag(m));
  $('keep-open')?.addEventListener('click', () => keep(m, true));
  note?.addEventListener('input', () => {
    clearTimeout(m.noteTimer);
    m.pendingNote = undefined;
    keep(m);
    if (noteLimit?.over()) return;
    m.pendingNote = note.value;
    m.noteTimer = setTimeout(() => flushNote(m), 600);
  });
  startTimer(m);
  return m;
}

/** Leaves the current question: a note typed in the last 600 ms is still saved. */
function unmount(m: Mounted): void {
  clearInterval(m.timer);
  clearTimeout(m.noteTimer);
  flushNote(m);
}

function flushNote(m: Mounted): void {
  if (m.pendingNote === undefined) return;
  post(vscode, { type: 'saveNote', questionId: m.questionId, text: m.pendingNote });
  m.pendingNote = undefined;
}

/** Keeps a preview panel open from now on; `announce` says so in the status line (Keep open, K). */
function keep(m: Mounted, announce = false): void {
  if (m.state.pinned) return;
  m.state.pinned = true;
  m.save();
  const preview = $('preview');
  if (preview) preview.hidden = true;
  post(vscode, { type: 'pin', questionId: m.questionId });
  if (announce) {
    const status = $('grade-result');
    if (status) status.textContent = m.text('kept');
  }
}

function reveal(m: Mounted, notify = true): void {
  const answer = $('answer');
  if (!answer || !answer.hidden) return;
  answer.hidden = false;
  const button = $('reveal');
  if (button) button.hidden = true;
  m.state.revealed = true;
  if (notify) keep(m);
  m.save();
  showHints(m);
  updateProposal(m);
  document.getElementById('model-answer-h')?.focus();
  if (notify) post(vscode, { type: 'revealed', questionId: m.questionId });
}

function showHints(m: Mounted): void {
  const hints = keyPointHints(m.keyPoints, $<HTMLTextAreaElement>('draft')?.value ?? '');
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

function updateProposal(m: Mounted): void {
  const t = ticked().length;
  const proposed = proposeRating(t, m.keyPoints.length);
  const proposal = $('proposal');
  if (proposal) proposal.textContent = m.text('suggests', t, m.keyPoints.length, m.labels[proposed] ?? '');
  document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.classList.toggle('proposed', Number(b.dataset.rating) === proposed));
}

function grade(m: Mounted, rating: 1 | 2 | 3 | 4): void {
  const answer = $('answer');
  if (!answer || answer.hidden || m.graded) return;
  const covered = ticked();
  const proposed = proposeRating(covered.length, m.keyPoints.length);
  const gradeResult = $('grade-result');
  // Grading two steps above what the checklist supports needs a second press of the same key.
  if (gradeResult && rating - proposed >= 2 && gradeResult.dataset.confirm !== String(rating)) {
    gradeResult.dataset.confirm = String(rating);
    gradeResult.textContent = m.text('confirm', covered.length, m.keyPoints.length, rating, m.labels[rating] ?? '');
    return;
  }
  keep(m);
  post(vscode, {
    type: 'grade',
    questionId: m.questionId,
    rating,
    covered,
    draftChars: Math.min($<HTMLTextAreaElement>('draft')?.value.length ?? 0, 1_000_000),
    elapsedSeconds: Math.min(86_400, Math.round((Date.now() - m.startedAt) / 1000)),
  });
}

function flag(m: Mounted): void {
  keep(m);
  post(vscode, { type: 'toggleFlag', questionId: m.questionId });
}

/** Another question into this document (preview reuse, the review's next question). */
function show(msg: Extract<QuestionOutbound, { type: 'show' }>): void {
  unmount(current);
  if (swapMain(msg.main, msg.data, msg.title)) current = mount();
}

window.addEventListener('message', (event: MessageEvent<QuestionOutbound>) => {
  const msg = event.data;
  if (!msg || typeof msg !== 'object') return;
  const m = current;
  const gradeResult = $('grade-result');
  switch (msg.type) {
    case 'show':
      show(msg);
      break;
    case 'graded':
      if (msg.questionId !== m.questionId) break;
      m.graded = true;
      if (gradeResult) {
        delete gradeResult.dataset.confirm;
        gradeResult.textContent = m.text(m.review ? 'gradedReview' : 'graded', m.labels[msg.rating] ?? '', msg.nextDue);
      }
      document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.classList.toggle('chosen', Number(b.dataset.rating) === msg.rating));
      {
        const next = $<HTMLButtonElement>('next');
        if (next) {
          next.hidden = false;
          next.focus();
        }
      }
      break;
    case 'ungraded':
      if (msg.questionId !== m.questionId) break;
      m.graded = false;
      if (gradeResult) gradeResult.textContent = m.text('undone');
      document.querySelectorAll<HTMLButtonElement>('button.grade').forEach((b) => b.classList.remove('chosen'));
      break;
    case 'noteSaved': {
      const s = $('note-status');
      if (s && msg.questionId === m.questionId) s.textContent = m.text('noteSaved');
      break;
    }
    case 'state': {
      const chip = $('state-label');
      if (chip && msg.questionId === m.questionId) chip.textContent = msg.label;
      break;
    }
    case 'flag': {
      const f = $('flag');
      if (f && msg.questionId === m.questionId) {
        f.setAttribute('aria-pressed', String(msg.flagged));
        f.textContent = msg.flagged ? m.text('flagged') : m.text('flag');
      }
      break;
    }
    case 'error':
      if (gradeResult) gradeResult.textContent = m.text('error', msg.message);
      break;
  }
});

document.addEventListener('keydown', (e) => {
  const m = current;
  const target = e.target as HTMLElement | null;
  const typing = target?.tagName === 'TEXTAREA' || target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text';
  if (typing) {
    // Ctrl+Enter reveals from the draft without leaving the keyboard.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && target?.id === 'draft') {
      e.preventDefault();
      reveal(m);
    }
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === ' ' && $('answer')?.hidden) {
    e.preventDefault();
    reveal(m);
  } else if (/^[1-4]$/.test(e.key)) {
    grade(m, Number(e.key) as 1 | 2 | 3 | 4);
  } else if (e.key === 'u' || e.key === 'U') {
    if (m.graded) post(vscode, { type: 'undoGrade', questionId: m.questionId });
  } else if ((e.key === 'n' || e.key === 'N') && m.review && m.graded) {
    post(vscode, { type: 'next' });
  } else if (e.key === 'f' || e.key === 'F') {
    flag(m);
  } else if (e.key === 'k' || e.key === 'K') {
    keep(m, true);
  }
});

/** Counts down the estimated answer time when the setting is on. */
function startTimer(m: Mounted): void {
  const timerEl = $('timer');
  const timerSeconds = Number(body.dataset.timer ?? '0');
  if (!timerEl || timerSeconds <= 0) return;
  const tick = () => {
    const left = timerSeconds - Math.round((Date.now() - m.startedAt) / 1000);
    const abs = Math.abs(left);
    const clock = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
    timerEl.textContent = left < 0 ? m.text('overBy', clock) : clock;
    timerEl.classList.toggle('over', left < 0);
  };
  tick();
  m.timer = setInterval(tick, 1000);
}

post(vscode, { type: 'ready' });
