import vscode = require('vscode');
import { uiMessage } from '../safeUi';

/** globalState flag: the offer is made once per install, whatever the answer. */
const OFFERED_KEY = 'interviewPractice.commentsPanelOffered';

/**
 * VS Code opens its Comments panel under the editor the first time a file with comments is shown
 * (`comments.openView`, default "firstFile"), which halves the code column of a work sample. That
 * is the user's setting, for every extension's comments, so it is never changed silently: after the
 * first review comment, the user is asked once, and only if they have not set it themselves.
 */
export async function offerToKeepCommentsPanelClosed(state: vscode.Memento): Promise<void> {
  if (state.get<boolean>(OFFERED_KEY)) return;
  const setting = vscode.workspace.getConfiguration('comments').inspect<string>('openView');
  if (setting?.globalValue !== undefined || setting?.workspaceValue !== undefined || setting?.workspaceFolderValue !== undefined) return;
  await state.update(OFFERED_KEY, true);
  const keepClosed = vscode.l10n.t('Keep It Closed');
  const choice = await vscode.window.showInformationMessage(
    uiMessage(vscode.l10n.t('VS Code opened its Comments panel under your code. Keep it closed when a file with comments opens? This sets "comments.openView" to "never" in your user settings, for every extension; the Comments view stays one click away.')),
    keepClosed,
    vscode.l10n.t('Leave It'),
  );
  if (choice !== keepClosed) return;
  await vscode.workspace.getConfiguration('comments').update('openView', 'never', vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closePanel');
}
