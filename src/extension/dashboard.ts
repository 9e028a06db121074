import * as vscode from 'vscode';
import { renderDashboard } from '../core/dashboardHtml';
import { createNonce } from '../core/panelHtml';
import { buildDashboard, type Dashboard } from '../core/readiness';
import type { ContentService } from './contentService';
import { t } from './labels';
import { readSetting } from './settings';
import type { DueState } from './dueState';
import type { ProgressService } from './progressService';

export const DASHBOARD_VIEW_TYPE = 'interviewPractice.dashboard';

/** The readiness dashboard: a static, script-free webview that re-renders when progress changes. */
export class DashboardPanel implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subs: vscode.Disposable[] = [];
  last: Dashboard | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly due: DueState,
  ) {
    // Progress changes and cards falling due reach it through DueState; the plan follows the interview date.
    this.subs.push(
      due.onDidChange(() => void this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('interviewPractice') && void this.render()),
    );
  }

  async open(): Promise<Dashboard | undefined> {
    if (this.panel) this.panel.reveal();
    else this.attach(vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Interview Readiness'), vscode.ViewColumn.Active, this.options()));
    return this.render();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = this.options();
    this.attach(panel);
    await this.render();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // No script at all: the charts are SVG rendered on the host.
    return { enableScripts: false, enableCommandUris: false, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-icon.svg');
    const sub = panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      sub.dispose();
    });
  }

  private async render(): Promise<Dashboard | undefined> {
    if (!this.panel) return undefined;
    const [snapshot, model] = await Promise.all([this.content.get(), this.progress.model()]);
    const interviewDate = readSetting<string>('interviewDate', '');
    const data = buildDashboard(snapshot.bundle, model, this.due.now(), { interviewDate });
    this.last = data;
    const w = this.panel.webview;
    w.html = renderDashboard(data, {
      cspSource: w.cspSource,
      nonce: createNonce(),
      scriptUri: '',
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'question.css')).toString(),
    }, t);
    return data;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
