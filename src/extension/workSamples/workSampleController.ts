import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isInsideFolder } from '../../core/paths';
import { markdownLine, safeMarkdown } from '../../core/safeText';
import * as vscode from 'vscode';
import type { WebviewResources } from '../../core/panelHtml';
import { sampleInbound, sampleState, type SampleInbound, type SampleOutbound, type SampleState } from '../../shared/protocol/sample';
import { renderSamplePanel, type SampleView } from '../../core/samplePanelHtml';
import type { WorkSample } from '../../core/schema';
import { applyModelVerdicts, reviewPrompt } from '../../core/judge/modelJudge';
import { defectRegions, judgeReview, scoreWithMarks, type ReviewJudgement } from '../../core/judge/reviewJudge';
import type { ModelService } from '../languageModel';
import { runAgainstVariants, type TestRunReport } from '../../core/workSamples/runner';
import type { ContentService } from '../contentService';
import { t } from '../labels';
import { PanelHost, type PanelPage } from '../panelHost';
import { VIEW_TYPES } from '../viewTypes';
import type { ProgressService } from '../progressService';
import { ReviewComments, type ReviewComment } from './reviewComments';
import { fromSessionRecord, toSessionRecord } from '../../core/workSamples/sessionRecord';

const FOLDERS_KEY = 'interviewPractice.sampleFolders';

interface SampleSession {
  grade?: ReviewJudgement;
  /** The progress event of the latest Submit, which the user's marks refer to. */
  attempt?: string;
  /** The user's own verdicts by defect id (true: "my comment covered this"; false: "not really"). */
  marks: Record<string, boolean>;
  /** Who judged: the offline judge, or the user's model (with a note when it fell back). */
  judgedBy?: { kind: 'offline' | 'model'; note?: string };
  commentTexts?: string[];
  tests?: TestRunReport;
  running?: boolean;
  showReference: boolean;
  scrollTo?: SampleView['scrollTo'];
  hintTaken: boolean;
}

/**
 * Hands-on work samples: copies a sample into a practice folder, opens its files as real
 * documents with the task beside them, grades review comments against the planted defects and
 * runs the user's tests against the reference and the mutants.
 */

/**
 * A project file for the sample's JavaScript: modern targets as VS Code's own defaults would give
 * (so `Promise<…>` in JSDoc resolves), and no automatic type acquisition (see open()).
 */
const JSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', checkJs: false }, typeAcquisition: { enable: false } }, null, 2)}\n`;

