import vscode = require('vscode');
import { newEventId, PROGRESS_FORMAT, type ProgressEvent, type ReviewEvent } from '../core/progress/events';
import { ProgressModel } from '../core/progress/model';
import { Scheduler } from '../core/progress/scheduler';
import { InvalidProgressEvent, nodeStoreFs, ProgressStore, type DiskChange, type Recovery, type Replacement } from '../core/progress/store';
import { exportProgress, importProgress, type ImportResult } from '../core/progress/transfer';
import { readSetting } from './settings';

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
      // Trusting the workspace may bring its desiredRetention into effect.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (!this.state) return;
        this.state = undefined;
        this.changed.fire();
      }),
    );
  }

  private scheduler(): Scheduler {
    const retention = readSetting<number>('desiredRetention', 0.9);
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
    let change: DiskChange | undefined;
    try {
      // The store checks the event against the schema it is read back with before writing it.
      change = await s.store.append(event);
    } catch (e) {
      // Not acknowledged to the user, not applied: the model never runs ahead of the file.
      const message =
        e instanceof InvalidProgressEvent
          ? vscode.l10n.t('Could not save your progress: the field "{0}" is invalid ({1}). Nothing was recorded.', e.field, e.reason)
          : vscode.l10n.t('Could not save your progress ({0}). Nothing was recorded; try again.', e instanceof Error ? e.message : String(e));
      this.log.error(message);
      void vscode.window.showErrorMessage(message);
      throw e;
    }
    if (change) this.adopt(s, change);
    else {
      s.events.push(event);
      s.model.apply(event);
    }
    this.changed.fire();
    return event;
  }

  /** Takes the log as the store now knows it (another window's appends, or a repaired replacement). */
  private adopt(s: { model: ProgressModel; events: ProgressEvent[] }, change: DiskChange): void {
    s.events.splice(0, s.events.length, ...change.events);
    s.model = ProgressModel.replay(change.events, this.scheduler());
    if (change.replacement) this.reportReplacement(change.replacement);
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
    const fresh = await s.store.readNew().catch((e: unknown) => {
      this.log.warn(`could not re-read the progress file: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    if (!fresh) return;
    this.adopt(s, fresh);
    this.changed.fire();
  }

  async exportText(): Promise<string> {
    return exportProgress((await this.load()).events, new Date());
  }

  async importText(text: string, knownId: (id: string) => boolean): Promise<ImportResult> {
    // Merge into what is on disk now (another window's latest grades), not an older copy.
    await this.syncFromDisk();
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
    // The log now holds one reset event (see ProgressStore.resetWithBackup).
    s.events.splice(0, s.events.length, ...s.store.events());
    s.model = ProgressModel.replay(s.events, this.scheduler());
    this.changed.fire();
    return backup;
  }

  /** Once per replacement: the store repaired the log and saved what we had beside it. */
  private reportReplacement(r: Replacement): void {
    const message =
      r.cause === 'truncated'
        ? vscode.l10n.t('Your progress file was shortened by another program while VS Code was running. {0} record(s) were written back; nothing was lost. What this window had is saved as {1}.', r.restored, r.backupFile)
        : r.cause === 'deleted'
          ? vscode.l10n.t('Your progress file was deleted by another program while VS Code was running. {0} record(s) were written back; nothing was lost. What this window had is saved as {1}.', r.restored, r.backupFile)
          : vscode.l10n.t('Your progress file was replaced by another program while VS Code was running. Both were kept: {0} record(s) written back, {1} found in the new file. What this window had is saved as {2}.', r.restored, r.found, r.backupFile);
    this.log.warn(message);
    void vscode.window.showWarningMessage(message, vscode.l10n.t('Show Log')).then((choice) => {
      if (choice) this.log.show();
    });
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
