import vscode = require('vscode');
import { difficultyLabel } from '../core/panelHtml';
import type { Difficulty } from '../core/schema';
import type { Translate } from '../shared/translate';
import type { PracticeState } from '../core/progress/scheduler';

/** `vscode.l10n.t` as the vscode-free renderers take it (src/shared/translate.ts). */
export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** Labels are looked up on use, not at import: translations are read per call of `vscode.l10n.t`. */
export function difficultyName(d: Difficulty): string {
  return difficultyLabel(d, t);
}

export function stateName(s: PracticeState): string {
  switch (s) {
    case 'new':
      return vscode.l10n.t('New');
    case 'learning':
      return vscode.l10n.t('Learning');
    case 'due':
      return vscode.l10n.t('Due');
    case 'mastered':
      return vscode.l10n.t('Mastered');
  }
}

/** The grade buttons' names (the webview gets the same texts through `data-strings`). */
export function ratingName(rating: 1 | 2 | 3 | 4): string {
  switch (rating) {
    case 1:
      return vscode.l10n.t('Again');
    case 2:
      return vscode.l10n.t('Hard');
    case 3:
      return vscode.l10n.t('Good');
    case 4:
      return vscode.l10n.t('Easy');
  }
}

/** Codicon per practice state, so the tree shows progress at a glance. */
export const STATE_ICON: Record<PracticeState, string> = { new: 'circle-outline', learning: 'circle-filled', due: 'bell-dot', mastered: 'pass-filled' };
