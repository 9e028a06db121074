import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import vscode = require('vscode');
import { uiMessage } from './safeUi';
import { designDocument, WRITTEN_THRESHOLD, writtenPerStage } from '../core/designLoopDoc';
import { renderDesignLoopPanel } from '../core/designLoopPanelHtml';
import { designLoopRecordsSchema, type DesignLoopRecords } from '../core/designLoopRecords';
import { designLoopInbound, designLoopOutbound, designLoopState, type DesignLoopInbound, type DesignLoopOutbound } from '../shared/protocol/designLoop';
import type { WebviewResources } from '../core/panelHtml';
import type { DesignLoop } from '../core/schema';
import type { ContentService } from './contentService';
import { t } from './labels';
import { PanelHost, type PanelPage } from './panelHost';
import { VIEW_TYPES } from './viewTypes';

const RECORDS_KEY = 'interviewPractice.designLoops';

interface DesignLoopPanelState {
  readonly loopId: string;
  /** The stage just revealed, scrolled into view once. */
  readonly scrollTo?: number;
}

/**
 * Design loops: a real Markdown design document in the practice folder (one `##` heading per stage)
 * and a panel beside it listing the stages. A stage's reference, key points and rubric are revealed
 * only once the document has the user's own writing under that stage's heading (checked here, on
 * the host, from the document text). Document paths and revealed stages live in globalState.
 */
export class DesignLoops implements vscode.Disposable {
  readonly host: PanelHost<DesignLoopPanelState, DesignLoopInbound, DesignLoopOutbound>;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<string>();
  /** Fires with the loop id whenever its panel is (re-)rendered (tests listen). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly content: ContentService,
    openItem: (id: string) => Promise<void>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.host = new PanelHost(context.extensionUri, log, {
      viewType: VIEW_TYPES.designLoop,
      name: 'design loop',
      script: 'designLoop.js',
      inbound: designLoopInbound,
      outbound: designLoopOutbound,
      key: (state) => state.loopId,
      revive: async (saved) => {
        const parsed = designLoopState.safeParse(saved);
        const loop = parsed.success ? (await this.content.get()).designLoop(parsed.data.loopId) : undefined;
        return loop && this.records()[loop.id] ? { loopId: loop.id } : undefined;
      },
      render: (state, resources) => this.render(state, resources),
      rendered: (state) => this.renderedEmitter.fire(state.loopId),
      handle: async (msg, panel) => {
        const id = panel.state.loopId;
        // A panel may only act on the loop it shows.
        if ('loopId' in msg && msg.loopId !== id) return this.log.warn(`ignored ${msg.type} for ${msg.loopId} from the panel of ${id}`);
        if (msg.type === 'revealStage') await this.reveal(id, msg.stage);
        else if (msg.type === 'openDocument') {
          const uri = this.documentUri(id);
          if (uri) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.One, preview: false });
        } else await openItem(msg.id);
      },
    });
    this.disposables.push(
      this.renderedEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.documentChanged(e.document)),
    );
  }

  records(): DesignLoopRecords {
    const parsed = designLoopRecordsSchema.safeParse(this.context.globalState.get(RECORDS_KEY));
    return parsed.success ? parsed.data : {};
  }

  private async saveRecord(id: string, record: DesignLoopRecords[string]): Promise<void> {
    await this.context.globalState.update(RECORDS_KEY, { ...this.records(), [id]: record });
  }

  /** The same root as the work samples: the practiceFolder setting, or the extension's storage. */
  private practiceRoot(): vscode.Uri {
    const configured = vscode.workspace.getConfiguration('interviewPractice').get<string>('practiceFolder', '').trim();
    return configured ? vscode.Uri.file(configured) : vscode.Uri.joinPath(this.context.globalStorageUri, 'practice');
  }

  documentUri(id: string): vscode.Uri | undefined {
    const path = this.records()[id]?.path;
    return path ? vscode.Uri.file(path) : undefined;
  }