/** Code on the left at 70 % of the editor area, the task panel in a side column. */
const TASK_LAYOUT = { orientation: 0, groups: [{ size: 0.7 }, { size: 0.3 }] };
export class WorkSampleController implements vscode.Disposable {
  readonly comments: ReviewComments;
  /** The task panels, one per sample. */
  readonly host: PanelHost<SampleState, SampleInbound, SampleOutbound>;
  private readonly sessions = new Map<string, SampleSession>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly opened = new vscode.EventEmitter<string>();
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
      key: (state) => state.sampleId,
      revive: async (saved) => {
        const parsed = sampleState.safeParse(saved);
        return parsed.success && (await this.content.get()).workSample(parsed.data.sampleId) ? parsed.data : undefined;
      },
      render: (state, resources) => this.render(state.sampleId, resources),
      handle: (msg, panel) => this.handle(msg, panel.state.sampleId),
      failed: async (e) => void vscode.window.showErrorMessage(vscode.l10n.t('Work sample: {0}', e instanceof Error ? e.message : String(e))),
    });
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

  /** Practice folders by sample id (kept in globalState so comments come back after a reload). */
  private folders(): Record<string, string> {
    return this.context.globalState.get<Record<string, string>>(FOLDERS_KEY, {});
  }

  folderOf(id: string): vscode.Uri | undefined {
    const f = this.folders()[id];
    return f ? vscode.Uri.file(f) : undefined;
  }

  sampleOf(uri: vscode.Uri): { id: string; folder: vscode.Uri } | undefined {
    if (uri.scheme !== 'file') return undefined;
    for (const [id, folder] of Object.entries(this.folders())) {
      if (isInsideFolder(vscode.Uri.file(folder).fsPath, uri.fsPath)) return { id, folder: vscode.Uri.file(folder) };
    }
    return undefined;
  }

  private async restoreCommentsFor(editors: readonly vscode.TextEditor[]): Promise<void> {
    for (const e of editors) {
      const s = this.sampleOf(e.document.uri);
      if (s) await this.comments.restore(s.id, s.folder);
    }
  }

  private practiceRoot(): vscode.Uri {
    const configured = vscode.workspace.getConfiguration('interviewPractice').get<string>('practiceFolder', '').trim();
    return configured ? vscode.Uri.file(configured) : vscode.Uri.joinPath(this.context.globalStorageUri, 'practice');
  }

  /** Opens a sample: files copied (never overwritten without asking), documents opened, task beside. */
  async open(id: string, options: { overwrite?: boolean } = {}): Promise<boolean> {
    const sample = (await this.content.get()).workSample(id);
    if (!sample) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Work sample "{0}" is not in the question bank.', id));
      return false;
    }
    const folder = vscode.Uri.joinPath(this.practiceRoot(), sample.id);
    const exists = sample.files.some((f) => existsSync(vscode.Uri.joinPath(folder, f.path).fsPath));
    let write = !exists;
    if (exists && options.overwrite === undefined) {
      const startOver = vscode.l10n.t('Start Over');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('You have worked on "{0}" before ({1}).', sample.title, folder.fsPath),
        vscode.l10n.t('Continue Where I Left Off'),
        startOver,
      );
      if (!choice) return false;
      if (choice === startOver) {
        const sure = await vscode.window.showWarningMessage(
          vscode.l10n.t('Start over? Your edits to the sample files and your review comments are replaced.'),
          { modal: true },
          startOver,
        );
        if (sure !== startOver) return false;
        write = true;
      }
    } else if (exists && options.overwrite) write = true;

    await this.context.globalState.update(FOLDERS_KEY, { ...this.folders(), [sample.id]: folder.fsPath });
    if (write) {
      this.comments.clearAll(sample.id);
      for (const f of sample.files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, f.path), Buffer.from(f.text, 'utf8'));
      if (sample.runnable) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'package.json'), Buffer.from('{\n  "type": "module",\n  "private": true\n}\n', 'utf8'));
      // VS Code's JavaScript support would otherwise fetch type definitions from the npm registry
      // for the sample's imports (automatic type acquisition): the samples need none.
      if (sample.files.some((f) => /\.[cm]?[jt]sx?$/.test(f.path))) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'jsconfig.json'), Buffer.from(JSCONFIG, 'utf8'));
      // A pack's prompt may carry image beacons, and TASK.md may be previewed: sanitized like every other surface.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'TASK.md'), Buffer.from(`# ${markdownLine(sample.title)}\n\n${safeMarkdown(sample.prompt)}\n`, 'utf8'));
      this.sessions.delete(sample.id);
      for (const stale of [`${sample.id}.review.json`, `${sample.id}.session.json`]) {
        await vscode.workspace.fs.delete(vscode.Uri.file(join(this.context.globalStorageUri.fsPath, 'work-samples', stale)), { useTrash: false }).then(undefined, () => undefined);
      }
    } else await this.comments.restore(sample.id, folder);

    // Only a layout we create is resized: a user's own split stays as they made it.
    const singleGroup = vscode.window.tabGroups.all.length <= 1;
    // Opened last to first, so the first file (the code under review) is the one in front.
    for (const file of [...sample.open].reverse()) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, file));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    }
    // The code gets the width: on a laptop an even split left ~450 px for the code at 1,400 px. The
    // layout is set first, so the task panel lands in the narrow second column.
    const laidOut = singleGroup && (await vscode.commands.executeCommand('vscode.setEditorLayout', TASK_LAYOUT).then(
      () => true,
      (e) => (this.log.warn(`editor layout unchanged: ${e instanceof Error ? e.message : String(e)}`), false),
    ));
    await this.showPanel(sample, laidOut ? vscode.ViewColumn.Two : vscode.ViewColumn.Beside);
    this.opened.fire(sample.id);
    return true;
  }

  /** Updates the comment count in an open task panel without re-rendering it (drafts and scroll stay). */
  private postCommentCount(id: string): void {
    void this.host.find(id)?.post({ type: 'commentCount', count: this.comments.count(id) });
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
    const texts = new Map<string, string>();
    for (const f of sample.files) {
      const uri = vscode.Uri.joinPath(folder, f.path);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open?.getText() ?? (await readFile(uri.fsPath, 'utf8').catch(() => undefined));
      if (text !== undefined) texts.set(f.path, text);
    }
    const fileText = (f: string) => texts.get(f) ?? sample.files.find((x) => x.path === f)?.text;
    const offline = judgeReview(sample, comments, (f) => texts.get(f));
    const { grade, judgedBy } = await this.modelJudgement(sample, comments, offline);
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

  /** The model's verdicts when the user has enabled one and it answers in time; otherwise the offline judgement. */
  private async modelJudgement(sample: WorkSample, comments: readonly { file: string; line: number; text: string }[], offline: ReviewJudgement): Promise<{ grade: ReviewJudgement; judgedBy: NonNullable<SampleSession['judgedBy']> }> {
    if (!this.model?.enabled()) return { grade: offline, judgedBy: { kind: 'offline' } };
    const prompt = reviewPrompt(sample, comments, offline);
    if (prompt.pairs.length === 0) return { grade: offline, judgedBy: { kind: 'offline', note: vscode.l10n.t('No comment sits at a planted defect, so nothing was sent to the model.') } };
    const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking your language model to judge {0} comment(s)…', comments.length), cancellable: true }, (_p, token) =>
      (this.model as ModelService).ask(prompt.text, vscode.l10n.t('Judge your review comments against the planted defects of this work sample.'), token),
    );
    if (!answer.ok) return { grade: offline, judgedBy: { kind: 'offline', note: vscode.l10n.t('The language model was not used ({0}: {1}); the offline judge decided.', answer.reason, answer.detail) } };
    try {
      return { grade: applyModelVerdicts(sample, offline, prompt, answer.text), judgedBy: { kind: 'model', note: vscode.l10n.t('Judged by {0} (your language model); the comments’ locations and the offline stance rules still apply.', answer.model) } };
    } catch (e) {
      this.log.warn(`model verdict rejected: ${e instanceof Error ? e.message : String(e)}`);
      return { grade: offline, judgedBy: { kind: 'offline', note: vscode.l10n.t('The language model’s answer could not be used ({0}); the offline judge decided.', e instanceof Error ? e.message.slice(0, 120) : 'invalid') } };
    }
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
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Running tests executes code: trust this workspace first (Manage Workspace Trust).'));
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder, sample.testFile);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const test = doc?.getText() ?? (await readFile(uri.fsPath, 'utf8'));
    const session = await this.session(id);
    session.running = true;
    await this.showPanel(sample);
    try {
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running your tests against {0} versions…', Object.keys(sample.mutants).length + 2), cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          const sub = token.onCancellationRequested(() => abort.abort());
          // Only what Node needs is passed on: not VS Code's IPC handles or the user's other variables.
          return runAgainstVariants(sample, test, { execPath: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } }, undefined, abort.signal).finally(() => sub.dispose());
        },
      );
      session.tests = report;
      session.scrollTo = 'test-result';
      await this.persist(id, session);
      this.log.info(`[${id}] ${report.summary}`);
      for (const v of [report.ai, report.reference, ...report.mutants]) {
        this.log.info(`[${id}] ${v.variant}${v.defectId ? ` ${v.defectId}` : ''}: ${v.passed ? 'pass' : 'fail'}${v.timedOut ? ' (timed out, stopped)' : ''}${v.outputCapped ? ' (output capped, stopped)' : ''}${v.strayProcesses ? ` (${v.strayProcesses} stray process(es) stopped)` : ''}`);
      }
      void vscode.window.showInformationMessage(report.summary);
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

  private sessionFile(id: string): string {
    return join(this.context.globalStorageUri.fsPath, 'work-samples', `${id}.session.json`);
  }

  /**
   * The sample's session: in memory, or (first use after a window reload) read back from its file,
   * so a restored task panel shows the last judgement, marks and test results instead of a blank form.
   */
  private async session(id: string): Promise<SampleSession> {
    const open = this.sessions.get(id);
    if (open) return open;
    const sample = (await this.content.get()).workSample(id);
    const raw = await readFile(this.sessionFile(id), 'utf8').then(
      (text) => JSON.parse(text) as unknown,
      () => undefined,
    ).catch(() => undefined);
    const saved = raw !== undefined && sample ? fromSessionRecord(raw, sample) : undefined;
    if (raw !== undefined && !saved) this.log.warn(`[${id}] ignored an unreadable saved work-sample session`);
    // Another call may have created the session while this one read the file.
    const s = this.sessions.get(id) ?? { showReference: false, hintTaken: false, ...saved, marks: saved?.marks ?? {} };
    this.sessions.set(id, s);
    return s;
  }

  /** Written after every change worth keeping; a failed write is logged, never in the user's way. */
  private async persist(id: string, s: SampleSession): Promise<void> {
    const record = toSessionRecord(s);
    await vscode.workspace.fs.writeFile(vscode.Uri.file(this.sessionFile(id)), Buffer.from(JSON.stringify(record), 'utf8')).then(undefined, (e: unknown) => this.log.warn(`[${id}] could not save the work-sample session: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async handle(msg: Exclude<SampleInbound, { type: 'openExternal' }>, id: string): Promise<void> {
    // A panel may only act on the sample it shows.
    if (msg.sampleId !== id) return;
    switch (msg.type) {
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
    const asComment = (c: unknown) => c as ReviewComment;
    return {
      'interviewPractice.addReviewComment': (reply) => this.comments.addFromReply(reply as vscode.CommentReply),
      'interviewPractice.editReviewComment': (c) => this.comments.edit(asComment(c)),
      'interviewPractice.saveReviewComment': (c) => this.comments.saveEdit(asComment(c)),
      'interviewPractice.cancelReviewComment': (c) => this.comments.cancelEdit(asComment(c)),
      'interviewPractice.deleteReviewComment': (c) => this.comments.remove(asComment(c)),
      'interviewPractice.deleteReviewThread': (thread) => this.comments.removeThread(thread as vscode.CommentThread),
    };
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
