import { join } from 'node:path';
import vscode = require('vscode');
import type { WebviewResources } from '../../core/panelHtml';
import { sampleInbound, sampleOutbound, sampleState, type SampleInbound, type SampleOutbound, type SampleState } from '../../shared/protocol/sample';
import { renderSamplePanel, type SampleView } from '../../core/samplePanelHtml';
import type { WorkSample } from '../../core/schema';
import { defectRegions, judgeReview, scoreWithMarks, type ReviewJudgement } from '../../core/judge/reviewJudge';
import type { ModelService } from '../languageModel';
import type { TestRunReport } from '../../core/workSamples/runner';
import type { ContentService } from '../contentService';
import { t } from '../labels';
import { PanelHost, type PanelPage } from '../panelHost';
import { VIEW_TYPES } from '../viewTypes';
import type { ProgressService } from '../progressService';
import { currentTexts, modelJudgement } from './modelReview';
import { PracticeFolders } from './practiceFolders';
import { ReviewComments } from './reviewComments';
import { SampleSessions } from './sampleSessions';
import { runSampleTests } from './sampleTests';
import { offerToKeepCommentsPanelClosed } from './commentsPanelOffer';
import { ReadySignals } from './readySignals';

/**
 * Hands-on work samples, the orchestration: a sample's files in its practice folder
 * (practiceFolders.ts), review comments (reviewComments.ts), the judge (offline, or the user's
 * model: modelReview.ts), Run My Tests (sampleTests.ts), and the task panel with what it shows
 * (sampleSessions.ts).
 */
