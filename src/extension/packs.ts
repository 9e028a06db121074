import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import vscode = require('vscode');
import type { ContentError } from '../core/contentError';
import { loadPacks } from '../core/mergeBundles';
import type { ContentBundle } from '../core/schema';
import type { PackLoader } from './contentService';
import { uiMessage } from './safeUi';

export const WORKSPACE_PACK_FOLDER = '.practice';

/**
 * Team question packs: folders from the `interviewPractice.packFolders` setting and a `.practice/`
 * folder in each workspace folder (only in a trusted workspace: pack content is someone else's
 * input). Broken files become diagnostics in the Problems panel; the rest of the pack loads.
 */
export class QuestionPacks implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('interviewPractice');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    onChange: () => void,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_PACK_FOLDER}/**`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 300);
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('interviewPractice.packFolders') && changed()),
      vscode.workspace.onDidGrantWorkspaceTrust(changed),
      vscode.workspace.onDidChangeWorkspaceFolders(changed),
      { dispose: () => clearTimeout(timer) },
    );
  }

  /** The folders to load, with why each one is or is not used. */
  folders(): { path: string; source: 'setting' | 'workspace' }[] {
    const out: { path: string; source: 'setting' | 'workspace' }[] = [];
    const configured = vscode.workspace.getConfiguration('interviewPractice').get<string[]>('packFolders', []);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    for (const p of configured) {
      const path = isAbsolute(p) ? p : root ? join(root, p) : undefined;
      if (path && existsSync(path)) out.push({ path, source: 'setting' });
      else this.log.warn(`question pack folder not found: ${p}`);
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const path = join(folder.uri.fsPath, WORKSPACE_PACK_FOLDER);
      if (!existsSync(path)) continue;
      if (!vscode.workspace.isTrusted) {
        this.log.info(`not loading ${path}: question packs from a workspace load only in a trusted workspace`);
        continue;
      }
      out.push({ path, source: 'workspace' });
    }
    return out;
  }

  readonly load: PackLoader = async (bundled: ContentBundle) => {
    const { bundle, errors, packs } = loadPacks(
      bundled,
      this.folders().map((f) => f.path),
    );
    for (const p of packs) this.log.info(`question pack ${p.path}: ${p.questions} questions, ${p.workSamples} work samples, ${p.problems} problem(s)`);
    this.publish(errors);
    return { bundle, errors };
  };

  private publish(errors: readonly ContentError[]): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const e of errors) {
      const line = Math.max(0, e.line - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), uiMessage(e.message), vscode.DiagnosticSeverity.Error);
      d.source = 'Interview Practice';
      (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file))?.push(d);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
