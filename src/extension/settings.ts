import vscode = require('vscode');
import { effectiveSetting, ignoredWorkspaceSettings, RESTRICTED_SETTINGS, type RestrictedSetting } from '../core/trust';

const SECTION = 'interviewPractice';

/**
 * Reads a setting that changes scheduling or timers through `inspect()`, so a workspace that is
 * not trusted cannot change it (VS Code's `get` also skips restricted workspace values; this does
 * not depend on it).
 */
export function readSetting<T>(key: RestrictedSetting, fallback: T): T {
  return effectiveSetting(vscode.workspace.getConfiguration(SECTION).inspect<T>(key), vscode.workspace.isTrusted, fallback);
}

const named = new Set<string>();

/**
 * Names, once per window and in one notification, the settings this untrusted workspace sets that
 * are ignored. Called at start and when settings change; a setting is named only once.
 */
export function warnIgnoredSettings(): string[] {
  const config = vscode.workspace.getConfiguration(SECTION);
  const ignored = ignoredWorkspaceSettings(Object.fromEntries(RESTRICTED_SETTINGS.map((k) => [`${SECTION}.${k}`, config.inspect(k)])), vscode.workspace.isTrusted).filter(
    (k) => !named.has(k),
  );
  if (ignored.length === 0) return [];
  for (const k of ignored) named.add(k);
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('This workspace sets {0}; they are ignored until you trust it.', ignored.join(', ')), manage)
    .then((choice) => (choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return ignored;
}

/** VS Code's own "preview editors" choice, which question and topic panels follow too. */
export function previewsEnabled(): boolean {
  return vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true);
}
