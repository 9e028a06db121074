// Preview-style question panels, as a person uses them: three questions opened in a row from the
// Topics tree go into one panel (its document stays; the content swaps), Keep open pins it, the
// next question then opens in a new preview beside the kept one, and both come back after a reload.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { bank, openTopicsView, openWorkbench, runCommand, shot, treeRow, webviewFrame } from './workbench.mjs';

const content = bank();

/** How many editor tabs show one of these questions. */
async function tabsOf(page, questions) {
  let n = 0;
  for (const q of questions) n += await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(q.title)})`).count();
  return n;
}
const titleIs = (title) => async (f) => (await f.locator('#title').innerText().catch(() => '')) === title;

describe('UI journey: one reused question panel, and a kept one stays', function () {
  this.timeout(300_000);
  // One retry on a fresh code-server for VS Code's own window reload (see reload.test.mjs).
  this.retries(1);

  it('opens three questions in a row into one panel, keeps the third, opens a fourth beside it, and both survive a reload', async () => {
    const topic = content.topics.find((tp) => content.questions.filter((q) => q.topic === tp.id && q.kind !== 'follow-up').length >= 4);
    const [q1, q2, q3, q4] = content.questions.filter((q) => q.topic === topic.id && q.kind !== 'follow-up');
    const wb = await openWorkbench({ width: 1400, height: 900 });
    try {
      const { page } = wb;
      await openTopicsView(page);
      await treeRow(page, topic.title).click();

      // 1–3: each click shows its question in the same webview document (marked once, before the swaps).
      await treeRow(page, q1.title).click();
      const frame = await webviewFrame(page, '#title', { where: titleIs(q1.title) });
      await frame.evaluate(() => {
        window.__sameDocument = true;
      });
      const chip = frame.locator('#preview .badge.preview');
      await chip.waitFor({ state: 'visible' });
      assert.equal(await chip.evaluate((el) => getComputedStyle(el).fontStyle), 'italic', 'the preview chip is styled as VS Code styles preview tabs');
      for (const q of [q2, q3]) {
        await treeRow(page, q.title).click();
        await frame.locator(`#title:text-is(${JSON.stringify(q.title)})`).waitFor({ timeout: 15_000 });
        assert.equal(await frame.evaluate(() => window.__sameDocument === true), true, `${q.id}: shown in the same document, not a new one`);
        // What a person sees: the new prompt, the answer still hidden, an empty draft, one tab titled after it.
        assert.equal(await frame.locator('#answer').isHidden(), true);
        assert.equal(await frame.locator('#draft').inputValue(), '');
        assert.equal(await frame.locator('body').getAttribute('data-question-id'), q.id);
        await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(q.title)})`).first().waitFor();
        assert.equal(await tabsOf(page, [q1, q2, q3, q4]), 1, 'still one question tab');
      }
      // The swapped-in page works: reveal it with the keyboard, as in a fresh one.
      await frame.locator('#prompt').click();
      await frame.locator('#draft').fill('Outline: my own words first.');
      await frame.locator('#preview').waitFor({ state: 'hidden' });
      await shot(page, 'preview-kept-by-draft');

      // 4: the third question was kept (by its draft): the fourth opens in a new preview panel and the third stays.
      await treeRow(page, q4.title).click();
      const fresh = await webviewFrame(page, '#title', { where: titleIs(q4.title) });
      await fresh.locator('#preview .badge.preview').waitFor({ state: 'visible' });
      await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(q3.title)})`).first().waitFor();
      assert.equal(await tabsOf(page, [q1, q2, q3, q4]), 2, 'the kept question and the new preview');
      // Keep open, then the kept panel keeps its question and draft.
      await fresh.locator('#keep-open').click();
      await fresh.locator('#preview').waitFor({ state: 'hidden' });
      await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(q3.title)})`).first().click();
      const kept = await webviewFrame(page, '#draft', { where: titleIs(q3.title) });
      assert.equal(await kept.locator('#draft').inputValue(), 'Outline: my own words first.');
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'preview-panels.png') });

      // Reload: both come back kept, each with its own question; a new question then opens a third panel.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      const back = await webviewFrame(page, '#draft', { where: titleIs(q3.title), timeout: 60_000 });
      assert.equal(await back.locator('#draft').inputValue(), 'Outline: my own words first.');
      assert.equal(await back.locator('#preview').isHidden(), true, 'still kept after the reload');
      await page.locator(`.tabs-container .tab:has-text(${JSON.stringify(q4.title)})`).first().waitFor({ timeout: 30_000 });
      await openTopicsView(page);
      if (!(await treeRow(page, q1.title).isVisible())) await treeRow(page, topic.title).click();
      await treeRow(page, q1.title).click();
      await webviewFrame(page, '#preview .badge.preview', { where: titleIs(q1.title), timeout: 30_000 });
      assert.equal(await tabsOf(page, [q1, q2, q3, q4]), 3, 'neither kept panel was replaced');
      await shot(page, 'preview-after-reload');
    } finally {
      await wb.close();
    }
  });
});
