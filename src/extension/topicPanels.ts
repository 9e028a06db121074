import vscode = require('vscode');
import { topicInbound, topicOutbound, topicState, type TopicInbound, type TopicOutbound } from '../shared/protocol/topic';
import { renderTopicPanel, topicBody, type TopicView } from '../core/topicPanelHtml';
import type { ContentService } from './contentService';
import { stateName, t } from './labels';
import { PanelHost } from './panelHost';
import type { DueState } from './dueState';
import type { ProgressService } from './progressService';
import { previewsEnabled } from './settings';
import { VIEW_TYPES } from './viewTypes';

interface TopicPanelState {
  readonly topicId: string;
  /** False for the preview overview, which the next opened topic replaces. */
  readonly pinned: boolean;
}

/**
 * Topic overviews (summary, stories, further reading), preview-style like question panels: one
 * overview takes each topic opened until the user keeps it open. Restored after reload.
 */
export class TopicPanels implements vscode.Disposable {
  readonly host: PanelHost<TopicPanelState, TopicInbound, TopicOutbound>;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    _progress: ProgressService,
    openItem: (id: string) => Promise<void>,
    log: vscode.LogOutputChannel,
    due: DueState,
  ) {
    const viewOf = async ({ topicId, pinned }: TopicPanelState): Promise<TopicView | undefined> => {
      const [snapshot, states] = await Promise.all([content.get(), due.snapshot()]);
      const topic = snapshot.topic(topicId);
      if (!topic) return undefined;
      const questions = snapshot.questionsOf(topicId).map((q) => ({ ...q, state: stateName(states.state(q.id)) }));
      return { topic, questions, workSamples: snapshot.workSamplesOf(topicId), preview: !pinned };
    };
    this.host = new PanelHost<TopicPanelState, TopicInbound, TopicOutbound>(extensionUri, log, {
      viewType: VIEW_TYPES.topic,
      name: 'topic',
      script: 'topic.js',
      inbound: topicInbound,
      outbound: topicOutbound,
      key: (state) => state.topicId,
      pinned: (state) => state.pinned,
      revive: async (saved) => {
        const parsed = topicState.safeParse(saved);
        return parsed.success && (await content.get()).topic(parsed.data.topicId) ? { topicId: parsed.data.topicId, pinned: parsed.data.pinned ?? true } : undefined;
      },
      render: async (state, resources) => {
        const view = await viewOf(state);
        return view ? { title: view.topic.title, html: renderTopicPanel(view, resources, t) } : undefined;
      },
      swapMessage: async (state) => {
        const view = await viewOf(state);
        if (!view) return undefined;
        const body = topicBody(view, t);
        return { title: body.title, message: { type: 'show', title: body.title, data: body.data, main: body.main.toString() } };
      },
      handle: async (message, panel) => {
        if (message.type === 'pin') {
          if (message.topicId === panel.state.topicId) panel.remember({ ...panel.state, pinned: true });
          return;
        }
        await openItem(message.id);
      },
    });
  }

  async open(topicId: string): Promise<void> {
    if (!(await this.content.get()).topic(topicId)) return;
    const reuse = previewsEnabled();
    await this.host.preview({ topicId, pinned: !reuse }, { title: vscode.l10n.t('Topic') }, reuse);
  }

  dispose(): void {
    this.host.dispose();
  }
}
