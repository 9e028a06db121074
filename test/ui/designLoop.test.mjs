import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { bank, EXTENSION_STORAGE, openTopicsView, openWorkbench, SHOTS, shot, treeRow, webviewFrame } from './workbench.mjs';

const content = bank();

describe('UI journey: a design loop as a real design document', function () {
  this.timeout(240_000);

  it('opens a loop from the tree, writes under the first stage, and reveals that stage’s reference', async () => {
    const loop = content.designLoops?.[0];
    assert.ok(loop, 'the bundled content has a design loop (content/design-loops)');
    const topic = content.topics.find((t) => t.id === loop.topic);
    const wb = await openWorkbench();
    try {
      const { page } = wb;
      await openTopicsView(page);
      await treeRow(page, topic.title).click();
      await treeRow(page, loop.title).click();

      // The panel beside lists the stages, each locked until written.
      let frame = await webviewFrame(page, '#stage-0 button.reveal-stage', { timeout: 30_000 });
      assert.equal(await frame.locator('#stage-0 button.reveal-stage').isDisabled(), true, 'locked before writing');
      assert.equal(await frame.locator('section.stage').count(), 6);

      // The document is a real file in the practice folder: type under the first stage's heading.
      const file = join(wb.server.userData, EXTENSION_STORAGE, 'practice', 'design-loops', `${loop.id}.md`);
      for (let i = 0; i < 50 && !existsSync(file); i++) await page.waitForTimeout(200);
      const lines = readFileSync(file, 'utf8').split('\n');
      const heading = lines.findIndex((l) => l.startsWith('## Stage 1:'));
      const notes = lines.findIndex((l, i) => i > heading && l.startsWith('**Your notes'));
      assert.ok(heading >= 0 && notes > heading, 'the document has the first stage heading and its notes area');
      await page.locator('.editor-group-container').first().locator('.view-lines').first().click();
      await page.keyboard.press('Control+g');
      await page.keyboard.type(String(notes + 1));
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Who are the tenants, what limits matter, and what is the budget?', { delay: 10 });

      // The host reads the document and unlocks the stage; reveal it.
      await frame.locator('#stage-0 button.reveal-stage:not([disabled])').waitFor({ timeout: 15_000 });
      await frame.locator('#stage-0 button.reveal-stage').click();
      frame = await webviewFrame(page, '#reference-0', { timeout: 15_000 });
      const reference = frame.locator('#reference-0');
      const start = loop.stages[0].reference.replace(/^\s*(?:\d+\.|[-*+])\s+/gm, '').replace(/[*_`>#]/g, '').split(/\s+/).filter(Boolean).slice(0, 5).join(' ');
      assert.ok((await reference.innerText()).replace(/\s+/g, ' ').includes(start), `the reference starts "${start}"`);
      assert.equal(await frame.locator('#reference-0 dl.rubric dt').count(), 3, 'Senior, Staff, Principal');
      assert.equal(await frame.locator('#reference-1').count(), 0, 'other stages stay hidden');
      // Styled with the theme: a 4px accent bar in the editor's link colour.
      const style = await reference.evaluate((el) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--vscode-textLink-foreground)';
        document.body.append(probe);
        const s = getComputedStyle(el);
        const accent = getComputedStyle(probe).color;
        probe.remove();
        return { width: s.borderLeftWidth, style: s.borderLeftStyle, color: s.borderLeftColor, accent };
      });
      assert.equal(style.width, '4px');
      assert.equal(style.style, 'solid');
      assert.equal(style.color, style.accent, 'the bar uses --vscode-textLink-foreground');
      assert.notEqual(style.color, 'rgba(0, 0, 0, 0)');
      await reference.scrollIntoViewIfNeeded();
      await shot(page, 'design-loop');
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      copyFileSync(join(SHOTS, 'design-loop.png'), join(ROOT, 'docs', 'screenshots', 'design-loop.png'));
    } finally {
      await wb.close();
    }
  });
});
