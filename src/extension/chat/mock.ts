import vscode = require('vscode');
import { findTopic, judgeAnswerOffline, judgementFromModel } from '../../core/interviewer/quiz';
import type { ChatGradeArgs, ChatState } from '../../core/interviewer/state';
import { draftPrompt, parseDraftVerdicts } from '../../core/judge/modelJudge';
import { scorecard, transcriptMarkdown } from '../../core/mock/scorecard';
import { currentTurn, gradeTurn, ratingsOf, secondsPerQuestion, startMock, submitAnswer, type MockState } from '../../core/mock/session';
import type { InterviewerDeps } from './interviewer';
import { RECORD_GRADE_COMMAND } from './ids';
import { RATING_LABEL } from '../../core/progress/scheduler';
import { markdownLine, markdownText, md, safeMarkdown, trusted } from '../../core/safeText';
import type { ContentSnapshot } from '../contentService';
import { mdT, type SafeChatStream } from './safeStream';

const QUESTIONS = 3;
const MINUTES = 15;

const result = (state: ChatState): vscode.ChatResult => ({ metadata: { state } });

/** /mock [topics]: three questions with their follow-ups, timed, judged against the key points. */
export async function startChatMock(deps: InterviewerDeps, words: string, stream: SafeChatStream): Promise<vscode.ChatResult> {
  const snapshot = await deps.content.get();
  const topics = [...new Set(words.split(/[\s,]+/).map((w) => findTopic(snapshot.bundle, w)).filter((t): t is string => !!t))];
  const model = await deps.progress.model();
  const now = (deps.now ?? Date.now)();
  let mock: MockState;
  try {
    mock = startMock(snapshot.bundle, { topics, difficulty: 'any', questions: QUESTIONS, minutes: MINUTES }, now, deps.random ?? Math.random, (id) => model.reviewCount(id));
  } catch (e) {
    stream.markdown(markdownText(e instanceof Error ? e.message : String(e)));
    return result({ mode: 'idle' });
  }
  const names = topics.length ? topics.map((t) => snapshot.topic(t)?.title ?? t).join(', ') : vscode.l10n.t('all topics');
  stream.markdown(md`**${mdT('Mock interview')}**: ${markdownText(names)} · ${mdT('{0} questions, {1} minutes, about {2} min each', mock.items.length, MINUTES, Math.round(secondsPerQuestion(mock) / 60))}\n\n`);
  askCurrent(mock, stream, snapshot);
  return result({ mode: 'mock', mock });
}

function askCurrent(mock: MockState, stream: SafeChatStream, snapshot: ContentSnapshot): void {
  const turn = currentTurn(mock);
  const q = turn ? snapshot.question(turn.questionId) : undefined;
  if (!q) return;
  const followUp = mock.phase === 'followUp';
  // The topic is named, as in the panel: questions are spread across the chosen topics.
  const topic = markdownLine(snapshot.topic(q.topic)?.title ?? q.topic);
  stream.markdown(md`**${followUp ? mdT('Follow-up') : mdT('Question {0} of {1}', mock.index + 1, mock.items.length)}** · _${topic}_\n\n${safeMarkdown(q.prompt)}\n\n_${mdT('Answer in your next message; the clock is running.')}_`);
}

export async function mockAnswer(deps: InterviewerDeps, state: Extract<ChatState, { mode: 'mock' }>, answer: string, stream: SafeChatStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
  const snapshot = await deps.content.get();
  const now = (deps.now ?? Date.now)();
  let mock = state.mock;
  const turn = currentTurn(mock);
  const q = turn ? snapshot.question(turn.questionId) : undefined;
  if (!turn || !q || mock.phase === 'done') return result({ mode: 'idle' });
  const limit = mock.phase === 'followUp' ? secondsPerQuestion(mock) / 2 : secondsPerQuestion(mock);
  const timedOut = (now - mock.phaseStartedAt) / 1000 > limit;
  mock = submitAnswer(mock, answer, now, timedOut);
  let judgement = judgeAnswerOffline(q, answer);
  if (deps.model.enabled()) {
    const reply = await deps.model.ask(draftPrompt(q.prompt, q.keyPoints, answer), vscode.l10n.t('Judge your interview answer against the question’s key points.'), token);
    if (reply.ok) {
      try {
        judgement = judgementFromModel(q, parseDraftVerdicts(reply.text, q.keyPoints, answer));
      } catch {
        // The offline judgement stands.
      }
    }
  }
  const covered = judgement.points.flatMap((p, i) => (p.verdict === 'covered' ? [i] : []));
  mock = gradeTurn(mock, covered, q.keyPoints.length, now);
  stream.markdown(md`${timedOut ? md`_${mdT('Over time.')}_ ` : trusted('')}${mdT('{0} of {1} key points covered ({2}).', covered.length, q.keyPoints.length, judgement.by === 'model' ? mdT('judged by your language model') : mdT('offline hints'))}\n\n---\n\n`);
  if (mock.phase !== 'done') {
    askCurrent(mock, stream, snapshot);
    return result({ mode: 'mock', mock });
  }
  // The same transcript and scorecard as the panel's mock interview, shown here and savable.
  const card = scorecard(mock, snapshot.bundle);
  stream.markdown(md`**${mdT('Scorecard')}**: ${mdT('{0} of {1} key points ({2}%)', card.covered, card.total, Math.round(card.share * 100))}\n\n`);
  stream.markdown(safeMarkdown(transcriptMarkdown(mock, snapshot.bundle, new Date(now))));
  stream.markdown(md`\n\n${mdT('Nothing is recorded until you click. Record the proposed grade of each question:')}\n\n`);
  for (const r of ratingsOf(mock, (id) => snapshot.question(id)?.keyPoints.length ?? 0)) {
    const args: ChatGradeArgs = { questionId: r.id, rating: r.rating, covered: r.covered, of: r.of, seconds: r.seconds };
    stream.button({ command: RECORD_GRADE_COMMAND, title: `${RATING_LABEL[r.rating]}: ${snapshot.question(r.id)?.title ?? r.id}`, arguments: [args] });
  }
  return result({ mode: 'idle' });
}
