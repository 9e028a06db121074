import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { isInsideFolder } from '../../core/paths';
import { markdownLine, safeMarkdown } from '../../core/safeText';
import type { WorkSample } from '../../core/schema';

const FOLDERS_KEY = 'interviewPractice.sampleFolders';

/**
 * A project file for the sample's JavaScript: modern targets as VS Code's own defaults would give
 * (so `Promise<…>` in JSDoc resolves), and no automatic type acquisition: VS Code's JavaScript
 * support would otherwise ask the npm registry for type definitions of the sample's imports.
 */
const JSCONFIG = `${JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', checkJs: false }, typeAcquisition: { enable: false } }, null, 2)}\n`;

/** Code on the left at 70 % of the editor area, the task panel in a side column. */
const TASK_LAYOUT = { orientation: 0, groups: [{ size: 0.7 }, { size: 0.3 }] };

/**
 * Where each sample's files live on disk (kept in globalState so review comments come back after
 * a reload), copying a sample there, and opening its files as real editor documents.
 */
export class PracticeFolders {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private folders(): Record<string, string> {
    return this.context.globalState.get<Record<string, string>>(FOLDERS_KEY, {});
  }

  folderOf(id: string): vscode.Uri | undefined {
    const f = this.folders()[id];
    return f ? vscode.Uri.file(f) : undefined;
  }

  /** The sample a file belongs to; compared as paths of URIs, so Windows' separators and drive letters work. */
  sampleOf(uri: vscode.Uri): { id: string; folder: vscode.Uri } | undefined {
    if (uri.scheme !== 'file') return undefined;
    for (const [id, folder] of Object.entries(this.folders())) {
      if (isInsideFolder(vscode.Uri.file(folder).fsPath, uri.fsPath)) return { id, folder: vscode.Uri.file(folder) };
    }
    return undefined;
  }

  private root(): vscode.Uri {
    const configured = vscode.workspace.getConfiguration('interviewPractice').get<string>('practiceFolder', '').trim();
    return configured ? vscode.Uri.file(configured) : vscode.Uri.joinPath(this.context.globalStorageUri, 'practice');
  }

  /**
   * The sample's folder, with its files copied in unless the user continues earlier work (asked
   * when files exist and `overwrite` is not given). Undefined when the user cancels.
   */
  async prepare(sample: WorkSample, overwrite?: boolean): Promise<{ folder: vscode.Uri; written: boolean } | undefined> {
    const folder = vscode.Uri.joinPath(this.root(), sample.id);
    const exists = sample.files.some((f) => existsSync(vscode.Uri.joinPath(folder, f.path).fsPath));
    let write = !exists;
    if (exists && overwrite === undefined) {
      const startOver = vscode.l10n.t('Start Over');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('You have worked on "{0}" before ({1}).', sample.title, folder.fsPath),
        vscode.l10n.t('Continue Where I Left Off'),
        startOver,
      );
      if (!choice) return undefined;
      if (choice === startOver) {
        const sure = await vscode.window.showWarningMessage(vscode.l10n.t('Start over? Your edits to the sample files and your review comments are replaced.'), { modal: true }, startOver);
        if (sure !== startOver) return undefined;
        write = true;
      }
    } else if (exists && overwrite) write = true;

    await this.context.globalState.update(FOLDERS_KEY, { ...this.folders(), [sample.id]: folder.fsPath });
    if (write) {
      const put = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(text, 'utf8'));
      for (const f of sample.files) await put(f.path, f.text);
      if (sample.runnable) await put('package.json', '{\n  "type": "module",\n  "private": true\n}\n');
      if (sample.files.some((f) => /\.[cm]?[jt]sx?$/.test(f.path))) await put('jsconfig.json', JSCONFIG);
      // A pack's prompt may carry image beacons, and TASK.md may be previewed: sanitized like every other surface.
      await put('TASK.md', `# ${markdownLine(sample.title)}\n\n${safeMarkdown(sample.prompt)}\n`);
    }
    return { folder, written: write };
  }

  /**
   * Opens the sample's files, the first (the code under review) in front, and gives the code most
   * of the width when the window had one editor group: an even split left ~450 px of code at
   * 1,400 px. A layout the user already split stays as it is. Returns the column for the task.
   */
  async openEditors(sample: WorkSample, folder: vscode.Uri): Promise<vscode.ViewColumn> {
    const singleGroup = vscode.window.tabGroups.all.length <= 1;
    for (const file of [...sample.open].reverse()) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, file));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    }
    // The layout is set before the task panel opens, so the panel lands in the narrow column.
    const laidOut =
      singleGroup &&
      (await vscode.commands.executeCommand('vscode.setEditorLayout', TASK_LAYOUT).then(
        () => true,
        (e) => (this.log.warn(`editor layout unchanged: ${e instanceof Error ? e.message : String(e)}`), false),
      ));
    return laidOut ? vscode.ViewColumn.Two : vscode.ViewColumn.Beside;
  }
}
