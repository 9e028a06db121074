import vscode = require('vscode');
import { plainText, type SafeMarkdown } from '../core/safeText';

/**
 * The only place a vscode.MarkdownString is made (ESLint enforces it): sanitized Markdown only
 * (src/core/safeText.ts), with HTML, command links and theme icons off, so a tooltip or a comment
 * can never fetch an image or run a command.
 */
export function markdownString(markdown: SafeMarkdown): vscode.MarkdownString {
  const m = new vscode.MarkdownString(markdown, false);
  m.isTrusted = false;
  m.supportHtml = false;
  m.supportThemeIcons = false;
  return m;
}

/** One line of plain text for a tree label or description, a quick-pick item, an accessibility label. */
export function uiLabel(s: string, max = 200): string {
  return plainText(s, { singleLine: true, max });
}

/** Plain text for a notification or a diagnostic (notifications would turn `[x](command:…)` into a link). */
export function uiMessage(s: string): string {
  return plainText(s, { max: 2000 });
}
