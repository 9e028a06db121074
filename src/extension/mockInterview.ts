import vscode = require('vscode');
import { uiLabel, uiMessage } from './safeUi';
import { renderMockPanel } from '../core/mockPanelHtml';
import { gradeTurn, mockStateSchema, ratingsOf, startMock, submitAnswer, currentTurn, turnBudget, type MockConfig, type MockState } from '../core/mock/session';
import { isStageTurn, mockQuestion } from '../core/mock/designLoopStages';
import { pickDesignLoop } from './staffPicks';
import { transcriptMarkdown } from '../core/mock/scorecard';
import { answerGenerated, askGenerated, wantsGeneratedFollowUp } from '../core/mock/generatedFollowUp';
import { followUpPrompt, parseFollowUp } from '../core/interviewer/prompts';
import type { Question } from '../core/schema';
import type { ModelService } from './languageModel';
import { mockInbound, mockOutbound, type MockInbound, type MockOutbound } from '../shared/protocol/mock';
import type { ContentService } from './contentService';
import { difficultyName, t } from './labels';
import { PanelHost } from './panelHost';
import type { ProgressService } from './progressService';
import { VIEW_TYPES } from './viewTypes';

const STATE_KEY = 'interviewPractice.mockInterview';
/** The topics last chosen for a mock interview: small, and worth having on every machine (Settings Sync). */
const TOPICS_KEY = 'interviewPractice.mockTopics';

/** There is one mock-interview panel at most. */
const PANEL_KEY = 'mock';

