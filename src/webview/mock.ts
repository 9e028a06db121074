// The mock-interview panel's script: a countdown, submit (or auto-submit at zero), tick and continue.
import { TEXT_LIMITS } from '../shared/limits';
import { identityT as format } from '../shared/translate';
import { post } from '../shared/protocol/mock';
import { guardText } from './textLimit';

const vscode = acquireVsCodeApi<unknown>();
const phase = document.body.dataset.phase;
const answer = document.getElementById('answer-text') as HTMLTextAreaElement | null;
const countdown = document.getElementById('countdown');
// The deadline comes from the host clock; correct for any skew between host and webview.
const skew = Date.now() - Number(document.body.dataset.now ?? Date.now());
let sent = false;
const strings = JSON.parse(document.body.dataset.strings ?? '{}') as { limitCounter?: string; answerOver?: string };
const submitButton = document.getElementById('submit') as HTMLButtonElement | null;
const limit = answer
  ? guardText(
      answer,
      TEXT_LIMITS.answer,
      {
        counter: (n, max) => format(strings.limitCounter ?? '{0} / {1}', n, max),
        over: (x, max) => format(strings.answerOver ?? '{0} / {1}', x, max),
      },
      (over) => {
        if (submitButton) submitButton.disabled = over;
      },
    )
  : undefined;

function submit(timedOut: boolean): void {
  if (sent) return;
  // Past the limit a manual submit waits for the user to shorten; at the deadline the kept part is sent (the counter said so).
  if (!timedOut && limit?.over()) return;
  sent = true;
  post(vscode, { type: 'mockSubmit', answer: (answer?.value ?? '').slice(0, TEXT_LIMITS.answer), timedOut });
}

function grade(): void {
  if (sent) return;
  sent = true;
  const covered = [...document.querySelectorAll<HTMLInputElement>('input.kp')].filter((c) => c.checked).map((c) => Number(c.dataset.index));
  post(vscode, { type: 'mockGrade', covered });
}

if (countdown) {
  const deadline = Number(countdown.dataset.deadline) + skew;
  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    countdown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    countdown.classList.toggle('over', left <= 30);
    if (left <= 0) submit(true);
  };
  tick();
  setInterval(tick, 500);
}

document.getElementById('submit')?.addEventListener('click', () => submit(false));
document.getElementById('grade')?.addEventListener('click', grade);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    if (phase === 'answering' || phase === 'followUp' || phase === 'generated') submit(false);
    else if (phase === 'grading' || phase === 'followUpGrading') grade();
  }
});
answer?.focus();

