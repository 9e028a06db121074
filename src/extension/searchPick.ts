import vscode = require('vscode');
import { uiLabel } from './safeUi';
import type { SearchHit } from '../core/search';
import type { ContentService } from './contentService';
import { difficultyName } from './labels';

interface HitItem extends vscode.QuickPickItem {
  readonly hit?: SearchHit;
}

const KIND_ICON = { question: 'question', 'follow-up': 'reply', scenario: 'comment-discussion', 'work-sample': 'beaker' } as const;

/**
 * Search Questions: a quick pick re-ranked by our index on every keystroke. matchOnDescription and
 * VS Code's own filtering are off (`alwaysShow`), so typos that our fuzzy search forgives still show.
 */
export async function searchQuestions(content: ContentService, open: (hit: SearchHit) => Promise<void>): Promise<void> {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = vscode.l10n.t('Search Questions');
  pick.placeholder = vscode.l10n.t('Type a topic, a concept or a question (typos are fine)');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.busy = true;
  const disposables: vscode.Disposable[] = [pick];
  const [snapshot, index] = await Promise.all([content.get(), content.search()]);
  const topicTitle = (id: string) => uiLabel(snapshot.topic(id)?.title ?? id);
  const toItem = (hit: SearchHit): HitItem => ({
    label: `$(${KIND_ICON[hit.kind]}) ${uiLabel(hit.title)}`,
    description:
      hit.kind === 'work-sample'
        ? vscode.l10n.t('{0} · {1} · hands-on', topicTitle(hit.topic), difficultyName(hit.difficulty))
        : hit.kind === 'follow-up'
          ? vscode.l10n.t('{0} · {1} · follow-up', topicTitle(hit.topic), difficultyName(hit.difficulty))
          : `${topicTitle(hit.topic)} · ${difficultyName(hit.difficulty)}`,
    // Found through the model answer, not the title: the sentence that matched says why it is here.
    ...(hit.snippet ? { detail: `$(quote) ${uiLabel(hit.snippet)}` } : {}),
    alwaysShow: true,
    hit,
  });
  const update = (value: string) => {
    const hits = index.search(value, 30);
    pick.items = value.trim() === '' ? [] : hits.length ? hits.map(toItem) : [{ label: vscode.l10n.t('No matching question'), alwaysShow: true }];
  };
  pick.busy = false;
  disposables.push(
    pick.onDidChangeValue(update),
    pick.onDidAccept(async () => {
      const hit = pick.selectedItems[0]?.hit;
      if (!hit) return;
      pick.hide();
      await open(hit);
    }),
    pick.onDidHide(() => {
      for (const d of disposables) d.dispose();
    }),
  );
  pick.show();
}