/** Start Mock Interview: timed questions one at a time, interviewer-style follow-ups, a scorecard. */
export class MockInterviews implements vscode.Disposable {
  /** Shows the session it is given; the session of record is the one in globalState. */
  readonly host: PanelHost<MockState, MockInbound, MockOutbound>;
  private readonly finishedEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires with the transcript document when an interview ends. */
  readonly onDidFinish = this.finishedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly log: vscode.LogOutputChannel,
    private readonly model?: ModelService,
  ) {
    context.globalState.setKeysForSync([TOPICS_KEY]);
    this.host = new PanelHost(context.extensionUri, log, {
      viewType: VIEW_TYPES.mock,
      name: 'mock interview',
      script: 'mock.js',
      inbound: mockInbound,
      outbound: mockOutbound,
      key: () => PANEL_KEY,
      revive: async () => this.state(),
      render: async (state, resources) => {
        const snapshot = await this.content.get();
        return { title: vscode.l10n.t('Mock Interview'), html: renderMockPanel(state, (id) => mockQuestion(snapshot.bundle, id), Date.now(), resources, t, (topic) => snapshot.topic(topic)?.title) };
      },
      handle: (message) => this.handle(message),
    });
  }

  state(): MockState | undefined {
    const parsed = mockStateSchema.safeParse(this.context.globalState.get(STATE_KEY));
    return parsed.success ? parsed.data : undefined;
  }

  /** Asks for topics, difficulty and length (unless given), then starts. */
  async start(config?: MockConfig): Promise<MockState | undefined> {
    const snapshot = await this.content.get();
    const chosen = config ?? (await this.ask(snapshot.topics.map((topic) => ({ id: topic.id, title: topic.title })), snapshot.bundle.designLoops.length > 0));
    if (!chosen) return undefined;
    const model = await this.progress.model();
    let state: MockState;
    try {
      state = startMock(snapshot.bundle, chosen, Date.now(), Math.random, (id) => model.reviewCount(id));
    } catch (e) {
      void vscode.window.showWarningMessage(uiMessage(e instanceof Error ? e.message : String(e)));
      return undefined;
    }
    await this.save(state);
    const open = this.host.find(PANEL_KEY);
    if (open) {
      open.panel.reveal();
      await open.render(state);
    } else await this.host.show(state, { title: vscode.l10n.t('Mock Interview') });
    return state;
  }

  private async ask(topics: { id: string; title: string }[], loops: boolean): Promise<MockConfig | undefined> {
    const last = this.context.globalState.get<unknown>(TOPICS_KEY);
    const remembered = Array.isArray(last) ? new Set(last.filter((x): x is string => typeof x === 'string')) : undefined;
    // The last item is no topic: "Include a design loop" appends a loop's six stages as timed turns.
    const loopItem = { label: `$(edit) ${vscode.l10n.t('Include a design loop')}`, description: vscode.l10n.t('its six stages follow the questions, each with its own time box'), id: '', picked: false };
    const pickedAll = await vscode.window.showQuickPick(
      [...topics.map((topic) => ({ label: uiLabel(topic.title), id: topic.id, description: undefined as string | undefined, picked: !remembered || remembered.size === 0 || remembered.has(topic.id) })), ...(loops ? [loopItem] : [])],
      { title: vscode.l10n.t('Mock Interview (1/3): topics'), canPickMany: true, placeHolder: vscode.l10n.t('Which topics may the interviewer ask about?') },
    );
    const withLoop = pickedAll?.some((p) => p.id === '') ?? false;
    const picked = pickedAll?.filter((p) => p.id !== '');
    if (!picked || picked.length === 0) return undefined;
    await this.context.globalState.update(TOPICS_KEY, picked.map((p) => p.id));
    const difficulty = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Any difficulty'), value: 'any' as const },
        { label: difficultyName('intermediate'), value: 'intermediate' as const },
        { label: difficultyName('senior'), value: 'senior' as const },
        { label: difficultyName('staff'), value: 'staff' as const },
      ],
      { title: vscode.l10n.t('Mock Interview (2/3): difficulty') },
    );
    if (!difficulty) return undefined;
    const length = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('{0} questions', 2), description: vscode.l10n.t('{0} minutes: a warm-up', 15), questions: 2, minutes: 15 },
        { label: vscode.l10n.t('{0} questions', 3), description: vscode.l10n.t('{0} minutes', 20), questions: 3, minutes: 20 },
        { label: vscode.l10n.t('{0} questions', 5), description: vscode.l10n.t('{0} minutes', 45), questions: 5, minutes: 45 },
        { label: vscode.l10n.t('{0} questions', 8), description: vscode.l10n.t('{0} minutes', 60), questions: 8, minutes: 60 },
      ],
      { title: vscode.l10n.t('Mock Interview (3/3): length') },
    );
    if (!length) return undefined;
    const designLoop = withLoop ? await pickDesignLoop(this.content, vscode.l10n.t('Mock Interview: design loop')) : undefined;
    if (withLoop && !designLoop) return undefined;
    return { topics: picked.map((p) => p.id), difficulty: difficulty.value, questions: length.questions, minutes: length.minutes, designLoop };
  }

  /** For tests: the same path as a message from the open panel. */
  async receive(raw: unknown): Promise<void> {
    const open = this.host.find(PANEL_KEY);
    if (open) await this.host.deliver(open, raw);
  }

  private async handle(msg: MockInbound): Promise<void> {
    let state = this.state();
    if (!state) return;
    const now = Date.now();
    if (msg.type === 'mockSubmit' && state.phase === 'generated') {
      state = answerGenerated(state, msg.answer, now);
    } else if (msg.type === 'mockSubmit') {
      const budget = turnBudget(state) * 1000;
      // The webview's clock is not trusted: past the deadline (plus a grace period) counts as time out.
      const late = now > state.phaseStartedAt + budget + 5000;
      state = submitAnswer(state, msg.answer, now, msg.timedOut || late);
    } else {
      const turn = currentTurn(state);
      const q = turn ? mockQuestion((await this.content.get()).bundle, turn.questionId) : undefined;
      const before = state;
      state = gradeTurn(state, msg.covered, q?.keyPoints.length ?? 0, now);
      // No follow-up in the bank: with the user's model enabled, the interviewer writes one.
      if (q && wantsGeneratedFollowUp(before) && this.model?.enabled()) {
        const text = await this.generateFollowUp(q, before.items[before.index]?.main.answer ?? '', msg.covered);
        if (text) state = askGenerated(state, before.index, text, Date.now());
      }
    }
    await this.save(state);
    if (state.phase === 'done') await this.finish(state);
    else await this.render();
  }

  private async generateFollowUp(q: Question, answer: string, covered: readonly number[]): Promise<string | undefined> {
    const missing = q.keyPoints.filter((_, i) => !covered.includes(i));
    const reply = await (this.model as ModelService).ask(followUpPrompt(q, answer, missing), vscode.l10n.t('Ask one follow-up question about your interview answer.'));
    if (!reply.ok) return undefined;
    try {
      return parseFollowUp(reply.text);
    } catch (e) {
      this.log.warn(`generated follow-up rejected: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private async finish(state: MockState): Promise<void> {
    const snapshot = await this.content.get();
    for (const r of ratingsOf(state, (id) => mockQuestion(snapshot.bundle, id)?.keyPoints.length ?? 0)) {
      // Design-loop stages are graded in the transcript but are not spaced-repetition items.
      if (isStageTurn(r.id)) continue;
      await this.progress.record({ kind: 'review', id: r.id, rating: r.rating, covered: r.covered, of: r.of, seconds: Math.min(r.seconds, 86_400) });
    }
    await this.context.globalState.update(STATE_KEY, undefined);
    await this.render(state);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: transcriptMarkdown(state, snapshot.bundle, new Date(), t) });
    // The source first, in the panel's group, then the rendered preview over it (the preview opens in
    // the active editor's group): a full-width, readable transcript whose source stays a tab away.
    await vscode.window.showTextDocument(doc, { viewColumn: this.host.find(PANEL_KEY)?.panel.viewColumn ?? vscode.ViewColumn.Active, preview: false });
    const rendered = await this.showPreview(doc);
    this.finishedEmitter.fire(doc);
    if (rendered) {
      const source = vscode.l10n.t('Show Markdown source');
      void vscode.window.showInformationMessage(vscode.l10n.t('Mock interview finished: the transcript and scorecard are open in a preview.'), source).then(async (choice) => {
        if (choice === source) await vscode.window.showTextDocument(doc, { preview: false });
      });
    }
  }

  /** Opens VS Code's Markdown preview of the transcript; false (the source stays shown) when the built-in Markdown extension is unavailable. */
  private async showPreview(doc: vscode.TextDocument): Promise<boolean> {
    try {
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
      return true;
    } catch (e) {
      this.log.warn(`transcript preview unavailable, showing its source: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  private async save(state: MockState): Promise<void> {
    await this.context.globalState.update(STATE_KEY, state);
  }

  private async render(state: MockState | undefined = this.state()): Promise<void> {
    if (state) await this.host.find(PANEL_KEY)?.render(state);
  }

  dispose(): void {
    this.host.dispose();
    this.finishedEmitter.dispose();
  }
}
