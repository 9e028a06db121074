// "Due" has one source: moving a fake clock across a card's due time must change the tree, the
// open panel's chip, the status bar, the dashboard and the review queue together, driven only by
// the timer DueState armed for that instant.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Clock } from '../../src/extension/dueState';
import { systemClock } from '../../src/extension/dueState';
import type { ExtensionApi } from '../../src/extension/app';
import { stateName } from '../../src/extension/labels';
import { api, until } from './hostApi';

/** A clock that only moves when told to, and fires the timers whose time has come. */
class FakeClock implements Clock {
  private timers: { at: number; fire: () => void; live: boolean }[] = [];
  constructor(private at: number) {}
  now(): Date {
    return new Date(this.at);
  }
  after(ms: number, fire: () => void): vscode.Disposable {
    const t = { at: this.at + ms, fire, live: true };
    this.timers.push(t);
    return { dispose: () => (t.live = false) };
  }
  /** The armed timers' instants. */
  pending(): number[] {
    return this.timers.filter((t) => t.live).map((t) => t.at);
  }
  moveTo(at: number): void {
    this.at = at;
    for (const t of this.timers.filter((x) => x.live && x.at <= at)) {
      t.live = false;
      t.fire();
    }
  }
}

describe('one due state across the tree, panel, status bar, dashboard and review queue', () => {
  let app: ExtensionApi;
  let clock: FakeClock;
  after(() => app?.due.useClock(systemClock));

  it('a card falling due with the clock changes all five surfaces together, through the timer armed for its due time', async function () {
    this.timeout(60_000);
    app = await api();
    const { content, progress, due, tree, panels, statusBar, dashboard } = app;
    const snapshot = await content.get();
    const model = await progress.model();
    const q = snapshot.bundle.questions.find((x) => x.kind !== 'follow-up' && model.state(x.id, new Date()) === 'new');
    assert.ok(q, 'a question nobody has practised yet');
    await progress.record({ kind: 'review', id: q.id, rating: 3, covered: 2, of: q.keyPoints.length, seconds: 30 });
    try {
      const dueAt = (await progress.model()).due(q.id);
      assert.ok(dueAt, 'the grade scheduled the card');
      clock = new FakeClock(dueAt.getTime() - 60_000);
      due.useClock(clock);
      await vscode.commands.executeCommand('interviewPractice.openQuestion', q.id);
      await vscode.commands.executeCommand('interviewPractice.showDashboard');

      const surfaces = async () => {
        const item = await tree.getTreeItem({ kind: 'question', question: q });
        const snap = await due.snapshot();
        return {
          tree: String(item.description).split(' · ')[1],
          chip: panels.shownState.get(q.id),
          statusBar: statusBar.count,
          dashboard: dashboard.last?.dueNow,
          queued: snap.queue.includes(q.id),
          dueIds: snap.dueIds.length,
        };
      };
      const learning = stateName('learning');
      const dueLabel = stateName('due');
      // Other cards may fall due first: step through each armed instant, as the real timer would,
      // until the one armed for this card's due time.
      for (;;) {
        const next = Math.min(...(await until('a timer is armed', () => clock.pending(), (p) => p.length > 0)));
        assert.ok(next <= dueAt.getTime(), `the next timer (${new Date(next).toISOString()}) is not after the card's due time ${dueAt.toISOString()}`);
        if (next === dueAt.getTime()) break;
        clock.moveTo(next);
        await until('re-armed after another card fell due', () => clock.pending(), (p) => p.length > 0 && Math.min(...p) > next);
      }
      const before = await until('before its due time', surfaces, (s) => s.tree === learning && s.chip === learning && s.dashboard === s.dueIds && s.statusBar === s.dueIds);
      assert.equal(before.queued, false, 'not in the review queue before its due time');

      const panel = panels.panelFor(q.id);
      assert.ok(panel);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'in front of the question' }), { viewColumn: panel.viewColumn, preview: false });
      await until('the question panel hidden behind a document', () => panel.visible, (v) => !v);

      // Nothing but the clock moves: the timer armed for the due time does the rest.
      clock.moveTo(dueAt.getTime() + 1000);
      const after = await until('after its due time', surfaces, (s) => s.tree === dueLabel && s.chip === dueLabel && s.statusBar === before.statusBar + 1 && s.dashboard === before.dashboard! + 1);
      assert.equal(after.queued, true, 'in the review queue once due');
      assert.equal(after.dueIds, before.dueIds + 1);
      assert.equal(after.statusBar, after.dueIds, 'the status bar counts what the queue holds as due');
      assert.equal(after.dashboard, after.dueIds, 'the dashboard’s "due now" is the same number');
      // The question panel sits behind another editor: hidden, it has no live document, so the HTML
      // VS Code rebuilds it from when it comes forward must carry the new chip (not the render-time one).
      await until('the hidden panel’s page carries the new chip', () => /id="state-label">([^<]*)</.exec(panel.webview.html)?.[1], (chip) => chip === dueLabel);
    } finally {
      due.useClock(systemClock);
      await progress.undoLast(q.id);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
