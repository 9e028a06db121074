import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { uiMessage } from './safeUi';
import { renderCaseStudyPanel } from '../core/caseStudyPanelHtml';
import { createNonce, type LinkedItem } from '../core/panelHtml';
import { parseMessage } from '../core/protocol/common';
import { caseStudyInbound, caseStudyState } from '../core/protocol/caseStudy';
import type { ContentService } from './contentService';
import { openExternalConfirmed } from './externalLinks';
import { t } from './labels';

export const CASE_STUDY_VIEW_TYPE = 'interviewPractice.caseStudy';

/** Read-only case-study panels, one per case study, restored after a window reload. */
export class CaseStudyPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly openItem: (id: string) => Promise<void>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(id: string): Promise<vscode.WebviewPanel | undefined> {
    const existing = this.panels.get(id);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const caseStudy = (await this.content.get()).caseStudy(id);
    if (!caseStudy) {
      void vscode.window.showWarningMessage(uiMessage(vscode.l10n.t('Case study "{0}" is not in the question bank.', id)));
      return undefined;
    }
    const panel = vscode.window.createWebviewPanel(CASE_STUDY_VIEW_TYPE, caseStudy.title, vscode.ViewColumn.Active, this.options());
    await this.attach(panel, id);
    return panel;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = caseStudyState.safeParse(state);
    const id = parsed.success ? { success: true as const, data: parsed.data.caseStudyId } : parsed;
    if (!id.success || !(await this.content.get()).caseStudy(id.data)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    await this.attach(panel, id.data);
  }

  /** For tests: the same path as a message from the panel's webview. */
  async receive(raw: unknown): Promise<void> {
    await this.onMessage(raw);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private async attach(panel: vscode.WebviewPanel, id: string): Promise<void> {
    const snapshot = await this.content.get();
    const caseStudy = snapshot.caseStudy(id);
    if (!caseStudy) return;
    this.panels.set(id, panel);
    panel.title = caseStudy.title;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-icon.svg');
    const w = panel.webview;
    const asset = (...p: string[]) => w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    const linked = (ids: readonly string[], title: (x: string) => string | undefined): LinkedItem[] =>
      ids.flatMap((x) => {
        const found = title(x);
        return found ? [{ id: x, title: found }] : [];
      });
    w.html = renderCaseStudyPanel(
      {
        caseStudy,
        topics: linked(caseStudy.topics, (x) => snapshot.topic(x)?.title),
        questions: linked(caseStudy.questions, (x) => snapshot.question(x)?.title),
      },
      { cspSource: w.cspSource, nonce: createNonce((n) => randomBytes(n)), scriptUri: asset('dist', 'webview', 'caseStudy.js'), styleUri: asset('media', 'question.css') },
      t,
    );
    const subs = [
      w.onDidReceiveMessage((raw: unknown) => void this.onMessage(raw).catch((e) => this.log.error('case study panel', e))),
      panel.onDidDispose(() => {
        if (this.panels.get(id) === panel) this.panels.delete(id);
        for (const s of subs) s.dispose();
      }),
    ];
  }

  private async onMessage(raw: unknown): Promise<void> {
    const parsed = parseMessage(caseStudyInbound, raw, 'case study');
    if (!parsed.ok) return this.log.warn(parsed.reason);
    const msg = parsed.message;
    if (msg.type === 'openQuestion') await this.openItem(msg.id);
    // The same path as every panel's links: only http(s), and only after the user confirms the address.
    else await openExternalConfirmed(msg.url);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }
}
