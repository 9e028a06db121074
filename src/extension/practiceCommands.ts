import vscode = require('vscode');
import { reviewQueue } from '../core/progress/queue';
import type { ContentService } from './contentService';
import type { ProgressService } from './progressService';
import { readSetting } from './settings';

/** Everything to practise now, by the user's settings. */
export async function dueQueue(content: ContentService, progress: ProgressService, now = new Date()): Promise<string[]> {
  const [snapshot, model] = await Promise.all([content.get(), progress.model()]);
  const items = snapshot.bundle.questions.map((q, order) => ({ id: q.id, parent: q.parent, order }));
  return reviewQueue(items, model, now, {
    newPerDay: readSetting<number>('newQuestionsPerDay', 10),
    releaseAllFollowUps: readSetting<boolean>('releaseAllFollowUps', false),
  });
}

export async function exportProgressCommand(progress: ProgressService, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Progress'),
    defaultUri: vscode.Uri.file(`interview-practice-progress-${new Date().toISOString().slice(0, 10)}.json`),
    filters: { JSON: ['json'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(await progress.exportText(), 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Progress exported to {0}.', target.fsPath));
}

export async function importProgressCommand(progress: ProgressService, content: ContentService, uri?: vscode.Uri): Promise<void> {
  const source =
    uri ?? (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Progress'), canSelectMany: false, filters: { JSON: ['json'] } }))?.[0];
  if (!source) return;
  const snapshot = await content.get();
  try {
    const text = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
    const r = await progress.importText(text, (id) => snapshot.question(id) !== undefined || snapshot.workSample(id) !== undefined);
    const skipped = [
      r.duplicates && vscode.l10n.t('{0} already here', r.duplicates),
      r.rejected && vscode.l10n.t('{0} invalid', r.rejected),
    ].filter(Boolean);
    // Kept, not skipped: they apply when the pack or question is loaded again.
    const kept = r.unknownIds ? ` ${vscode.l10n.t('{0} of them are for items not loaded now (a pack that is off); they are kept and apply when the items are back.', r.unknownIds)}` : '';
    void vscode.window.showInformationMessage(
      (skipped.length
        ? vscode.l10n.t('Imported {0} progress record(s); skipped {1}. Nothing was overwritten.', r.added, skipped.join(', '))
        : vscode.l10n.t('Imported {0} progress record(s). Nothing was overwritten.', r.added)) + kept,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}. Your progress is unchanged.', source.fsPath, e instanceof Error ? e.message : String(e)));
  }
}

export async function resetProgressCommand(progress: ProgressService, confirmed = false): Promise<void> {
  if (!confirmed) {
    const reset = vscode.l10n.t('Reset Progress');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t("Reset all practice progress? Grades, notes, flags and work-sample scores are cleared. A copy of the old progress file is kept in the extension's storage."),
      { modal: true },
      reset,
    );
    if (choice !== reset) return;
  }
  const backup = await progress.reset();
  void vscode.window.showInformationMessage(vscode.l10n.t('Practice progress was reset. The previous progress is saved in {0}.', backup));
}
