import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { uiMessage } from './safeUi';
import { openExternalConfirmed } from './externalLinks';
import { createNonce, renderQuestionPanel, type QuestionView } from '../core/panelHtml';
import { parseMessage } from '../core/protocol/common';
import { questionInbound, questionState, type QuestionInbound, type QuestionOutbound } from '../core/protocol/question';
import { formatInterval } from '../core/progress/scheduler';
import type { ContentService, ContentSnapshot } from './contentService';
import { ratingName, stateName, t } from './labels';
import { readSetting } from './settings';
import type { ProgressService } from './progressService';

export const QUESTION_VIEW_TYPE = 'interviewPractice.question';

interface PanelEntry {
  readonly panel: vscode.WebviewPanel;
  questionId: string;
  /** A review session walks its queue in this one panel. */
  queue?: string[];
  readonly disposables: vscode.Disposable[];
}

/**
 * One webview panel per question (reused when already open), plus at most one review-session
 * panel. Registered as the serializer, so open panels come back after a window reload.
 */
export class QuestionPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly entries = new Set<PanelEntry>();
  private readonly opened = new vscode.EventEmitter<string>();
  /** Fires with the question id whenever a panel shows a question (tests and the walkthrough listen). */
  readonly onDidShowQuestion = this.opened.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Ids of the questions in open panels (review panel included). */
  openQuestionIds(): string[] {
    return [...this.entries].map((e) => e.questionId);
  }

  panelFor(questionId: string): vscode.WebviewPanel | undefined {
    return [...this.entries].find((e) => e.questionId === questionId && !e.queue)?.panel;
  }

  /**
   * Delivers a raw message to the panel showing `questionId` through the same path as a real
   * webview message. Used by the hardening tests to send what a compromised webview could send.
   */
  async receive(questionId: string, raw: unknown): Promise<void> {
    const entry = [...this.entries].find((e) => e.questionId === questionId);
    if (entry) await this.onMessage(entry, raw);
  }

  async open(questionId: string): Promise<vscode.WebviewPanel | undefined> {
    const snapshot = await this.content.get();
    const question = snapshot.question(questionId);
    if (!question) {
      void vscode.window.showWarningMessage(uiMessage(vscode.l10n.t('Question "{0}" is not in the question bank.', questionId)));
      return undefined;
    }
    const existing = this.panelFor(questionId);
    if (existing) {
      existing.reveal(undefined, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(QUESTION_VIEW_TYPE, question.title, vscode.ViewColumn.Active, this.webviewOptions());
    await this.attach(panel, questionId, false);
    return panel;
  }

  async startReview(queue: string[]): Promise<void> {
    const [first, ...rest] = queue;
    if (!first) return;
    let entry = [...this.entries].find((e) => e.queue);
    if (!entry) {
      const panel = vscode.window.createWebviewPanel(QUESTION_VIEW_TYPE, vscode.l10n.t('Review'), vscode.ViewColumn.Active, this.webviewOptions());
      entry = await this.attach(panel, first, false, rest);
    } else {
      entry.queue = rest;
      entry.panel.reveal();
      await this.show(entry, first, false);
    }
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = questionState.safeParse(state);
    const snapshot = await this.content.get();
    if (!parsed.success || !snapshot.question(parsed.data.questionId)) {
      this.log.warn('closing a restored question panel whose question no longer exists', state);
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    await this.attach(panel, parsed.data.questionId, parsed.data.revealed ?? false, parsed.data.review ? [] : undefined);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private async attach(panel: vscode.WebviewPanel, questionId: string, revealed: boolean, queue?: string[]): Promise<PanelEntry> {
    const entry: PanelEntry = { panel, questionId, queue, disposables: [] };
    this.entries.add(entry);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-icon.svg');
    entry.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(entry, raw)),
      panel.onDidDispose(() => {
        this.entries.delete(entry);
        for (const d of entry.disposables) d.dispose();
      }),
    );
    await this.show(entry, questionId, revealed);
    return entry;
  }

  private async show(entry: PanelEntry, questionId: string, revealed: boolean): Promise<void> {
    const snapshot = await this.content.get();
    const view = await this.viewOf(snapshot, questionId, revealed, entry.queue !== undefined);
    if (!view) return;
    entry.questionId = questionId;
    entry.panel.title = entry.queue ? vscode.l10n.t('Review: {0} ({1} more)', view.question.title, entry.queue.length) : view.question.title;
    const webview = entry.panel.webview;
    const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    webview.html = renderQuestionPanel(view, {
      cspSource: webview.cspSource,
      nonce: createNonce((n) => randomBytes(n)),
      scriptUri: asset('dist', 'webview', 'question.js'),
      styleUri: asset('media', 'question.css'),
    }, t);
    this.opened.fire(questionId);
  }

  private async viewOf(snapshot: ContentSnapshot, id: string, revealed: boolean, review: boolean): Promise<QuestionView | undefined> {
    const question = snapshot.question(id);
    if (!question) return undefined;
    const model = await this.progress.model();
    const now = new Date();
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
      grades: model.gradeOptions(id, now).map((g) => ({ ...g, label: ratingName(g.rating) })),
      note: model.note(id),
      flagged: model.flagged(id),
      stateLabel: stateName(model.state(id, now)),
      timerSeconds: readSetting<boolean>('answerTimer', false) ? question.minutes * 60 : 0,
      revealed,
      review,
    };
  }

  private async onMessage(entry: PanelEntry, raw: unknown): Promise<void> {
    const parsed = parseMessage(questionInbound, raw, 'question');
    if (!parsed.ok) {
      this.log.warn(parsed.reason);
      return;
    }
    const msg = parsed.message;
    // A panel may only act on the question it shows.
    if ('questionId' in msg && msg.questionId !== entry.questionId) {
      this.log.warn(`ignored ${msg.type} for ${msg.questionId} from the panel of ${entry.questionId}`);
      return;
    }
    try {
      await this.handle(entry, msg);
    } catch (e) {
      this.log.error(`handling ${msg.type} failed`, e instanceof Error ? e : String(e));
      await this.post(entry, { type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async handle(entry: PanelEntry, msg: QuestionInbound): Promise<void> {
    switch (msg.type) {
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
      case 'openExternal':
        await openExternalConfirmed(msg.url);
        return;
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
        await this.post(entry, {
          type: 'graded',
          questionId: msg.questionId,
          rating: msg.rating,
          nextDue: due ? formatInterval(new Date(), due) : '',
          canUndo: true,
        });
        return;
      }
      case 'undoGrade': {
        const undone = await this.progress.undoLast(msg.questionId);
        if (undone) await this.post(entry, { type: 'ungraded', questionId: msg.questionId });
        return;
      }
      case 'saveNote':
        await this.progress.record({ kind: 'note', id: msg.questionId, text: msg.text });
        await this.post(entry, { type: 'noteSaved', questionId: msg.questionId });
        return;
      case 'toggleFlag': {
        const flagged = !(await this.progress.model()).flagged(msg.questionId);
        await this.progress.record({ kind: 'flag', id: msg.questionId, flagged });
        await this.post(entry, { type: 'flag', questionId: msg.questionId, flagged });
        return;
      }
      case 'next': {
        if (!entry.queue) return;
        const next = entry.queue.shift();
        if (next) await this.show(entry, next, false);
        else {
          entry.panel.dispose();
          void vscode.window.showInformationMessage(vscode.l10n.t('Review finished: nothing else is due right now.'));
        }
        return;
      }
    }
  }

  private async post(entry: PanelEntry, message: QuestionOutbound): Promise<void> {
    await entry.panel.webview.postMessage(message);
  }

  dispose(): void {
    for (const e of [...this.entries]) e.panel.dispose();
    this.opened.dispose();
  }
}
