import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import vscode = require('vscode');
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

    // The memento answers folderOf() at once; its write to disk may finish alongside the copy.
    const remembered = this.context.globalState.update(FOLDERS_KEY, { ...this.folders(), [sample.id]: folder.fsPath });
    if (write) {
      const files = [...sample.files];
      if (sample.runnable) files.push({ path: 'package.json', text: '{\n  "type": "module",\n  "private": true\n}\n' });
      if (sample.files.some((f) => /\.[cm]?[jt]sx?$/.test(f.path))) files.push({ path: 'jsconfig.json', text: JSCONFIG });
      // A pack's prompt may carry image beacons, and TASK.md may be previewed: sanitized like every other surface.
      files.push({ path: 'TASK.md', text: `# ${markdownLine(sample.title)}\n\n${safeMarkdown(sample.prompt)}\n` });
      // Straight to the local disk (the practice folder is always a file path), folders first, then
      // every file at once, rather than one round trip through workspace.fs per file in turn.
      const path = (name: string) => vscode.Uri.joinPath(folder, name).fsPath;
      for (const dir of new Set(files.map((f) => dirname(path(f.path))))) await mkdir(dir, { recursive: true });
      await Promise.all(files.map((f) => writeFile(path(f.path), f.text, 'utf8')));
    }
    await remembered;
    return { folder, written: write };
  }

  /**
   * Gives the code most of the width when the window had one editor group (an even split left
   * ~450 px of code at 1,400 px), before anything opens, so the task panel can open in the narrow
   * column while the code opens in the wide one. A layout the user already split stays as it is.
   * Returns the column for the task: Beside the code when the layout was left alone.
   */
  async layOut(): Promise<vscode.ViewColumn> {
    if (vscode.window.tabGroups.all.length > 1) return vscode.ViewColumn.Beside;
    const laidOut = await vscode.commands.executeCommand('vscode.setEditorLayout', TASK_LAYOUT).then(
      () => true,
      (e) => (this.log.warn(`editor layout unchanged: ${e instanceof Error ? e.message : String(e)}`), false),
    );
    return laidOut ? vscode.ViewColumn.Two : vscode.ViewColumn.Beside;
  }

  /** The sample's first file (the code under review), in front in the first column. */
  async openMain(sample: WorkSample, folder: vscode.Uri): Promise<void> {
    const [main] = sample.open;
    if (main) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, main), { viewColumn: vscode.ViewColumn.One, preview: false });
  }

  /**
   * The sample's other files as tabs behind the first, without showing each in turn: they are
   * loaded as documents (so they are real documents at once) and opened as inactive editors.
   * `background` is what `vscode.open` turns into an inactive editor; it is not in the typed API,
   * so if an editor ignores it, the first file is brought back to the front.
   */
  async openRest(sample: WorkSample, folder: vscode.Uri): Promise<void> {
    const [main, ...rest] = sample.open;
    if (!main || rest.length === 0) return;
    const uris = rest.map((f) => vscode.Uri.joinPath(folder, f));
    await Promise.all(uris.map((u) => vscode.workspace.openTextDocument(u)));
    // Each opens right after the active (first) file: in reverse, the tabs keep the sample's order.
    for (const uri of uris.reverse()) {
      await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: true, background: true });
    }
    const mainUri = vscode.Uri.joinPath(folder, main);
    const front = vscode.window.tabGroups.all[0]?.activeTab?.input;
    if (!(front instanceof vscode.TabInputText && front.uri.toString() === mainUri.toString())) {
      await vscode.window.showTextDocument(mainUri, { viewColumn: vscode.ViewColumn.One, preview: false });
    }
  }
}
