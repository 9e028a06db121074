import vscode = require('vscode');
import { uiMessage } from './safeUi';
import { questionBody, renderQuestionPanel, type QuestionView } from '../core/panelHtml';
import { questionInbound, questionOutbound, reviveQuestionState, type QuestionInbound, type QuestionOutbound } from '../shared/protocol/question';
import { formatDueIn } from '../core/progress/scheduler';
import type { ContentService, ContentSnapshot } from './contentService';
import { ratingName, stateName, t } from './labels';
import { PanelHost, type PanelHandle } from './panelHost';
import { previewsEnabled, readSetting } from './settings';
import type { DueState } from './dueState';
import type { ProgressService } from './progressService';
import { VIEW_TYPES } from './viewTypes';

interface QuestionPanelState {
  readonly questionId: string;
  readonly revealed: boolean;
  /** A review session walks its queue in this one panel. */
  readonly queue?: readonly string[];
  /** False for the preview panel: the next question opened replaces it (the review panel is always pinned). */
  readonly pinned: boolean;
}

/** Where a question opens: `toSide` opens a new panel beside the active one, which stays. */
export interface OpenOptions {
  readonly toSide?: boolean;
}

/** Messages that mean the user is working on the question: a preview panel showing it is kept open. */
const PINNING = new Set<QuestionInbound['type']>(['pin', 'revealed', 'grade', 'saveNote', 'toggleFlag', 'undoGrade']);

type QuestionPanel = PanelHandle<QuestionPanelState, QuestionOutbound>;

/** The review panel's key: a space is never part of a question id, so it cannot clash with one. */
const REVIEW_KEY = 'review session';

/**
 * Question panels open preview-style, as VS Code's editors do: one preview panel takes each
 * question opened from the tree, search or a link (swapped in by message, no new webview), until
 * the user keeps it open (Keep open, a draft, a reveal, a grade), opens one to the side, or turns
 * off `workbench.editor.enablePreview`. A question already open comes to the front. At most one
 * review-session panel. Open panels come back after a window reload, pinned or not.
 */
