// "Due" follows the real clock on every surface a person looks at: a question graded Again a moment
// before the window opens is Learning for a minute, then Due in the tree, on its panel's chip, in
// the status bar, on the dashboard and in the review queue, with no reload and no click.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { bank, daysAgo, openTopicsView, openWorkbench, runCommand, treeRow, webviewFrame } from './workbench.mjs';

const content = bank();
const mainQuestions = content.questions.filter((q) => q.kind !== 'follow-up');

describe('UI journey: a card falls due with the clock', function () {
  this.timeout(300_000);

  it('turns Learning into Due on the tree, the panel chip, the status bar, the dashboard and the review queue, by itself', async () => {
    const topic = content.topics.find((tp) => mainQuestions.filter((q) => q.topic === tp.id).length >= 2);
    const [q, old] = mainQuestions.filter((x) => x.topic === topic.id);
    // Again on a new card schedules it one minute later (FSRS learning step): due at seededAt + 60 s.
    const seededAt = Date.now();
    const progress = [
      { v: 1, kind: 'review', eid: 'seed-old-abcdef', id: old.id, rating: 3, at: daysAgo(40) },
      { v: 1, kind: 'review', eid: 'seed-again-abcdef', id: q.id, rating: 1, at: new Date(seededAt).toISOString() },
    ];
    const dueAt = seededAt + 60_000;
    const wb = await openWorkbench({ progress, width: 1600, height: 900, settings: { 'interviewPractice.newQuestionsPerDay': 0 } });
    try {
      const { page } = wb;
      const row = () => treeRow(page, q.title);
      const dashboard = () => webviewFrame(page, '#due-now', { timeout: 30_000 });

      // Before: Learning everywhere, one card (the old one) due.
      await page.locator('.statusbar-item:has-text("1 due")').first().waitFor({ timeout: 60_000 });
      await openTopicsView(page);
      await treeRow(page, topic.title).click();
      await row().locator('text=Learning').waitFor();
      await row().click();
      const question = await webviewFrame(page, '#state-label', { where: async (f) => (await f.locator('#title').innerText()) === q.title });
      assert.equal(await question.locator('#state-label').innerText(), 'Learning');
      await question.locator('#keep-open').click();
      await runCommand(page, 'Interview Practice: Show Readiness Dashboard');
      assert.equal(await (await dashboard()).locator('#due-now').innerText(), '1');
      const left = dueAt - Date.now();
      assert.ok(left > 0, `the checks before the due time ran past it (by ${-left} ms): the machine is too slow for this journey`);
      await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'due-clock-before.png') });

      // After: nothing is touched; the timer armed for the due time changes every surface.
      await page.locator('.statusbar-item:has-text("2 due")').first().waitFor({ timeout: left + 30_000 });
      const firedLateMs = Date.now() - dueAt;
      await row().locator('text=Due').waitFor({ timeout: 10_000 });
      await (await webviewFrame(page, '#due-now', { where: async (f) => (await f.locator('#due-now').innerText()) === '2' })).locator('#due-now').waitFor();
      // The question's panel, behind the dashboard or beside it, shows Due when it is in view.
      await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(q.title)})`).first().click();
      await webviewFrame(page, '#state-label', { where: async (f) => (await f.locator('#state-label').innerText()) === 'Due' && (await f.locator('#title').innerText()) === q.title, timeout: 15_000 });
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'due-clock-after.png') });
      console.log(`      (status bar changed ${firedLateMs} ms after the due time)`);

      // The review queue holds both due cards.
      await runCommand(page, 'Interview Practice: Review Due Questions');
      await page.locator('.tabs-container .tab:has-text("Review:"):has-text("(1 more)")').first().waitFor({ timeout: 30_000 });
    } finally {
      await wb.close();
    }
  });
});
