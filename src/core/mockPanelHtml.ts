import { html, htmlMessage, type SafeHtml } from './html';
import { renderInline, renderMarkdown } from './markdown';
import { webviewDocument, type WebviewResources } from './panelHtml';
import type { Question } from './schema';
import { currentTurn, turnBudget, type MockState } from './mock/session';
import { identityT, type Translate } from '../shared/translate';

/**
 * One screen of a mock interview: the current question (answer hidden), or its rubric to tick.
 * `topicTitle` names the question's topic above it, as an interviewer announces a change of subject.
 */
export function renderMockPanel(
  state: MockState,
  question: (id: string) => Question | undefined,
  now: number,
  r: WebviewResources,
  t: Translate = identityT,
  topicTitle: (id: string) => string | undefined = () => undefined,
): SafeHtml {
  const turn = currentTurn(state);
  const q = turn ? question(turn.questionId) : undefined;
  const total = state.items.length;
  const n = state.index + 1;
  const isFollowUp = state.phase === 'followUp' || state.phase === 'followUpGrading';
  const answering = state.phase === 'answering' || state.phase === 'followUp';
  const budget = turnBudget(state);
  const deadline = state.phaseStartedAt + budget * 1000;
  let body: SafeHtml;
  const topicName = q ? topicTitle(q.topic) : undefined;
  const topic = topicName ? html` <span class="badge topic" id="topic">${topicName}</span>` : '';
  const generated = state.phase === 'generated' ? state.items[state.index]?.generated : undefined;
  if (generated) {
    // The model's text is shown as plain text, labelled: it is not from the bank and has no rubric.
    const limit = Math.max(60, Math.floor(budget / 2));
    body = html`
<p class="interviewer" id="stage">${t('The interviewer follows up')} <span class="badge generated">${t('Generated follow-up (not from the bank)')}</span></p>
<h1 id="title">${q?.title ?? ''}</h1>
<section id="prompt" aria-label="${t('Question')}"><p id="generated-text">${generated.text}</p></section>
<p class="hint">${htmlMessage(t('Time left: {0}. Written by your language model from the model answer and what your answer left out; it is answered but not graded.'), html`<span id="countdown" role="timer" aria-live="off" data-deadline="${state.phaseStartedAt + limit * 1000}"></span>`)}</p>
<textarea id="answer-text" rows="8" aria-label="${t('Your answer')}">${generated.answer}</textarea>
<button type="button" class="primary" id="submit">${t('Submit answer')} <kbd>Ctrl+Enter</kbd></button>`;
  } else if (state.phase === 'done' || !q || !turn) {
    body = html`<h1 id="title">${t('Interview finished')}</h1><p>${t('Your transcript and scorecard are open in a Markdown preview; its source is in the tab beside it: save that if you want to keep it.')}</p>`;
  } else if (answering) {
    body = html`
<p class="interviewer" id="stage">${isFollowUp ? t('The interviewer follows up') : t('Question {0} of {1}', n, total)}${topic}</p>
<h1 id="title">${q.title}</h1>
<section id="prompt" aria-label="${t('Question')}">${renderMarkdown(q.prompt)}</section>
<p class="hint">${htmlMessage(t('Time left: {0}. The answer stays hidden until you submit or the time runs out.'), html`<span id="countdown" role="timer" aria-live="off" data-deadline="${deadline}"></span>`)}</p>
<textarea id="answer-text" rows="10" aria-label="${t('Your answer')}">${turn.answer}</textarea>
<button type="button" class="primary" id="submit">${t('Submit answer')} <kbd>Ctrl+Enter</kbd></button>`;
  } else {
    const kps = q.keyPoints.map((k, i) => html`<li><label><input type="checkbox" class="kp" data-index="${i}"> ${renderInline(k)}</label></li>`);
    body = html`
<p class="interviewer" id="stage">${isFollowUp ? t('Follow-up: how did you do?') : t('Question {0} of {1}: how did you do?', n, total)}${topic}</p>
<h1 id="title">${q.title}</h1>
<p class="hint">${turn.timedOut ? `${t('Time ran out.')} ` : ''}${t('You answered in {0}. Tick the key points your answer really covered.', `${Math.floor(turn.seconds / 60)}:${String(turn.seconds % 60).padStart(2, '0')}`)}</p>
<section id="key-points" aria-labelledby="kp-h"><h2 id="kp-h">${t('Key points')}</h2><ul class="checklist">${kps}</ul></section>
<button type="button" class="primary" id="grade">${t('Continue')} <kbd>Ctrl+Enter</kbd></button>
<details><summary>${t('Model answer')}</summary>${renderMarkdown(q.answer)}</details>
<details><summary>${t('Your answer')}</summary><pre>${turn.answer}</pre></details>`;
  }
  // The script's own texts, translated here (the webview has no vscode.l10n).
  const strings = { limitCounter: t('{0} of {1} characters'), answerOver: t('{0} characters over the {1}-character limit: shorten your answer to submit it (when time runs out, only the first {1} characters are kept).') };
  return webviewDocument(r, t('Mock interview'), html`data-phase="${state.phase}" data-now="${now}" data-strings="${JSON.stringify(strings)}"`, html`<main>
<header class="meta"><span class="badge">${t('Mock interview')}</span><span>${t('{0} questions · {1} min', total, state.config.minutes)}</span><progress max="${total}" value="${state.phase === 'done' ? total : state.index}" aria-label="${t('Progress through the interview')}"></progress></header>
${body}
</main>`);
}
