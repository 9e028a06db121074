import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { bank, openWorkbench, runCommand, SHOTS, shot, webviewFrame, showTranscriptSource } from './workbench.mjs';

const content = bank();
const topicTitle = (id) => content.topics.find((t) => t.id === id)?.title;

/** The frame of the Markdown preview (a webview of VS Code's built-in Markdown extension) that shows the transcript. */
async function previewFrame(page, timeout = 60_000) {
  return webviewFrame(page, '.markdown-body h1, body.vscode-body h1', {
    timeout,
    where: async (f) => /Mock interview —/.test(await f.locator('h1').first().innerText().catch(() => '')),
  });
}

describe('UI journey: a mock interview over three topics', function () {
  this.timeout(300_000);

  it('asks one question per chosen topic, each with a follow-up, and ends on the rendered transcript', async () => {
    // Three topics that all have main questions with bank follow-ups (every topic of the bundled bank does).
    const chosen = content.topics.slice(0, 3);
    assert.equal(chosen.length, 3);
    const wb = await openWorkbench();
    try {
      const { page } = wb;
      await runCommand(page, 'Interview Practice: Start Mock Interview');

      // Topics (1/3): every topic starts ticked; untick all, then tick the three, as a person would.
      const list = page.locator('.quick-input-widget .quick-input-list');
      await list.first().waitFor();
      const checkAll = page.locator('.quick-input-widget .quick-input-header [aria-label="Toggle all checkboxes"]');
      const ticked = page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]');
      // "Toggle all" ticks everything first when anything is unticked (the design-loop item is): click until none is ticked.
      for (let i = 0; i < 3 && (await ticked.count()) > 0; i++) await checkAll.click();
      assert.equal(await ticked.count(), 0, 'all topics unticked');
      for (const topic of chosen) {
        await page.locator(`.quick-input-list .monaco-list-row[aria-label=${JSON.stringify(topic.title)}] .monaco-checkbox`).first().click();
      }
      assert.equal(await ticked.count(), 3, 'three topics ticked');
      await page.locator('.quick-input-widget .quick-input-action .monaco-button:has-text("OK")').click();
      // Difficulty (2/3) and length (3/3).
      await page.locator('.quick-input-list .monaco-list-row:has-text("Any difficulty")').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row:has-text("3 questions")').first().click();

      // Answer every question and follow-up by typing into the panel; tick a key point on each rubric.
      const asked = [];
      let followUps = 0;
      const preview = previewFrame(page, 240_000).then(
        (f) => f,
        () => undefined,
      );
      let lastTitle = '';
      for (let step = 0; step < 20; step++) {
        const frame = await Promise.race([
          webviewFrame(page, '#answer-text, #grade', {
            timeout: 30_000,
            // A new screen, not the one just answered (the panel re-renders on each step).
            where: async (f) => `${await f.locator('#stage').textContent()}|${await f.locator('#title').textContent()}` !== lastTitle,
          }).catch(() => undefined),
          preview.then(() => undefined),
        ]);
        if (!frame) break;
        // textContent, not innerText: the stage line is styled in capitals.
        const stage = ((await frame.locator('#stage').textContent()) ?? '').replace(/\s+/g, ' ').trim();
        const title = ((await frame.locator('#title').textContent()) ?? '').trim();
        lastTitle = `${await frame.locator('#stage').textContent()}|${await frame.locator('#title').textContent()}`;
        if (await frame.locator('#answer-text').count()) {
          if (/follows up/.test(stage)) followUps++;
          else asked.push({ stage, title, topic: ((await frame.locator('#topic').textContent()) ?? '').trim() });
          if (asked.length === 1 && followUps === 0) await shot(page, 'mock-three-topics-question');
          await frame.locator('#answer-text').click();
          await page.keyboard.type('I would state my position, the trade-off, and the number I would watch.', { delay: 5 });
          await frame.locator('#submit').click();
        } else {
          await frame.locator('input.kp').first().check();
          await frame.locator('#grade').click();
        }
      }

      // Three questions, three different topics, each one of the chosen three (the panel names it).
      assert.equal(asked.length, 3, JSON.stringify(asked));
      assert.equal(new Set(asked.map((a) => a.topic)).size, 3, `three different topics: ${JSON.stringify(asked)}`);
      const chosenTitles = chosen.map((t) => t.title);
      for (const a of asked) {
        assert.ok(chosenTitles.includes(a.topic), `${a.topic} is one of the chosen topics`);
        // The badge agrees with the bank: a question of that title lives in that topic.
        const q = content.questions.find((x) => x.kind !== 'follow-up' && x.title === a.title);
        assert.ok(q, `"${a.title}" is a bank question`);
        assert.equal(topicTitle(q.topic), a.topic);
        assert.ok(content.questions.some((f) => f.parent === q.id), 'it has bank follow-ups');
      }
      assert.equal(followUps, 3, 'the interviewer followed up after each question');

      // The transcript opens rendered: a Markdown preview whose headings are headings, not raw `#`.
      const frame = await preview;
      assert.ok(frame, 'the transcript opened in the Markdown preview');
      const tabs = await page.locator('.tab').allInnerTexts();
      assert.ok(tabs.some((t) => /Preview/.test(t)), `a preview tab among ${JSON.stringify(tabs)}`);
      const h1 = await frame.locator('h1').first().innerText();
      assert.match(h1, /^Mock interview — \d{4}-\d{2}-\d{2}$/);
      const headings = await frame.locator('h2').allInnerTexts();
      for (const a of asked) assert.ok(headings.some((h) => h.includes(a.title)), `a heading for "${a.title}" in ${JSON.stringify(headings)}`);
      assert.ok(headings.some((h) => /^Follow-up 1b:/.test(h)), 'the follow-up is in the transcript');
      assert.ok(await frame.locator('table').count(), 'the scorecard is a table');
      const text = await frame.locator('body').innerText();
      assert.doesNotMatch(text, /^#{1,6} /m, 'no raw Markdown headings');
      assert.doesNotMatch(text, /^\|---/m, 'no raw table rows');

      await shot(page, 'mock-three-topics');
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      copyFileSync(join(SHOTS, 'mock-three-topics.png'), join(ROOT, 'docs', 'screenshots', 'mock-three-topics.png'));

      // The source is one click away: the notification's button brings the Markdown to the front.
      await showTranscriptSource(page);
      await page.locator('.editor-group-container.active .view-lines:has-text("Scorecard")').first().waitFor({ timeout: 15_000 });
      const source = (await page.locator('.editor-group-container.active .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
      assert.match(source, /^# Mock interview — /);
    } finally {
      await wb.close();
    }
  });
});
