import vscode = require('vscode');
import { uiLabel } from './safeUi';
import { formatContentError } from '../core/contentError';
import { ChangeNotice } from '../core/changeNotice';
import { warnIgnoredSettings } from './settings';
import { COMMANDS, WALKTHROUGH_CONTEXT, type CommandId } from './commandIds';
import { ContentService } from './contentService';
import { exportProgressCommand, importProgressCommand, resetProgressCommand } from './practiceCommands';
import { DashboardPanel } from './dashboard';
import { MockInterviews } from './mockInterview';
import { QuestionPacks } from './packs';
import { ProgressService } from './progressService';
import { QuestionPanels } from './questionPanels';
import { searchQuestions } from './searchPick';
import { DueState } from './dueState';
import { DueStatusBar } from './statusBar';
import { TopicsTreeProvider } from './topicsTree';
import { TopicPanels } from './topicPanels';
import { CaseStudyPanels } from './caseStudyPanels';
import { DesignLoops } from './designLoops';
import { pickCaseStudy, pickDesignLoop } from './staffPicks';
import { safeChatStream } from './chat/safeStream';
import { Interviewer } from './chat/interviewer';
import { ModelService } from './languageModel';
import { WorkSampleController } from './workSamples/workSampleController';
import type { ViewType } from './viewTypes';
import { warmUp } from '../core/warmUp';
import { openWalkthroughOnce } from './walkthrough';

/** What the app exposes to the in-host tests (through the entry point's `ready()`, in test mode), and nothing else. */
export interface ExtensionApi {
  readonly content: ContentService;
  readonly progress: ProgressService;
  readonly panels: QuestionPanels;
  readonly tree: TopicsTreeProvider;
  readonly statusBar: DueStatusBar;
  readonly due: DueState;
  readonly workSamples: WorkSampleController;
  readonly model: ModelService;
  readonly interviewer: Interviewer;
  readonly mock: MockInterviews;
  readonly dashboard: DashboardPanel;
  readonly designLoops: DesignLoops;
  readonly caseStudies: CaseStudyPanels;
  readonly topics: TopicPanels;
  readonly registeredCommands: readonly CommandId[];
  /** The view types of the panel hosts the app registered, one serializer each. */
  readonly registeredViewTypes: readonly ViewType[];
}

/** What the entry point (src/extension/extension.ts) delegates its registrations to. */
export interface App {
  readonly api: ExtensionApi;
  readonly tree: TopicsTreeProvider;
  readonly handlers: Record<CommandId, (...args: unknown[]) => unknown>;
  readonly serializers: Partial<Record<string, vscode.WebviewPanelSerializer>>;
  /** The @interviewer chat participant's handler. */
  readonly chat: vscode.ChatRequestHandler;
  /** First-use costs of a question panel, paid while the window is idle (src/core/warmUp.ts). */
  readonly warmUp: () => void;
}

/**
 * Composition root, loaded by the entry point on first use or when the window is idle. It builds the
 * services and returns the command handlers, the tree provider and the panel serializers; the
 * entry point owns their registration. The question bank, the search index and the progress file
 * still load on first use.
 */
