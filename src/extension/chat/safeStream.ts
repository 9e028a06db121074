import vscode = require('vscode');
import { trusted, type SafeMarkdown } from '../../core/safeText';
import { markdownString, uiLabel, uiMessage } from '../safeUi';

/**
 * The chat response stream as the interviewer may use it: Markdown only as SafeMarkdown (pack,
 * user and model text pass through src/core/safeText.ts), progress and button titles as plain
 * text. Chat renders Markdown, so a raw `![](https://…)` in a pack prompt would be fetched; the
 * compiler (and ESLint, which keeps vscode.ChatResponseStream inside this file) stops that.
 */
export interface SafeChatStream {
  markdown(value: SafeMarkdown): void;
  progress(text: string): void;
  button(command: vscode.Command): void;
}

export function safeChatStream(stream: vscode.ChatResponseStream): SafeChatStream {
  return {
    markdown: (value) => stream.markdown(markdownString(value)),
    progress: (text) => stream.progress(uiMessage(text)),
    button: (command) => stream.button({ ...command, title: uiLabel(command.title) }),
  };
}

/** Our own translated Markdown; every inserted value must already be safe (markdownText(x)) or a number. */
export function mdT(message: string, ...args: (SafeMarkdown | number)[]): SafeMarkdown {
  return trusted(vscode.l10n.t(message, ...args));
}
