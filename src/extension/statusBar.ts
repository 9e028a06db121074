import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';

/** "N due" in the status bar; clicking it starts the review. Hidden when nothing is due. */
export class DueStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('interviewPractice.due', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Interview Practice: due questions';
    this.item.command = COMMANDS.reviewDue;
  }

  update(due: number): void {
    if (due <= 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(mortar-board) ${due} due`;
    this.item.tooltip = `${due} interview question${due === 1 ? '' : 's'} to practise today. Click to start the review.`;
    this.item.accessibilityInformation = { label: `${due} interview questions due. Start review.` };
    this.item.show();
  }

  get text(): string | undefined {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
