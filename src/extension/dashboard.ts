import vscode = require('vscode');
import { renderDashboard } from '../core/dashboardHtml';
import { dashboardInbound, dashboardOutbound, type DashboardInbound, type DashboardOutbound } from '../shared/protocol/dashboard';
import { buildDashboard, type Dashboard } from '../core/readiness';
import type { ContentService } from './contentService';
import { t } from './labels';
import { PanelHost } from './panelHost';
import { readSetting } from './settings';
import type { DueState } from './dueState';
import type { ProgressService } from './progressService';
import { VIEW_TYPES } from './viewTypes';

/** The dashboard has one panel and nothing to restore but itself. */
type DashboardState = 'dashboard';

/** The readiness dashboard: a static, script-free webview that re-renders when progress changes. */
export class DashboardPanel implements vscode.Disposable {
  readonly host: PanelHost<DashboardState, DashboardInbound, DashboardOutbound>;
  private readonly subs: vscode.Disposable[] = [];
  last: Dashboard | undefined;

  constructor(
    extensionUri: vscode.Uri,
    content: ContentService,
    progress: ProgressService,
    log: vscode.LogOutputChannel,
    due: DueState,
  ) {
    this.host = new PanelHost<DashboardState, DashboardInbound, DashboardOutbound>(extensionUri, log, {
      viewType: VIEW_TYPES.dashboard,
      name: 'dashboard',
      // No script at all: the charts are SVG rendered on the host.
      inbound: dashboardInbound,
      outbound: dashboardOutbound,
      key: (state) => state,
      revive: async () => 'dashboard',
      render: async (_state, resources) => {
        const [snapshot, model] = await Promise.all([content.get(), progress.model()]);
        this.last = buildDashboard(snapshot.bundle, model, due.now(), { interviewDate: readSetting<string>('interviewDate', '') });
        return { title: vscode.l10n.t('Interview Readiness'), html: renderDashboard(this.last, resources, t) };
      },
      // The schema accepts nothing, so nothing arrives here.
      handle: async () => undefined,
    });
    // Progress changes and cards falling due reach it through DueState; the plan follows the interview date.
    const rerender = () => void this.host.find('dashboard')?.render();
    this.subs.push(
      due.onDidChange(rerender),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('interviewPractice') && rerender()),
    );
  }

  async open(): Promise<Dashboard | undefined> {
    const open = this.host.find('dashboard');
    if (open) {
      open.panel.reveal();
      await open.render();
    } else await this.host.show('dashboard', { title: vscode.l10n.t('Interview Readiness') });
    return this.last;
  }

  dispose(): void {
    this.host.dispose();
    for (const s of this.subs) s.dispose();
  }
}