export function createApp(context: vscode.ExtensionContext): App {
  const log = vscode.window.createOutputChannel('Interview Practice', { log: true });
  // Packs reload the bank when they change; `content` exists by the time that can happen.
  const packs = new QuestionPacks(log, () => content.invalidate());
  const content = new ContentService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'content.json').fsPath, packs.load);
  const progress = new ProgressService(context.globalStorageUri.fsPath, log);
  const due = new DueState(content, progress);
  const panels = new QuestionPanels(context.extensionUri, content, progress, log, due);
  const tree = new TopicsTreeProvider(content, progress, due);
  const statusBar = new DueStatusBar();
  const model = new ModelService(log);
  const workSamples = new WorkSampleController(context, content, progress, log, model);
  const interviewer = new Interviewer({ content, progress, model, log });
  const openItem = async (id: string) => {
    const snapshot = await content.get();
    if (snapshot.workSample(id)) await workSamples.open(id);
    else if (snapshot.caseStudy(id)) await caseStudies.open(id);
    else if (snapshot.designLoop(id)) await designLoops.open(id);
    else await panels.open(id);
  };
  const designLoops = new DesignLoops(context, content, openItem, log);
  const caseStudies = new CaseStudyPanels(context.extensionUri, content, openItem, log);
  const mock = new MockInterviews(context, content, progress, log, model);
  const dashboard = new DashboardPanel(context.extensionUri, content, progress, log, due);
  const topics = new TopicPanels(context.extensionUri, content, progress, openItem, log, due);

  // Once per change of the problem set: a reload that finds the same problems says nothing again.
  const contentNotice = new ChangeNotice();
  const reportContentErrors = async () => {
    const { errors } = await content.get();
    if (!contentNotice.shouldReport(errors.map(formatContentError))) return;
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Interview Practice: {0} content problem(s); the rest of the questions loaded.', errors.length),
      vscode.l10n.t('Show Problems'),
    );
    if (choice) await vscode.commands.executeCommand(COMMANDS.showContentErrors);
  };
  // Ticks the walkthrough's "Grade your answer" step once any grade exists.
  const markGraded = async () => {
    if ((await progress.model()).reviews().length > 0) await vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.hasGraded, true);
  };
  // The app loads when the window is idle or on first use: now the bank and progress file may be read.
  // The first due picture: fills the status bar and arms the timer for the next card to fall due.
  due.start();
  // The Get Started walkthrough, on the first start only: with the app (1.5 s after activation at
  // the latest), not in activate(), which stays as small as an empty extension's.
  void openWalkthroughOnce(context);
  void reportContentErrors();
  void markGraded();
  warnIgnoredSettings();

  const openQuestion = async (id: unknown) => {
    if (typeof id === 'string') await panels.open(id);
  };
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMANDS.searchQuestions]: () =>
      searchQuestions(content, async (hit) => {
        if (hit.kind === 'work-sample') await vscode.commands.executeCommand(COMMANDS.openWorkSample, hit.id);
        else await panels.open(hit.id);
      }),
    [COMMANDS.openRandomQuestion]: async () => {
      const questions = (await content.get()).bundle.questions.filter((q) => q.kind !== 'follow-up');
      const q = questions[Math.floor(Math.random() * questions.length)];
      if (q) await panels.open(q.id);
    },
    [COMMANDS.openQuestion]: openQuestion,
    // From the tree's context menu (its node) or with an id: a new panel beside, which stays open.
    [COMMANDS.openQuestionToSide]: async (arg) => {
      const id = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'question' in arg ? (arg as { question: { id: string } }).question.id : undefined;
      if (id) await panels.open(id, { toSide: true });
    },
    [COMMANDS.startMockInterview]: () => mock.start(),
    [COMMANDS.showDashboard]: () => dashboard.open(),
    [COMMANDS.openTopic]: async (arg) => {
      const id = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'topic' in arg ? (arg as { topic: { id: string } }).topic.id : undefined;
      if (id) await topics.open(id);
    },
    [COMMANDS.reviewDue]: async () => {
      const queue = [...(await due.snapshot()).queue];
      if (queue.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Nothing is due. Open any question from the Topics view to practise ahead.'));
        return;
      }
      await panels.startReview(queue);
    },
    [COMMANDS.refresh]: () => {
      content.invalidate();
      tree.refresh();
    },
    [COMMANDS.exportProgress]: (uri) => exportProgressCommand(progress, uri instanceof vscode.Uri ? uri : undefined),
    [COMMANDS.importProgress]: (uri) => importProgressCommand(progress, content, uri instanceof vscode.Uri ? uri : undefined),
    [COMMANDS.resetProgress]: (confirmed) => resetProgressCommand(progress, confirmed === true),
    [COMMANDS.showContentErrors]: async () => {
      const { errors } = await content.get();
      // Shown to the user (log.show() below), so the framing text is translated; the errors are file:line: message.
      log.info(errors.length ? `${vscode.l10n.t('{0} content error(s):', errors.length)}\n${errors.map(formatContentError).join('\n')}` : vscode.l10n.t('No content errors.'));
      log.show();
    },
    [COMMANDS.openWorkSample]: async (id) => {
      const sampleId = typeof id === 'string' ? id : await pickSample(content, vscode.l10n.t('Open Work Sample'));
      if (sampleId) await workSamples.open(sampleId);
    },
    [COMMANDS.submitReview]: async (id) => {
      const sampleId = typeof id === 'string' ? id : (workSamples.activeSampleId() ?? (await pickSample(content, vscode.l10n.t('Submit Review for…'))));
      return sampleId ? workSamples.submitReview(sampleId) : undefined;
    },
    [COMMANDS.runMyTests]: async (id) => {
      const sampleId = typeof id === 'string' ? id : (workSamples.activeSampleId() ?? (await pickSample(content, vscode.l10n.t('Run My Tests for…'), true)));
      return sampleId ? workSamples.runTests(sampleId) : undefined;
    },
    [COMMANDS.showReferenceReview]: async (id) => {
      const sampleId = typeof id === 'string' ? id : (workSamples.activeSampleId() ?? (await pickSample(content, vscode.l10n.t('Show Reference Review for…'))));
      if (sampleId) await workSamples.showReference(sampleId);
    },
    [COMMANDS.openDesignLoop]: async (arg) => {
      const id = typeof arg === 'string' ? arg : await pickDesignLoop(content);
      if (id) await designLoops.open(id);
    },
    [COMMANDS.openCaseStudy]: async (arg) => {
      const id = typeof arg === 'string' ? arg : await pickCaseStudy(content);
      if (id) await caseStudies.open(id);
    },
    [COMMANDS.recordChatGrade]: (args) => interviewer.recordGrade(args),
    ...(workSamples.commentCommands() as Record<(typeof COMMANDS)['addReviewComment' | 'editReviewComment' | 'saveReviewComment' | 'cancelReviewComment' | 'deleteReviewComment' | 'deleteReviewThread'], (...args: unknown[]) => unknown>),
  };

  context.subscriptions.push(
    log,
    packs,
    progress,
    panels,
    tree,
    statusBar,
    workSamples,
    topics,
    mock,
    dashboard,
    designLoops,
    caseStudies,
    due,
    due.onDidChange((s) => statusBar.update(s.dueIds.length)),
    progress.onDidChange(() => void markGraded()),
    content.onDidChange(() => void reportContentErrors().catch((e) => log.error('content problem report failed', e))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('interviewPractice')) warnIgnoredSettings();
    }),
    // The walkthrough's "Open a question" / "Try a work sample" steps complete on these context keys,
    // wherever the item was opened (tree, palette, search, keyboard, links). onCommand: alone misses
    // the tree: a tree item's command with arguments runs inside the extension host, unseen by it.
    panels.onDidShowQuestion(() => void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.openedQuestion, true)),
    workSamples.onDidOpenSample(() => void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.openedWorkSample, true)),
  );

  const hosts = [panels.host, workSamples.host, topics.host, mock.host, dashboard.host, designLoops.host, caseStudies.host];
  const serializers = Object.fromEntries(hosts.map((host) => [host.viewType, host]));
  const api: ExtensionApi = {
    content,
    progress,
    panels,
    tree,
    statusBar,
    due,
    workSamples,
    model,
    interviewer,
    mock,
    dashboard,
    designLoops,
    caseStudies,
    topics,
    registeredCommands: Object.keys(handlers) as CommandId[],
    registeredViewTypes: hosts.map((host) => host.viewType),
  };
  return {
    api,
    tree,
    handlers,
    serializers,
    chat: (request, chatContext, stream, token) => interviewer.handle(request, chatContext, safeChatStream(stream), token),
    warmUp: () => warmUp(vscode.env.language),
  };
}

async function pickSample(content: ContentService, title: string, runnableOnly = false): Promise<string | undefined> {
  const snapshot = await content.get();
  const items = snapshot.bundle.workSamples
    .filter((w) => !runnableOnly || w.runnable)
    .map((w) => {
      const topic = snapshot.topic(w.topic)?.title ?? w.topic;
      return { label: uiLabel(w.title), description: uiLabel(w.runnable ? vscode.l10n.t('{0} · runnable', topic) : topic), id: w.id };
    });
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.id;
}

