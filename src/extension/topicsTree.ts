import vscode = require('vscode');
import type { CaseStudy, DesignLoop, Question, Topic, WorkSample } from '../core/schema';
import type { ContentService, ContentSnapshot } from './contentService';
import { difficultyName, STATE_ICON, stateName } from './labels';
import type { DueState } from './dueState';
import type { ProgressService } from './progressService';
import { COMMANDS } from './commandIds';
import { markdownText, md, safeMarkdown } from '../core/safeText';
import { markdownString, uiLabel } from './safeUi';

export type TopicNode =
  | { kind: 'topic'; topic: Topic }
  | { kind: 'question'; question: Question }
  | { kind: 'sample'; sample: WorkSample }
  | { kind: 'designLoop'; loop: DesignLoop }
  | { kind: 'caseStudy'; caseStudy: CaseStudy }
  | { kind: 'error'; message: string };

/** Topics → questions (follow-ups under their question) and hands-on work samples. */
export class TopicsTreeProvider implements vscode.TreeDataProvider<TopicNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TopicNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly due: DueState,
  ) {
    const refresh = () => this.changed.fire(undefined);
    const sub = content.onDidChange(refresh);
    // DueState fires on every progress change and when a card falls due with the clock.
    this.subscriptions = [this.changed, due.onDidChange(refresh), { dispose: () => sub.dispose() }];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: TopicNode): Promise<TopicNode[]> {
    const snapshot = await this.content.get();
    if (!node) {
      // An empty list makes VS Code show the viewsWelcome text; broken content still shows what loaded.
      return snapshot.topics.map((topic) => ({ kind: 'topic' as const, topic }));
    }
    if (node.kind === 'topic') {
      return [
        ...snapshot.questionsOf(node.topic.id).map((question) => ({ kind: 'question' as const, question })),
        ...snapshot.workSamplesOf(node.topic.id).map((sample) => ({ kind: 'sample' as const, sample })),
        ...snapshot.designLoopsOf(node.topic.id).map((loop) => ({ kind: 'designLoop' as const, loop })),
        ...snapshot.caseStudiesOf(node.topic.id).map((caseStudy) => ({ kind: 'caseStudy' as const, caseStudy })),
      ];
    }
    if (node.kind === 'question') return snapshot.followUpsOf(node.question.id).map((question) => ({ kind: 'question' as const, question }));
    return [];
  }

  async getTreeItem(node: TopicNode): Promise<vscode.TreeItem> {
    const snapshot = await this.content.get();
    const [model, due] = await Promise.all([this.progress.model(), this.due.snapshot()]);
    switch (node.kind) {
      case 'topic': {
        const questions = snapshot.questionsOf(node.topic.id);
        const ids = questions.flatMap((q) => [q.id, ...snapshot.followUpsOf(q.id).map((f) => f.id)]);
        const dueCount = ids.filter((id) => due.state(id) === 'due').length;
        const samples = snapshot.workSamplesOf(node.topic.id).length;
        const item = new vscode.TreeItem(uiLabel(node.topic.title), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `topic:${node.topic.id}`;
        item.description = [
          vscode.l10n.t('{0} questions', questions.length),
          ...(samples ? [vscode.l10n.t('{0} hands-on', samples)] : []),
          ...(dueCount ? [vscode.l10n.t('{0} due', dueCount)] : []),
        ].join(' · ');
        item.tooltip = markdownString(md`**${markdownText(node.topic.title)}**\n\n${safeMarkdown(node.topic.summary)}`);
        item.iconPath = new vscode.ThemeIcon(node.topic.icon ?? 'book');
        item.contextValue = 'topic';
        return item;
      }
      case 'question': {
        const q = node.question;
        const state = due.state(q.id);
        const hasFollowUps = snapshot.followUpsOf(q.id).length > 0;
        const title = uiLabel(q.title);
        const item = new vscode.TreeItem(title, hasFollowUps ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `question:${q.id}`;
        const flagged = model.flagged(q.id) ? ' ★' : '';
        const difficulty = difficultyName(q.difficulty);
        const stateText = stateName(state);
        item.description = `${difficulty} · ${stateText}${flagged}`;
        item.tooltip = markdownString(md`**${markdownText(q.title)}** — ${markdownText(vscode.l10n.t('{0}, ~{1} min, {2}', difficulty, q.minutes, stateText))}\n\n${safeMarkdown(q.prompt)}`);
        item.iconPath = new vscode.ThemeIcon(STATE_ICON[state]);
        item.contextValue = q.kind === 'follow-up' ? 'followUp' : 'question';
        item.accessibilityInformation = {
          label: flagged ? vscode.l10n.t('{0}, {1}, {2}, flagged', title, difficulty, stateText) : `${title}, ${difficulty}, ${stateText}`,
        };
        item.command = { command: COMMANDS.openQuestion, title: vscode.l10n.t('Open Question'), arguments: [q.id] };
        return item;
      }
      case 'sample': {
        const w = node.sample;
        const attempts = model.sampleAttempts(w.id);
        const best = attempts.length ? Math.max(...attempts.map((a) => a.score)) : undefined;
        const item = new vscode.TreeItem(uiLabel(w.title), vscode.TreeItemCollapsibleState.None);
        item.id = `sample:${w.id}`;
        item.description =
          best !== undefined ? vscode.l10n.t('Hands-on · {0} · best {1}%', difficultyName(w.difficulty), best) : vscode.l10n.t('Hands-on · {0}', difficultyName(w.difficulty));
        const heading = vscode.l10n.t('Work sample: {0}', w.title);
        item.tooltip = markdownString(md`**${markdownText(heading)}**${markdownText(w.runnable ? ` ${vscode.l10n.t('(runnable tests)')}` : '')}\n\n${safeMarkdown(w.prompt)}`);
        item.iconPath = new vscode.ThemeIcon(w.runnable ? 'beaker' : 'code-review');
        item.contextValue = 'workSample';
        item.command = { command: COMMANDS.openWorkSample, title: vscode.l10n.t('Open Work Sample'), arguments: [w.id] };
        return item;
      }
      case 'designLoop':
      case 'caseStudy':
        return staffItem(node);
      case 'error': {
        const item = new vscode.TreeItem(uiLabel(node.message));
        item.iconPath = new vscode.ThemeIcon('warning');
        return item;
      }
    }
  }

  getParent(node: TopicNode): TopicNode | undefined {
    void node;
    return undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export type { ContentSnapshot };

/** A design loop (pencil: you write a design document) or a case study (history: a real incident). */
function staffItem(node: Extract<TopicNode, { kind: 'designLoop' | 'caseStudy' }>): vscode.TreeItem {
  if (node.kind === 'designLoop') {
    const loop = node.loop;
    const item = new vscode.TreeItem(uiLabel(loop.title), vscode.TreeItemCollapsibleState.None);
    item.id = `designLoop:${loop.id}`;
    item.description = vscode.l10n.t('Design loop · {0} · {1} min', difficultyName(loop.difficulty), loop.minutes);
    item.tooltip = markdownString(md`**${markdownText(vscode.l10n.t('Design loop: {0}', loop.title))}**\n\n${safeMarkdown(loop.brief)}`);
    item.iconPath = new vscode.ThemeIcon('edit');
    item.contextValue = 'designLoop';
    item.command = { command: COMMANDS.openDesignLoop, title: vscode.l10n.t('Open Design Loop'), arguments: [loop.id] };
    return item;
  }
  const c = node.caseStudy;
  const item = new vscode.TreeItem(uiLabel(c.title), vscode.TreeItemCollapsibleState.None);
  item.id = `caseStudy:${c.id}`;
  item.description = uiLabel(vscode.l10n.t('Case study · {0}, {1}', c.organisation, c.year));
  item.tooltip = markdownString(md`**${markdownText(vscode.l10n.t('Case study: {0}', c.title))}**\n\n${safeMarkdown(c.summary)}`);
  item.iconPath = new vscode.ThemeIcon('history');
  item.contextValue = 'caseStudy';
  item.command = { command: COMMANDS.openCaseStudy, title: vscode.l10n.t('Open Case Study'), arguments: [c.id] };
  return item;
}
