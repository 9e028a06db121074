import vscode = require('vscode');
import { COMMANDS } from './commandIds';

/** "N due" in the status bar; clicking it starts the review. Hidden when nothing is due. */
export class DueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('interviewPractice.due', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = vscode.l10n.t('Interview Practice: due questions');
    this.item.command = COMMANDS.reviewDue;
  }

  /** The count shown (0 while hidden). */
  count = 0;

  update(due: number): void {
    this.count = Math.max(0, due);
    if (due <= 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(mortar-board) ${vscode.l10n.t('{0} due', due)}`;
    this.item.tooltip =
      due === 1 ? vscode.l10n.t('1 interview question to practise today. Click to start the review.') : vscode.l10n.t('{0} interview questions to practise today. Click to start the review.', due);
    this.item.accessibilityInformation = { label: vscode.l10n.t('{0} interview questions due. Start review.', due) };
    this.item.show();
  }

  get text(): string | undefined {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