export class QuestionPanels implements vscode.Disposable {
  readonly host: PanelHost<QuestionPanelState, QuestionInbound, QuestionOutbound>;
  private readonly opened = new vscode.EventEmitter<string>();
  /** Fires with the question id whenever a panel shows a question (tests and the walkthrough listen). */
  readonly onDidShowQuestion = this.opened.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly log: vscode.LogOutputChannel,
    private readonly due: DueState,
  ) {
    // Chips follow the one due state: a grade elsewhere, a reload of the log, or the clock passing a due time.
    this.dueSub = due.onDidChange((snap) => {
      for (const p of this.host.all()) {
        const label = stateName(snap.state(p.state.questionId));
        this.shownState.set(p.state.questionId, label);
        // A hidden webview has no document to tell: VS Code rebuilds it from the HTML when shown, so that gets the new chip.
        if (p.panel.visible) void p.post({ type: 'state', questionId: p.state.questionId, label });
        else void p.render();
      }
    });
    this.host = new PanelHost<QuestionPanelState, QuestionInbound, QuestionOutbound>(extensionUri, log, {
      viewType: VIEW_TYPES.question,
      name: 'question',
      script: 'question.js',
      inbound: questionInbound,
      outbound: questionOutbound,
      key: (state) => (state.queue ? REVIEW_KEY : state.questionId),
      pinned: (state) => state.pinned || state.queue !== undefined,
      revive: async (saved) => {
        const snapshot = await this.content.get();
        return reviveQuestionState(saved, (id) => snapshot.question(id) !== undefined);
      },
      render: async (state, resources) => {
        const view = await this.viewOf(await this.content.get(), state);
        return view ? { title: this.titleOf(view, state), html: renderQuestionPanel(view, resources, t) } : undefined;
      },
      swapMessage: async (state) => {
        const view = await this.viewOf(await this.content.get(), state);
        if (!view) return undefined;
        const body = questionBody(view, t);
        const title = this.titleOf(view, state);
        return { title, message: { type: 'show', title: body.title, data: body.data, main: body.main.toString() } };
      },
      rendered: (state) => this.opened.fire(state.questionId),
      handle: (message, panel) => this.handle(message, panel),
      failed: (e, panel) => panel.post({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
    });
  }

  private readonly dueSub: vscode.Disposable;
  /** The chip each open panel shows (what the last render or state message put there). */
  readonly shownState = new Map<string, string>();

  /** Ids of the questions in open panels (review panel included). */
  openQuestionIds(): string[] {
    return this.host.all().map((p) => p.state.questionId);
  }

  panelFor(questionId: string): vscode.WebviewPanel | undefined {
    return this.host.find(questionId)?.panel;
  }

  /**
   * Delivers a raw message to the panel showing `questionId` through the same path as a real
   * webview message. Used by the hardening tests to send what a compromised webview could send.
   */
  async receive(questionId: string, raw: unknown): Promise<void> {
    const panel = this.host.all().find((p) => p.state.questionId === questionId);
    if (panel) await this.host.deliver(panel, raw);
  }

  async open(questionId: string, options: OpenOptions = {}): Promise<vscode.WebviewPanel | undefined> {
    const question = (await this.content.get()).question(questionId);
    if (!question) {
      void vscode.window.showWarningMessage(uiMessage(vscode.l10n.t('Question "{0}" is not in the question bank.', questionId)));
      return undefined;
    }
    // The user's own choice for editors applies here too: without previews every question gets its own panel.
    const reuse = !options.toSide && previewsEnabled();
    const where = { title: question.title, column: options.toSide ? vscode.ViewColumn.Beside : undefined };
    return (await this.host.preview({ questionId, revealed: false, pinned: !reuse }, where, reuse)).panel;
  }

  /** The question in the preview panel, if one is open (the in-host tests read it). */
  previewQuestionId(): string | undefined {
    return this.host.all().find((p) => !p.state.pinned && !p.state.queue)?.state.questionId;
  }

  async startReview(queue: string[]): Promise<void> {
    const [first, ...rest] = queue;
    if (!first) return;
    const state = { questionId: first, revealed: false, queue: rest, pinned: true };
    const review = this.host.find(REVIEW_KEY);
    if (review) {
      await review.swap(state);
      review.panel.reveal();
      return;
    }
    // The preview panel, if open, becomes the review panel (no new webview); otherwise a new one.
    const reuse = previewsEnabled();
    await this.host.preview(state, { title: vscode.l10n.t('Review') }, reuse);
  }

  private titleOf(view: QuestionView, state: QuestionPanelState): string {
    return state.queue ? vscode.l10n.t('Review: {0} ({1} more)', view.question.title, state.queue.length) : view.question.title;
  }

  private async viewOf(snapshot: ContentSnapshot, { questionId: id, revealed, queue, pinned }: QuestionPanelState): Promise<QuestionView | undefined> {
    const question = snapshot.question(id);
    if (!question) return undefined;
    const [model, due] = await Promise.all([this.progress.model(), this.due.snapshot()]);
    const now = due.now;
    const link = (qid: string) => {
      const q = snapshot.question(qid) ?? snapshot.workSample(qid);
      return q ? { id: qid, title: q.title } : undefined;
    };
    return {
      question,
      topicTitle: snapshot.topic(question.topic)?.title ?? question.topic,
      parent: question.parent ? link(question.parent) : undefined,
      followUps: snapshot.followUpsOf(id).map((f) => ({ id: f.id, title: f.title })),
      related: question.related.map(link).filter((l): l is { id: string; title: string } => l !== undefined),
      caseStudies: snapshot.caseStudiesFor(id).map((c) => ({ id: c.id, title: c.title, organisation: c.organisation, year: c.year })),
      grades: model.gradeOptions(id, now, vscode.env.language).map((g) => ({ ...g, label: ratingName(g.rating) })),
      note: model.note(id),
      flagged: model.flagged(id),
      stateLabel: this.remember(id, stateName(due.state(id))),
      timerSeconds: readSetting<boolean>('answerTimer', false) ? question.minutes * 60 : 0,
      revealed,
      review: queue !== undefined,
      queue,
      preview: !pinned && queue === undefined,
    };
  }

  private async handle(msg: Exclude<QuestionInbound, { type: 'openExternal' }>, panel: QuestionPanel): Promise<void> {
    // A panel may only act on the question it shows.
    if ('questionId' in msg && msg.questionId !== panel.state.questionId) {
      this.log.warn(`ignored ${msg.type} for ${msg.questionId} from the panel of ${panel.state.questionId}`);
      return;
    }
    if (PINNING.has(msg.type) && !panel.state.pinned) panel.remember({ ...panel.state, pinned: true });
    switch (msg.type) {
      case 'pin':
        return;
      case 'ready':
      case 'revealed':
        return;
      case 'openQuestion': {
        const snapshot = await this.content.get();
        if (snapshot.workSample(msg.id)) await vscode.commands.executeCommand('interviewPractice.openWorkSample', msg.id);
        else if (snapshot.caseStudy(msg.id)) await vscode.commands.executeCommand('interviewPractice.openCaseStudy', msg.id);
        else if (snapshot.designLoop(msg.id)) await vscode.commands.executeCommand('interviewPractice.openDesignLoop', msg.id);
        else await this.open(msg.id);
        return;
      }
      case 'grade': {
        const question = (await this.content.get()).question(msg.questionId);
        const covered = msg.covered.filter((i) => i < (question?.keyPoints.length ?? 0));
        await this.progress.record({
          kind: 'review',
          id: msg.questionId,
          rating: msg.rating,
          covered: new Set(covered).size,
          of: question?.keyPoints.length ?? 0,
          seconds: msg.elapsedSeconds,
        });
        const due = (await this.progress.model()).due(msg.questionId);
        await panel.post({ type: 'graded', questionId: msg.questionId, rating: msg.rating, nextDue: due ? formatDueIn(this.due.now(), due, vscode.env.language) : '', canUndo: true });
        return;
      }
      case 'undoGrade': {
        const undone = await this.progress.undoLast(msg.questionId);
        if (undone) await panel.post({ type: 'ungraded', questionId: msg.questionId });
        return;
      }
      case 'saveNote':
        await this.progress.record({ kind: 'note', id: msg.questionId, text: msg.text });
        await panel.post({ type: 'noteSaved', questionId: msg.questionId });
        return;
      case 'toggleFlag': {
        const flagged = !(await this.progress.model()).flagged(msg.questionId);
        await this.progress.record({ kind: 'flag', id: msg.questionId, flagged });
        await panel.post({ type: 'flag', questionId: msg.questionId, flagged });
        return;
      }
      case 'next': {
        if (!panel.state.queue) return;
        const [next, ...rest] = panel.state.queue;
        if (next) await panel.swap({ questionId: next, revealed: false, queue: rest, pinned: true });
        else {
          panel.panel.dispose();
          void vscode.window.showInformationMessage(vscode.l10n.t('Review finished: nothing else is due right now.'));
        }
        return;
      }
    }
  }

  private remember(id: string, label: string): string {
    this.shownState.set(id, label);
    return label;
  }

  dispose(): void {
    this.host.dispose();
    this.opened.dispose();
    this.dueSub.dispose();
  }
}
