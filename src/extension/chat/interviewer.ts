import vscode = require('vscode');
import { followUpPrompt, parseFollowUp } from '../../core/interviewer/prompts';
import { findTopic, judgeAnswerOffline, judgementFromModel, nextFollowUp, pickQuizQuestion, type AnswerJudgement } from '../../core/interviewer/quiz';
import { chatGradeArgsSchema, latestState, type ChatGradeArgs, type ChatState } from '../../core/interviewer/state';
import { draftPrompt, parseDraftVerdicts } from '../../core/judge/modelJudge';
import type { Question } from '../../core/schema';
import type { ContentService } from '../contentService';
import type { ModelService } from '../languageModel';
import { dueQueue } from '../practiceCommands';
import type { ProgressService } from '../progressService';
import { explain } from './explain';
import { PARTICIPANT_ID, RECORD_GRADE_COMMAND } from './ids';
import { mockAnswer, startChatMock } from './mock';
import { RATING_LABEL } from '../../core/progress/scheduler';
import { markdownText, md, safeMarkdown, trusted } from '../../core/safeText';
import { mdT, type SafeChatStream } from './safeStream';


export interface InterviewerDeps {
  readonly content: ContentService;
  readonly progress: ProgressService;
  readonly model: ModelService;
  readonly log: vscode.LogOutputChannel;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** What a turn returns: the state the next turn starts from, in the chat result's metadata. */
const result = (state: ChatState): vscode.ChatResult => ({ metadata: { state } });

/**
 * @interviewer in VS Code's Chat: asks bank questions (FSRS order), judges answers against the key
 * points (the user's model when enabled, else the offline judge), asks the bank's follow-up chain
 * and then, with a model, one generated follow-up marked as such. Grades are recorded only when the
 * user clicks a grade button.
 */
export class Interviewer {
  constructor(private readonly deps: InterviewerDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async handle(request: vscode.ChatRequest, context: vscode.ChatContext, stream: SafeChatStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
    const state = latestState(context.history.flatMap((turn) => ('result' in turn && turn.participant === PARTICIPANT_ID ? [turn.result.metadata] : [])));
    try {
      switch (request.command) {
        case 'quiz':
          return await this.quiz(request.prompt, stream);
        case 'explain':
          return await explain(this.deps, request.prompt, stream, token, state);
        case 'mock':
          return await startChatMock(this.deps, request.prompt, stream);
        case 'answer':
          return await this.showModelAnswer(state, stream);
        default:
          if (state.mode === 'quiz') return await this.answer(state, request.prompt, stream, token);
          if (state.mode === 'mock') return await mockAnswer(this.deps, state, request.prompt, stream, token);
          stream.markdown(mdT('I am your interviewer. Try **/quiz** (optionally with a topic, e.g. `/quiz observability`), **/mock** for a timed mock interview, or **/explain** followed by a question or topic.'));
          return result(state);
      }
    } catch (e) {
      this.deps.log.error('@interviewer failed', e instanceof Error ? e : String(e));
      stream.markdown(markdownText(vscode.l10n.t('Something went wrong: {0}', e instanceof Error ? e.message : String(e))));
      return result(state);
    }
  }

  private async quiz(topicWords: string, stream: SafeChatStream): Promise<vscode.ChatResult> {
    const snapshot = await this.deps.content.get();
    const topic = findTopic(snapshot.bundle, topicWords);
    if (topicWords.trim() && !topic) stream.markdown(md`${markdownText(vscode.l10n.t('No topic matches "{0}"; asking from all topics.', topicWords.trim()))}\n\n`);
    const model = await this.deps.progress.model();
    const queue = await dueQueue(this.deps.content, this.deps.progress, new Date(this.now()));
    const q = pickQuizQuestion(snapshot.bundle, queue, topic, (id) => model.reviewCount(id), this.deps.random ?? Math.random);
    if (!q) {
      stream.markdown(mdT('There is no question to ask in that topic.'));
      return result({ mode: 'idle' });
    }
    this.ask(q, stream, snapshot.topic(q.topic)?.title ?? q.topic);
    return result({ mode: 'quiz', questionId: q.id, root: q.id, asked: [], askedAt: this.now() });
  }

  private ask(q: Question, stream: SafeChatStream, topicTitle: string, label?: string): void {
    stream.markdown(md`**${markdownText(label ?? vscode.l10n.t('Question'))}** · ${markdownText(topicTitle)} · ${markdownText(q.difficulty)} · ${mdT('~{0} min', q.minutes)}\n\n`);
    stream.markdown(safeMarkdown(q.prompt));
    stream.markdown(md`\n\n_${mdT('Answer in your next message. Your answer stays in this chat; it is sent to a language model only if interviewPractice.languageModel.enabled is on.')}_`);
  }

  /** Judges the user's answer, offers the grade buttons, then asks the next follow-up. */
  private async answer(state: Extract<ChatState, { mode: 'quiz' }>, answer: string, stream: SafeChatStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> {
    const snapshot = await this.deps.content.get();
    const q = snapshot.question(state.questionId);
    if (!q) return result({ mode: 'idle' });
    if (state.generated) {
      // A generated follow-up is not in the bank: no rubric, so nothing to judge or record.
      stream.markdown(mdT('Thanks. That follow-up was generated, so it has no rubric here: compare your answer with the model answer (**/answer**). Try **/quiz** for the next question.'));
      return result({ mode: 'answered', questionId: q.id, root: state.root, asked: state.asked });
    }
    const seconds = Math.max(0, Math.round((this.now() - state.askedAt) / 1000));
    const judgement = await this.judge(q, answer, stream, token);
    this.showJudgement(q, judgement, seconds, stream);
    const next = nextFollowUp(snapshot.bundle, q.id, state.root, state.asked);
    if (next) {
      stream.markdown(md`\n\n---\n\n`);
      this.ask(next, stream, snapshot.topic(next.topic)?.title ?? next.topic, vscode.l10n.t('Follow-up'));
      return result({ mode: 'quiz', questionId: next.id, root: state.root, asked: [...state.asked, next.id], askedAt: this.now() });
    }
    const generated = await this.generatedFollowUp(q, answer, judgement, token);
    if (generated) {
      stream.markdown(md`\n\n---\n\n**${mdT('Generated follow-up (not from the bank)')}**\n\n`);
      stream.markdown(markdownText(generated));
      return result({ mode: 'quiz', questionId: q.id, root: state.root, asked: state.asked, generated, askedAt: this.now() });
    }
    stream.markdown(md`\n\n${mdT('That is the end of this chain. **/quiz** asks the next question.')}`);
    return result({ mode: 'answered', questionId: q.id, root: state.root, asked: state.asked });
  }

  private async judge(q: Question, answer: string, stream: SafeChatStream, token: vscode.CancellationToken): Promise<AnswerJudgement> {
    if (!this.deps.model.enabled()) return judgeAnswerOffline(q, answer);
    stream.progress(vscode.l10n.t('Asking your language model to judge the answer against the key points…'));
    const reply = await this.deps.model.ask(draftPrompt(q.prompt, q.keyPoints, answer), vscode.l10n.t('Judge your interview answer against the question’s key points.'), token);
    if (reply.ok) {
      try {
        return judgementFromModel(q, parseDraftVerdicts(reply.text, q.keyPoints, answer));
      } catch (e) {
        this.deps.log.warn(`model verdict rejected: ${e instanceof Error ? e.message : String(e)}`);
        stream.markdown(md`${markdownText(vscode.l10n.t('The language model’s answer could not be used; the offline judge decided.'))}\n\n`);
        return judgeAnswerOffline(q, answer);
      }
    }
    stream.markdown(md`${markdownText(vscode.l10n.t('The language model was not used ({0}); the offline judge decided.', reply.reason))}\n\n`);
    return judgeAnswerOffline(q, answer);
  }

  private showJudgement(q: Question, j: AnswerJudgement, seconds: number, stream: SafeChatStream): void {
    const mark = { covered: trusted('✓'), partly: trusted('\\~'), missing: trusted('✗') } as const;
    const word = { covered: mdT('covered'), partly: mdT('partly'), missing: mdT('missing') } as const;
    stream.markdown(md`\n\n**${j.by === 'model' ? mdT('Key points (judged by your language model; quotes are your own words)') : mdT('Key points (offline hints: evidence, not a verdict)')}**\n\n`);
    for (const p of j.points) {
      const evidence = p.evidence ? md` — “${markdownText(p.evidence)}”` : p.against ? md` — ${mdT('your answer seems to argue against this')}` : trusted('');
      stream.markdown(md`- ${mark[p.verdict]} ${word[p.verdict]}: ${safeMarkdown(p.point)}${evidence}\n`);
    }
    stream.markdown(md`\n${mdT('{0} of {1} key points covered. Proposed grade: **{2}**. Nothing is recorded until you click a grade.', j.covered, j.points.length, markdownText(RATING_LABEL[j.proposed]))}\n\n`);
    for (const rating of [1, 2, 3, 4] as const) {
      const args: ChatGradeArgs = { questionId: q.id, rating, covered: j.covered, of: j.points.length, seconds };
      stream.button({ command: RECORD_GRADE_COMMAND, title: rating === j.proposed ? vscode.l10n.t('{0} (proposed)', RATING_LABEL[rating]) : RATING_LABEL[rating], arguments: [args] });
    }
  }

  private async generatedFollowUp(q: Question, answer: string, j: AnswerJudgement, token: vscode.CancellationToken): Promise<string | undefined> {
    if (!this.deps.model.enabled()) return undefined;
    const missing = j.points.filter((p) => p.verdict !== 'covered').map((p) => p.point);
    const reply = await this.deps.model.ask(followUpPrompt(q, answer, missing), vscode.l10n.t('Ask one follow-up question about your interview answer.'), token);
    if (!reply.ok) return undefined;
    try {
      return parseFollowUp(reply.text);
    } catch (e) {
      this.deps.log.warn(`generated follow-up rejected: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private async showModelAnswer(state: ChatState, stream: SafeChatStream): Promise<vscode.ChatResult> {
    const id = state.mode === 'quiz' || state.mode === 'answered' ? state.questionId : undefined;
    const q = id ? (await this.deps.content.get()).question(id) : undefined;
    if (!q) {
      stream.markdown(mdT('Ask a question first with **/quiz**.'));
      return result(state);
    }
    stream.markdown(md`**${mdT('Model answer')}: ${markdownText(q.title)}**\n\n`);
    stream.markdown(safeMarkdown(q.answer));
    stream.button({ command: 'interviewPractice.openQuestion', title: vscode.l10n.t('Open in a panel'), arguments: [q.id] });
    return result(state);
  }

  /** The grade button: validated arguments, one review event. */
  async recordGrade(raw: unknown): Promise<boolean> {
    const parsed = chatGradeArgsSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.log.warn(`ignored a chat grade with bad arguments: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return false;
    }
    const a = parsed.data;
    if (!(await this.deps.content.get()).question(a.questionId)) return false;
    await this.deps.progress.record({ kind: 'review', id: a.questionId, rating: a.rating, covered: a.covered, of: a.of, ...(a.seconds !== undefined ? { seconds: a.seconds } : {}) });
    void vscode.window.showInformationMessage(vscode.l10n.t('Recorded {0} for this question.', RATING_LABEL[a.rating]));
    return true;
  }
}
