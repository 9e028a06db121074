import vscode = require('vscode');
import { uiLabel } from './safeUi';
import type { ContentService } from './contentService';
import { difficultyName } from './labels';

/** Quick pick of every design loop, by topic ("Interview Practice: Open Design Loop" without an argument). */
export async function pickDesignLoop(content: ContentService, title = vscode.l10n.t('Open Design Loop')): Promise<string | undefined> {
  const snapshot = await content.get();
  const items = snapshot.bundle.designLoops.map((d) => ({
    label: uiLabel(d.title),
    description: uiLabel(vscode.l10n.t('{0} · {1} · {2} min', snapshot.topic(d.topic)?.title ?? d.topic, difficultyName(d.difficulty), d.minutes)),
    id: d.id,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no design loops in the question bank.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.id;
}

/** Quick pick of every case study, newest first. */
export async function pickCaseStudy(content: ContentService): Promise<string | undefined> {
  const snapshot = await content.get();
  const items = [...snapshot.bundle.caseStudies]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((c) => ({ label: uiLabel(c.title), description: uiLabel(`${c.organisation}, ${c.year}`), id: c.id }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no case studies in the question bank.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open Case Study'), matchOnDescription: true }))?.id;
}
