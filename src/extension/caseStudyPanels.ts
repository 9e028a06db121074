import vscode = require('vscode');
import { uiMessage } from './safeUi';
import { renderCaseStudyPanel } from '../core/caseStudyPanelHtml';
import type { LinkedItem } from '../core/panelHtml';
import { caseStudyInbound, caseStudyOutbound, caseStudyState, type CaseStudyInbound, type CaseStudyOutbound, type CaseStudyState } from '../shared/protocol/caseStudy';
import type { ContentService } from './contentService';
import { t } from './labels';
import { PanelHost } from './panelHost';
import { VIEW_TYPES } from './viewTypes';

/** Read-only case-study panels, one per case study, restored after a window reload. */
export class CaseStudyPanels implements vscode.Disposable {
  readonly host: PanelHost<CaseStudyState, CaseStudyInbound, CaseStudyOutbound>;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    openItem: (id: string) => Promise<void>,
    log: vscode.LogOutputChannel,
  ) {
    this.host = new PanelHost(extensionUri, log, {
      viewType: VIEW_TYPES.caseStudy,
      name: 'case study',
      script: 'caseStudy.js',
      inbound: caseStudyInbound,
      outbound: caseStudyOutbound,
      key: (state) => state.caseStudyId,
      revive: async (saved) => {
        const parsed = caseStudyState.safeParse(saved);
        return parsed.success && (await content.get()).caseStudy(parsed.data.caseStudyId) ? parsed.data : undefined;
      },
      render: async ({ caseStudyId }, resources) => {
        const snapshot = await content.get();
        const caseStudy = snapshot.caseStudy(caseStudyId);
        if (!caseStudy) return undefined;
        const linked = (ids: readonly string[], title: (x: string) => string | undefined): LinkedItem[] =>
          ids.flatMap((x) => {
            const found = title(x);
            return found ? [{ id: x, title: found }] : [];
          });
        const view = { caseStudy, topics: linked(caseStudy.topics, (x) => snapshot.topic(x)?.title), questions: linked(caseStudy.questions, (x) => snapshot.question(x)?.title) };
        return { title: caseStudy.title, html: renderCaseStudyPanel(view, resources, t) };
      },
      handle: (message) => openItem(message.id),
    });
  }

  async open(id: string): Promise<vscode.WebviewPanel | undefined> {
    const caseStudy = (await this.content.get()).caseStudy(id);
    if (!caseStudy) {
      void vscode.window.showWarningMessage(uiMessage(vscode.l10n.t('Case study "{0}" is not in the question bank.', id)));
      return undefined;
    }
    return (await this.host.reveal({ caseStudyId: id }, { title: caseStudy.title })).panel;
  }

  dispose(): void {
    this.host.dispose();
  }
}
