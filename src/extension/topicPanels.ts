import * as vscode from 'vscode';
import { topicInbound, topicState, type TopicInbound, type TopicOutbound, type TopicState } from '../shared/protocol/topic';
import { renderTopicPanel } from '../core/topicPanelHtml';
import type { ContentService } from './contentService';
import { stateName, t } from './labels';
import { PanelHost } from './panelHost';
import type { DueState } from './dueState';
import type { ProgressService } from './progressService';
import { VIEW_TYPES } from './viewTypes';

/** Topic overviews (summary, stories, further reading), one panel per topic, restored after reload. */
export class TopicPanels implements vscode.Disposable {
  readonly host: PanelHost<TopicState, TopicInbound, TopicOutbound>;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    _progress: ProgressService,
    openItem: (id: string) => Promise<void>,
    log: vscode.LogOutputChannel,
    due: DueState,
  ) {
    this.host = new PanelHost(extensionUri, log, {
      viewType: VIEW_TYPES.topic,
      name: 'topic',
      script: 'topic.js',
      inbound: topicInbound,
      key: (state) => state.topicId,
      revive: async (saved) => {
        const parsed = topicState.safeParse(saved);
        return parsed.success && (await content.get()).topic(parsed.data.topicId) ? parsed.data : undefined;
      },
      render: async ({ topicId }, resources) => {
        const [snapshot, states] = await Promise.all([content.get(), due.snapshot()]);
        const topic = snapshot.topic(topicId);
        if (!topic) return undefined;
        const questions = snapshot.questionsOf(topicId).map((q) => ({ ...q, state: stateName(states.state(q.id)) }));
        return { title: topic.title, html: renderTopicPanel({ topic, questions, workSamples: snapshot.workSamplesOf(topicId) }, resources, t) };
      },
      handle: (message) => openItem(message.id),
    });
  }

  async open(topicId: string): Promise<void> {
    if ((await this.content.get()).topic(topicId)) await this.host.reveal({ topicId }, { title: vscode.l10n.t('Topic') });
  }

  dispose(): void {
    this.host.dispose();
  }
}
