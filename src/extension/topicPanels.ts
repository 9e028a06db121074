import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { openExternalConfirmed } from './externalLinks';
import { createNonce } from '../core/panelHtml';
import { parseMessage } from '../core/protocol/common';
import { topicInbound, topicState } from '../core/protocol/topic';
import { renderTopicPanel } from '../core/topicPanelHtml';
import type { ContentService } from './contentService';
import { stateName, t } from './labels';
import type { ProgressService } from './progressService';

export const TOPIC_VIEW_TYPE = 'interviewPractice.topic';

/** Topic overviews (summary, stories, further reading), one panel per topic, restored after reload. */
export class TopicPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly openItem: (id: string) => Promise<void>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(topicId: string): Promise<void> {
    const existing = this.panels.get(topicId);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(TOPIC_VIEW_TYPE, vscode.l10n.t('Topic'), vscode.ViewColumn.Active, this.options());
    await this.attach(panel, topicId);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = topicState.safeParse(state);
    const id = parsed.success ? { success: true as const, data: parsed.data.topicId } : parsed;
    if (!id.success || !(await this.content.get()).topic(id.data)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    await this.attach(panel, id.data);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private async attach(panel: vscode.WebviewPanel, topicId: string): Promise<void> {
    const snapshot = await this.content.get();
    const topic = snapshot.topic(topicId);
    if (!topic) return;
    this.panels.set(topicId, panel);
    const model = await this.progress.model();
    const now = new Date();
    panel.title = topic.title;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-icon.svg');
    const w = panel.webview;
    const asset = (...p: string[]) => w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    w.html = renderTopicPanel(
      {
        topic,
        questions: snapshot.questionsOf(topicId).map((q) => ({ ...q, state: stateName(model.state(q.id, now)) })),
        workSamples: snapshot.workSamplesOf(topicId),
      },
      { cspSource: w.cspSource, nonce: createNonce((n) => randomBytes(n)), scriptUri: asset('dist', 'webview', 'topic.js'), styleUri: asset('media', 'question.css') },
      t,
    );
    const subs = [
      w.onDidReceiveMessage(async (raw: unknown) => {
        const parsed = parseMessage(topicInbound, raw, 'topic');
        if (!parsed.ok) return this.log.warn(parsed.reason);
        const msg = parsed.message;
        if (msg.type === 'openQuestion') await this.openItem(msg.id);
        else await openExternalConfirmed(msg.url);
      }),
      panel.onDidDispose(() => {
        this.panels.delete(topicId);
        for (const s of subs) s.dispose();
      }),
    ];
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
  }
}