export class WorkSampleController implements vscode.Disposable {
  readonly comments: ReviewComments;
  /** The task panels, one per sample. */
  readonly host: PanelHost<SampleState, SampleInbound, SampleOutbound>;
  private readonly folders: PracticeFolders;
  private readonly sessions: SampleSessions;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly opened = new vscode.EventEmitter<string>();
  private readonly pageReady = new ReadySignals();
  /** Fires with the sample id when a sample's files and task panel are open (the walkthrough listens). */
  readonly onDidOpenSample = this.opened.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly log: vscode.LogOutputChannel,
    private readonly model?: ModelService,
  ) {
    this.host = new PanelHost(context.extensionUri, log, {
      viewType: VIEW_TYPES.workSample,
      name: 'work sample',
      script: 'sample.js',
      inbound: sampleInbound,
      outbound: sampleOutbound,
      key: (state) => state.sampleId,
      revive: async (saved) => {
        const parsed = sampleState.safeParse(saved);
        return parsed.success && (await this.content.get()).workSample(parsed.data.sampleId) ? parsed.data : undefined;
      },
      render: (state, resources) => this.render(state.sampleId, resources),
      handle: (msg, panel) => this.handle(msg, panel.state.sampleId),
      failed: async (e) => void vscode.window.showErrorMessage(vscode.l10n.t('Work sample: {0}', e instanceof Error ? e.message : String(e))),
    });
    this.folders = new PracticeFolders(context, log);
    this.sessions = new SampleSessions(context.globalStorageUri.fsPath, content, log);
    this.comments = new ReviewComments(
      (uri) => this.sampleOf(uri),
      (id) => join(context.globalStorageUri.fsPath, 'work-samples', `${id}.review.json`),
    );
    this.disposables.push(
      this.comments,
      this.opened,
      vscode.window.onDidChangeVisibleTextEditors((editors) => void this.restoreCommentsFor(editors)),
      // The task panel's "N comment(s) so far" follows the comments as they are added or deleted.
      this.comments.onDidChange((id) => this.postCommentCount(id)),
    );
    void this.restoreCommentsFor(vscode.window.visibleTextEditors);
  }

  folderOf(id: string): vscode.Uri | undefined {
    return this.folders.folderOf(id);
  }

  sampleOf(uri: vscode.Uri): { id: string; folder: vscode.Uri } | undefined {
    return this.folders.sampleOf(uri);
  }

  private async restoreCommentsFor(editors: readonly vscode.TextEditor[]): Promise<void> {
    for (const e of editors) {
      const s = this.sampleOf(e.document.uri);
      if (s) await this.comments.restore(s.id, s.folder);
    }
  }

  /** Opens a sample: files copied (never overwritten without asking), documents opened, task beside. */
  async open(id: string, options: { overwrite?: boolean } = {}): Promise<boolean> {
    const sample = (await this.content.get()).workSample(id);
    if (!sample) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Work sample "{0}" is not in the question bank.', id));
      return false;
    }
    const prepared = await this.folders.prepare(sample, options.overwrite);
    if (!prepared) return false;
    if (prepared.written) {
      this.comments.clearAll(sample.id);
      await this.sessions.forget(sample.id);
    } else await this.comments.restore(sample.id, prepared.folder);
    // The split first (the panel lands in the narrow column), then the task, and the code once the
    // task's page has loaded: a .js file may start the JavaScript language features in this extension
    // host, which held the page back by a second. The other files follow as tabs behind the code.
    const column = await this.folders.layOut();
    if (column === vscode.ViewColumn.Beside) {
      await this.folders.openMain(sample, prepared.folder);
      await Promise.all([this.showPanel(sample, column), this.folders.openRest(sample, prepared.folder)]);
    } else {
      const loaded = this.pageReady.wait(sample.id, 1000);
      await this.showPanel(sample, column);
      await loaded;
      await this.folders.openMain(sample, prepared.folder);
      await this.folders.openRest(sample, prepared.folder);
    }
    this.opened.fire(sample.id);
    return true;
  }

  /** Updates the comment count in an open task panel without re-rendering it (drafts and scroll stay). */
  private postCommentCount(id: string): void {
    void this.host.find(id)?.post({ type: 'commentCount', count: this.comments.count(id) });
    if (this.comments.count(id) > 0) void offerToKeepCommentsPanelClosed(this.context.globalState);
  }

  async submitReview(id: string): Promise<ReviewJudgement | undefined> {
    const sample = (await this.content.get()).workSample(id);
    const folder = this.folderOf(id);
    if (!sample || !folder) return undefined;
    const comments = this.comments.userComments(id);
    if (comments.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Add review comments on the lines first: hover the gutter of a sample file and click +.'));
      return undefined;
    }
    const texts = await currentTexts(sample, folder);
    const fileText = (f: string) => texts.get(f) ?? sample.files.find((x) => x.path === f)?.text;
    const offline = judgeReview(sample, comments, (f) => texts.get(f));
    const { grade, judgedBy } = await modelJudgement(this.model, this.log, sample, comments, offline);
    const session = await this.session(id);
    session.grade = grade;
    session.judgedBy = judgedBy;
    session.marks = {};
    session.commentTexts = comments.map((c) => c.text);
    this.comments.showMissed(
      id,
      folder,
      grade.missed.map((defect) => ({ defect, line: defectRegions(defect, fileText)[0]?.first ?? 1 })),
    );
    const event = await this.progress.record({
      kind: 'sample',
      id,
      score: grade.score,
      found: grade.found.map((m) => m.defect.id),
      missed: grade.missed.map((d) => d.id),
      hint: session.hintTaken || undefined,
      judge: judgedBy.kind,
    });
    session.attempt = event.eid;
    session.scrollTo = 'review-result';
    await this.persist(id, session);
    await this.showPanel(sample);
    return grade;
  }

  /** Records the user's own verdict on one defect of the latest attempt and re-scores it. */
  async markDefect(id: string, defect: string, covered: boolean): Promise<void> {
    const sample = (await this.content.get()).workSample(id);
    const session = await this.session(id);
    if (!sample || !session.grade || !session.attempt || !sample.defects.some((d) => d.id === defect)) return;
    const marks = { ...session.marks, [defect]: covered };
    const scored = scoreWithMarks(sample, session.grade.found.map((m) => m.defect.id), marks);
    await this.progress.record({ kind: 'sample-mark', id, attempt: session.attempt, defect, covered, score: scored.score });
    session.marks = marks;
    session.scrollTo = 'review-result';
    await this.persist(id, session);
    await this.showPanel(sample);
  }

  async runTests(id: string): Promise<TestRunReport | undefined> {
    const sample = (await this.content.get()).workSample(id);
    const folder = this.folderOf(id);
    if (!sample || !folder || !sample.runnable || !sample.testFile) return undefined;
    const runnable = { ...sample, testFile: sample.testFile };
    // Untrusted: it only explains why nothing runs, and the panel never shows "running".
    if (!vscode.workspace.isTrusted) return runSampleTests(runnable, folder, this.log);
    const session = await this.session(id);
    session.running = true;
    await this.showPanel(sample);
    try {
      const report = await runSampleTests(runnable, folder, this.log);
      if (report) {
        session.tests = report;
        session.scrollTo = 'test-result';
        await this.persist(id, session);
      }
      return report;
    } finally {
      session.running = false;
      await this.showPanel(sample);
    }
  }

  async showReference(id: string): Promise<void> {
    const sample = (await this.content.get()).workSample(id);
    if (!sample) return;
    const session = await this.session(id);
    session.showReference = true;
    session.scrollTo = 'reference-review';
    if (!session.grade) session.hintTaken = true;
    await this.persist(id, session);
    await this.showPanel(sample);
  }

  private session(id: string) {
    return this.sessions.get(id);
  }

  private persist(id: string, s: Awaited<ReturnType<SampleSessions['get']>>): Promise<void> {
    return this.sessions.persist(id, s);
  }

  private async handle(msg: Exclude<SampleInbound, { type: 'openExternal' }>, id: string): Promise<void> {
    // A panel may only act on the sample it shows.
    if (msg.sampleId !== id) return;
    switch (msg.type) {
      case 'ready':
        return this.pageReady.fire(id);
      case 'submitReview':
        await this.submitReview(id);
        return;
      case 'runTests':
        await this.runTests(id);
        return;
      case 'showReference':
        await this.showReference(id);
        return;
      case 'markDefect':
        await this.markDefect(id, msg.defect, msg.covered);
        return;
    }
  }

  private async showPanel(sample: WorkSample, column?: vscode.ViewColumn): Promise<void> {
    await this.host.show({ sampleId: sample.id }, { title: vscode.l10n.t('Task: {0}', sample.title), column: column ?? vscode.ViewColumn.Beside, preserveFocus: true });
  }

  private async render(id: string, resources: WebviewResources): Promise<PanelPage | undefined> {
    const snapshot = await this.content.get();
    const sample = snapshot.workSample(id);
    if (!sample) return undefined;
    const session = await this.session(id);
    const attempts = (await this.progress.model()).sampleAttempts(id);
    const view: SampleView = {
      sample,
      topicTitle: snapshot.topic(sample.topic)?.title ?? sample.topic,
      folder: this.folderOf(id)?.fsPath ?? '',
      commentCount: this.comments.count(id),
      grade: session.grade,
      marks: session.marks,
      judgedBy: session.judgedBy,
      commentTexts: session.commentTexts,
      tests: session.tests,
      running: session.running,
      showReference: session.showReference,
      bestScore: attempts.length ? Math.max(...attempts.map((a) => a.score)) : undefined,
      trusted: vscode.workspace.isTrusted,
      scrollTo: session.scrollTo,
    };
    // Scrolled to once: a later re-render (say, after a reload) starts at the top.
    session.scrollTo = undefined;
    return { title: vscode.l10n.t('Task: {0}', sample.title), html: renderSamplePanel(view, resources, t) };
  }

  /** Handlers for the Comments UI menus. */
  commentCommands(): Record<string, (...args: unknown[]) => unknown> {
    return this.comments.commands();
  }

  /** The sample of the active editor or of the only open sample panel, for palette commands. */
  activeSampleId(): string | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const fromEditor = uri ? this.sampleOf(uri)?.id : undefined;
    if (fromEditor) return fromEditor;
    const open = this.host.all();
    return open.length === 1 ? open[0]?.state.sampleId : undefined;
  }

  dispose(): void {
    this.host.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
