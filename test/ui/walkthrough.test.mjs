// The Get Started walkthrough: it opens by itself on the first start, and its steps tick when the
// question and the work sample are opened from the Topics tree (not only from the palette). The
// task panel's comment count follows a comment added in the gutter, without Submit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { bank, commentOnLine, openTopicsView, openWorkbench, sampleSettled, shot, treeRow, webviewFrame } from './workbench.mjs';

const content = bank();
const nls = JSON.parse(readFileSync(new URL('../../package.nls.json', import.meta.url), 'utf8'));

/** The walkthrough step's button, ticked or not. */
const step = (page, id) => page.locator(`.getting-started-step[data-step-id$="${id}"]`).first();

async function showWalkthrough(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: /Welcome|Walkthrough|Practise staff-level/ }).first();
  await tab.click();
  await page.locator('.gettingStartedContainer').first().waitFor({ timeout: 30_000 });
}

async function scrollTreeTo(page, text) {
  const row = treeRow(page, text);
  for (let i = 0; i < 30 && !(await row.isVisible()); i++) {
    await page.locator('.sidebar .monaco-list').first().hover();
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(150);
  }
  return row;
}

describe('Get Started walkthrough', function () {
  this.timeout(180_000);
  let wb;
  before(async () => {
    wb = await openWorkbench({ walkthrough: true, askAboutCommentsPanel: true });
  });
  after(async () => wb?.close());

  it('opens on the first start, ticks its steps when a question and a work sample are opened from the tree, and the task panel counts comments live', async () => {
    const { page } = wb;
    // Opened by the extension on its first activation.
    await page.locator('.gettingStartedContainer', { hasText: nls['walkthrough.getStarted.title'] }).first().waitFor({ timeout: 60_000 });
    await step(page, 'openQuestion').waitFor();
    assert.notEqual(await step(page, 'openQuestion').getAttribute('aria-checked'), 'true', 'not ticked before anything was opened');
    await shot(page, 'walkthrough-first-start');

    const topic = content.topics[0];
    const question = content.questions.find((q) => q.kind !== 'follow-up' && q.topic === topic.id);
    await openTopicsView(page);
    await treeRow(page, topic.title).click();
    await treeRow(page, question.title).click();
    await webviewFrame(page, '#reveal');

    const sample = content.workSamples.find((w) => w.id === 'token-bucket-rate-limiter') ?? content.workSamples[0];
    const sampleTopic = content.topics.find((t) => t.id === sample.topic);
    await treeRow(page, topic.title).click(); // collapse the first topic again
    await (await scrollTreeTo(page, sampleTopic.title)).click();
    const sampleLabel = sample.title.split(/\s+/).slice(0, 3).join(' ');
    await (await scrollTreeTo(page, sampleLabel)).click();
    const task = await webviewFrame(page, '#comment-count');
    await sampleSettled(page, 2);
    assert.equal((await task.locator('#comment-count').innerText()).trim(), '0');

    // A comment in the gutter: the count in the task panel follows without Submit.
    await page.locator('.editor-group-container').first().click({ position: { x: 300, y: 200 } });
    await commentOnLine(page, 3, 'The refill multiplies milliseconds by a per-second rate: a unit mismatch, so buckets refill a thousand times too fast.');
    await task.locator('#comment-count:text-is("1")').waitFor({ timeout: 15_000 });

    // VS Code opened its Comments panel under the code (comments.openView, the user's setting):
    // asked once, the user keeps it closed, and the code gets its height back.
    const panel = page.locator('.part.panel');
    await panel.locator('.composite.title:has-text("Comments"), .panel-switcher-container .checked:has-text("Comments")').first().waitFor({ timeout: 15_000 });
    const toast = page.locator('.notification-toast', { hasText: 'Comments panel' }).first();
    await toast.waitFor({ timeout: 15_000 });
    await toast.locator('.monaco-button', { hasText: 'Keep It Closed' }).click();
    await panel.waitFor({ state: 'hidden', timeout: 15_000 });
    const userSettings = readFileSync(join(wb.server.userData, 'User', 'settings.json'), 'utf8');
    assert.match(userSettings, /"comments\.openView":\s*"never"/, 'the choice is the user setting VS Code reads');

    await showWalkthrough(page);
    await page.locator('.getting-started-step[data-step-id$="openQuestion"][aria-checked="true"]').first().waitFor({ timeout: 15_000 });
    await page.locator('.getting-started-step[data-step-id$="workSample"][aria-checked="true"]').first().waitFor({ timeout: 15_000 });
    await shot(page, 'walkthrough-steps-ticked');
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'walkthrough-steps-ticked.png') });
  });
});
