import * as vscode from 'vscode';
import { newEventId, PROGRESS_FORMAT, type ProgressEvent, type ReviewEvent } from '../core/progress/events';
import { ProgressModel } from '../core/progress/model';
import { Scheduler } from '../core/progress/scheduler';
import { nodeStoreFs, ProgressStore, type Recovery } from '../core/progress/store';
import { exportProgress, importProgress, type ImportResult } from '../core/progress/transfer';

type NewEvent = ProgressEvent extends infer E ? (E extends ProgressEvent ? Omit<E, 'v' | 'eid' | 'at'> : never) : never;

/** Progress for the extension: loads lazily, appends each change, notices other windows' grades. */
export class ProgressService implements vscode.Disposable {
  private state: Promise<{ store: ProgressStore; model: ProgressModel; events: ProgressEvent[] }> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly storageDir: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) void this.syncFromDisk();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('interviewPractice.desiredRetention') && this.state) {
          this.state = undefined;
          this.changed.fire();
        }
      }),
    );
  }

  private scheduler(): Scheduler {
    const retention = vscode.workspace.getConfiguration('interviewPractice').get<number>('desiredRetention', 0.9);
    return new Scheduler({ desiredRetention: retention });
  }

  private load() {
    this.state ??= (async () => {
      const store = new ProgressStore(this.storageDir, await nodeStoreFs());
      const { events, recovery } = await store.load();
      if (recovery) this.reportRecovery(recovery);
      return { store, model: ProgressModel.replay(events, this.scheduler()), events };
    })();
    return this.state;
  }

  async model(): Promise<ProgressModel> {
    return (await this.load()).model;
  }

  async record(partial: NewEvent): Promise<ProgressEvent> {
    const s = await this.load();
    const event = { ...partial, v: PROGRESS_FORMAT, eid: newEventId(), at: new Date().toISOString() } as ProgressEvent;
    try {
      await s.store.append(event);
    } catch (e) {
      // Not acknowledged to the user, not applied: the model never runs ahead of the file.
      const message = vscode.l10n.t('Could not save your progress ({0}). Nothing was recorded; try again.', e instanceof Error ? e.message : String(e));
      this.log.error(message);
      void vscode.window.showErrorMessage(message);
      throw e;
    }
    s.events.push(event);
    s.model.apply(event);
    this.changed.fire();
    return event;
  }

  async undoLast(id: string): Promise<ReviewEvent | undefined> {
    const last = (await this.model()).lastReview(id);
    if (!last) return undefined;
    await this.record({ kind: 'undo', target: last.eid });
    return last;
  }

  async syncFromDisk(): Promise<void> {
    if (!this.state) return;
    const s = await this.state;
    const fresh = await s.store.readNew().catch(() => undefined);
    if (!fresh) return;
    s.events.splice(0, s.events.length, ...fresh);
    s.model = ProgressModel.replay(fresh, this.scheduler());
    this.changed.fire();
  }

  async exportText(): Promise<string> {
    return exportProgress((await this.load()).events, new Date());
  }

  async importText(text: string, knownId: (id: string) => boolean): Promise<ImportResult> {
    const s = await this.load();
    const result = importProgress(text, s.events, knownId);
    if (result.added > 0) {
      await s.store.rewrite(result.merged);
      s.events.splice(0, s.events.length, ...result.merged);
      s.model = ProgressModel.replay(result.merged, this.scheduler());
      this.changed.fire();
    }
    return result;
  }

  /** Clears progress; the old log is kept beside it. Returns the backup's path. */
  async reset(): Promise<string> {
    const s = await this.load();
    const backup = await s.store.resetWithBackup();
    s.events.splice(0, s.events.length);
    s.model = ProgressModel.replay([], this.scheduler());
    this.changed.fire();
    return backup;
  }

  private reportRecovery(r: Recovery): void {
    const message = vscode.l10n.t(
      'Your progress file had {0} unreadable line(s); they were left out and everything else was kept. The original file is saved as {1}.',
      r.rejectedLines,
      r.backupFile,
    );
    this.log.warn(message, ...r.reasons);
    void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Log')).then((choice) => {
      if (choice) this.log.show();
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
