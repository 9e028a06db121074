import * as vscode from 'vscode';
import type { SearchHit } from '../core/search';
import type { ContentService } from './contentService';
import { DIFFICULTY_LABEL } from './labels';

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
  pick.title = 'Search Questions';
  pick.placeholder = 'Type a topic, a concept or a question (typos are fine)';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.busy = true;
  const disposables: vscode.Disposable[] = [pick];
  const [snapshot, index] = await Promise.all([content.get(), content.search()]);
  const topicTitle = (id: string) => snapshot.topic(id)?.title ?? id;
  const toItem = (hit: SearchHit): HitItem => ({
    label: `$(${KIND_ICON[hit.kind]}) ${hit.title}`,
    description: `${topicTitle(hit.topic)} · ${DIFFICULTY_LABEL[hit.difficulty]}${hit.kind === 'work-sample' ? ' · hands-on' : hit.kind === 'follow-up' ? ' · follow-up' : ''}`,
    alwaysShow: true,
    hit,
  });
  const update = (value: string) => {
    const hits = index.search(value, 30);
    pick.items = value.trim() === '' ? [] : hits.length ? hits.map(toItem) : [{ label: 'No matching question', alwaysShow: true }];
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