  /** Creates the design document (or reopens the one already written), shows it, and the stages beside. */
  async open(id: string): Promise<boolean> {
    const loop = (await this.content.get()).designLoop(id);
    if (!loop) {
      void vscode.window.showWarningMessage(uiMessage(vscode.l10n.t('Design loop "{0}" is not in the question bank.', id)));
      return false;
    }
    const record = this.records()[id];
    const known = record && existsSync(record.path) ? vscode.Uri.file(record.path) : undefined;
    const uri = known ?? vscode.Uri.joinPath(this.practiceRoot(), 'design-loops', `${loop.id}.md`);
    const fresh = !existsSync(uri.fsPath);
    if (fresh) await vscode.workspace.fs.writeFile(uri, Buffer.from(designDocument(loop, t), 'utf8'));
    await this.saveRecord(id, { path: uri.fsPath, revealed: fresh ? [] : (record?.revealed ?? []) });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    await this.showPanel(loop, undefined, vscode.ViewColumn.Beside);
    return true;
  }

  /** Reveals a stage's reference if the document has enough of the user's writing under it. */
  async reveal(id: string, stage: number): Promise<boolean> {
    const loop = (await this.content.get()).designLoop(id);
    const record = this.records()[id];
    if (!loop || !record || stage < 0 || stage >= loop.stages.length) return false;
    const counts = writtenPerStage(loop, (await this.documentText(id)) ?? '', t);
    if ((counts[stage] ?? 0) < WRITTEN_THRESHOLD) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Write at least {0} characters of your own under "Stage {1}" in the design document first.', WRITTEN_THRESHOLD, stage + 1));
      return false;
    }
    if (!record.revealed.includes(stage)) await this.saveRecord(id, { ...record, revealed: [...record.revealed, stage].sort((a, b) => a - b) });
    await this.showPanel(loop, stage);
    return true;
  }

  /** The document's current text: the open editor's (unsaved edits count) or the file's. */
  async documentText(id: string): Promise<string | undefined> {
    const uri = this.documentUri(id);
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open?.getText() ?? (await readFile(uri.fsPath, 'utf8').catch(() => undefined));
  }

  /** For tests: the same path as a message from the loop's panel. */
  async receive(id: string, raw: unknown): Promise<void> {
    const panel = this.host.find(id);
    if (panel) await this.host.deliver(panel, raw);
  }

  panelFor(id: string): vscode.WebviewPanel | undefined {
    return this.host.find(id)?.panel;
  }

  /** As the user types in a design document, its panel's stage statuses follow (debounced). */
  private documentChanged(doc: vscode.TextDocument): void {
    const entry = Object.entries(this.records()).find(([id, r]) => vscode.Uri.file(r.path).toString() === doc.uri.toString() && this.host.find(id));
    if (!entry) return;
    const [id] = entry;
    clearTimeout(this.timers.get(id));
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        void this.content.get().then(async (snapshot) => {
          const loop = snapshot.designLoop(id);
          const panel = this.host.find(id);
          if (loop && panel) await panel.post({ type: 'written', counts: writtenPerStage(loop, doc.getText(), t) });
        });
      }, 250),
    );
  }

  private async showPanel(loop: DesignLoop, scrollTo?: number, column?: vscode.ViewColumn): Promise<void> {
    await this.host.show({ loopId: loop.id, scrollTo }, { title: vscode.l10n.t('Design loop: {0}', loop.title), column: column ?? vscode.ViewColumn.Beside, preserveFocus: true });
  }

  private async render({ loopId, scrollTo }: DesignLoopPanelState, resources: WebviewResources): Promise<PanelPage | undefined> {
    const snapshot = await this.content.get();
    const loop = snapshot.designLoop(loopId);
    if (!loop) return undefined;
    const record = this.records()[loop.id];
    const view = {
      loop,
      topicTitle: snapshot.topic(loop.topic)?.title ?? loop.topic,
      docPath: record?.path ?? '',
      written: writtenPerStage(loop, (await this.documentText(loop.id)) ?? '', t),
      revealed: record?.revealed ?? [],
      related: loop.related.flatMap((r) => {
        const q = snapshot.question(r) ?? snapshot.workSample(r);
        return q ? [{ id: r, title: q.title }] : [];
      }),
      scrollTo,
    };
    return { title: vscode.l10n.t('Design loop: {0}', loop.title), html: renderDesignLoopPanel(view, resources, t) };
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.host.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
