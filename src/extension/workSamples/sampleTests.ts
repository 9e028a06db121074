import { readFile } from 'node:fs/promises';
import vscode = require('vscode');
import type { WorkSample } from '../../core/schema';
import { runAgainstVariants, type TestRunReport } from '../../core/workSamples/runner';

/**
 * Run My Tests: the user's test file (the open document if it is open) against the AI-written
 * version, the reference and every planted-bug version, cancellable from its notification.
 * Undefined when the workspace is not trusted (running tests executes code).
 */
export async function runSampleTests(sample: WorkSample & { testFile: string }, folder: vscode.Uri, log: vscode.LogOutputChannel): Promise<TestRunReport | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Running tests executes code: trust this workspace first (Manage Workspace Trust).'));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder, sample.testFile);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const test = doc?.getText() ?? (await readFile(uri.fsPath, 'utf8'));
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running your tests against {0} versions…', Object.keys(sample.mutants).length + 2), cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      // Only what Node needs is passed on: not VS Code's IPC handles or the user's other variables.
      return runAgainstVariants(sample, test, { execPath: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } }, undefined, abort.signal).finally(() => sub.dispose());
    },
  );
  log.info(`[${sample.id}] ${report.summary}`);
  for (const v of [report.ai, report.reference, ...report.mutants]) {
    log.info(`[${sample.id}] ${v.variant}${v.defectId ? ` ${v.defectId}` : ''}: ${v.passed ? 'pass' : 'fail'}${v.timedOut ? ' (timed out, stopped)' : ''}${v.outputCapped ? ' (output capped, stopped)' : ''}${v.strayProcesses ? ` (${v.strayProcesses} stray process(es) stopped)` : ''}`);
  }
  void vscode.window.showInformationMessage(report.summary);
  return report;
}
