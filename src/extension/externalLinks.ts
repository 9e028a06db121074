import vscode = require('vscode');

/**
 * The one way a panel's link leaves VS Code: only http(s), and only after the user confirms the
 * exact address in a modal dialog (the webview script stops the click, so VS Code's own handler
 * does not open it a second time).
 */
export async function openExternalConfirmed(url: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'https' && uri.scheme !== 'http') return false;
  const open = vscode.l10n.t('Open');
  const copy = vscode.l10n.t('Copy Link');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Open this address in your browser?'), { modal: true, detail: uri.toString(true) }, open, copy);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(uri.toString(true));
    return false;
  }
  return choice === open ? vscode.env.openExternal(uri) : false;
}
