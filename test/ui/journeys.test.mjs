import assert from 'node:assert/strict';
import { bank, commentOnLine, daysAgo, openTopicsView, openWorkbench, runCommand, shot, treeRow, webviewFrame, showTranscriptSource, sampleSettled } from './workbench.mjs';

const content = bank();
const mainQuestions = content.questions.filter((q) => q.kind !== 'follow-up');
const firstTopic = content.topics[0];

describe('UI journeys in a real VS Code', function () {
  this.timeout(180_000);

  describe('browse, reveal, search', () => {
    let wb;
    before(async () => {
      wb = await openWorkbench();
    });
    after(async () => wb?.close());

    it('opens the Topics view, clicks a question, presses Space and sees the answer', async () => {
      const { page } = wb;
      await openTopicsView(page);
      const question = mainQuestions.find((q) => q.topic === firstTopic.id);
      await treeRow(page, firstTopic.title).click();
      await treeRow(page, question.title).waitFor();
      await shot(page, 'topics-tree');
      await treeRow(page, question.title).click();
      const frame = await webviewFrame(page, '#reveal');
      assert.equal(await frame.locator('#answer').isHidden(), true, 'the answer starts hidden');
      const promptStart = question.prompt.replace(/[*_`]/g, '').split(/\s+/).slice(0, 4).join(' ');
      assert.ok((await frame.locator('#prompt').innerText()).replace(/\s+/g, ' ').includes(promptStart), `the prompt starts "${promptStart}"`);
      await shot(page, 'question-before-reveal');
      await frame.locator('#prompt').click();
      await page.keyboard.press('Space');
      await frame.locator('#answer').waitFor({ state: 'visible' });
      assert.ok((await frame.locator('#key-points li').count()) >= 3);
      assert.equal(await frame.locator('#reveal').isHidden(), true);
      await shot(page, 'question-revealed');
    });

    it('runs Search Questions from the palette, types with a typo and opens the result', async () => {
      const { page } = wb;
      // A title word of 8+ letters with one letter dropped: the kind of typo people make while typing.
      const target = mainQuestions.find((q) => q.title.split(/\s+/).some((w) => /^[A-Za-z]{8,}$/.test(w)));
      const word = target.title.split(/\s+/).find((w) => /^[A-Za-z]{8,}$/.test(w));
      const typo = word.slice(0, 4) + word.slice(5);
      await runCommand(page, 'Interview Practice: Search Questions');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor();
      await input.pressSequentially(typo.toLowerCase(), { delay: 40 });
      const row = page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(target.title)})`).first();
      await row.waitFor({ timeout: 15_000 });
      await shot(page, 'search-typo');
      await row.click();
      const frame = await webviewFrame(page, '#title', { where: async (f) => (await f.locator('#title').innerText()) === target.title });
      assert.equal(await frame.locator('#title').innerText(), target.title);
    });

    it('finds questions by what their answers explain, and shows the sentence that matched', async () => {
      const { page } = wb;
      await runCommand(page, 'Interview Practice: Search Questions');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor();
      await input.pressSequentially('outbox', { delay: 40 });
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row').length >= 3, null, { timeout: 15_000 });
      const texts = await rows.allInnerTexts();
      const titled = content.questions.filter((q) => /outbox/i.test(q.title)).map((q) => q.title);
      // Rows whose title does not say "outbox" but whose shown text does: found in the answer, with its sentence.
      const byAnswer = texts.filter((t) => /outbox/i.test(t) && !titled.some((title) => t.includes(title)));
      assert.ok(byAnswer.length >= 2, `at least two results found through their answers, each showing why:\n${texts.join('\n---\n')}`);
      await shot(page, 'search-by-answer');
      await page.keyboard.press('Escape');
    });
  });
});

describe('UI journeys: practice that is never lost', function () {
  this.timeout(240_000);

  it('grades a question, reloads the window, and finds the grade, the tree state and the panel still there', async function () {
    // Late in a long suite on this machine VS Code's own window reload has twice brought the panel
    // back without its webview state (it passes alone every time); one retry starts a fresh
    // code-server, and a second failure fails the suite.
    this.retries(1);
    const wb = await openWorkbench();
    try {
      const { page } = wb;
      await openTopicsView(page);
      const question = mainQuestions.find((q) => q.topic === firstTopic.id);
      await treeRow(page, firstTopic.title).click();
      await treeRow(page, question.title).click();
      const frame = await webviewFrame(page, '#reveal');
      await frame.locator('#draft').fill('My outline of the answer.');
      await frame.locator('#prompt').click();
      await page.keyboard.press('Space');
      await frame.locator('#answer').waitFor({ state: 'visible' });
      // Ticking every key point makes Good the proposed grade, so one key press grades.
      for (const box of await frame.locator('input.kp').all()) await box.check();
      await frame.locator('#prompt').click();
      await page.keyboard.press('3');
      await frame.locator('#grade-result:has-text("Graded Good")').waitFor();
      await treeRow(page, question.title).locator('text=Learning').waitFor();

      // Reload the way a user does (Developer: Reload Window), which lets VS Code save its editor state.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      const restored = await webviewFrame(page, '#title', { timeout: 60_000, where: async (f) => (await f.locator('#title').innerText()) === question.title });
      assert.equal(await restored.locator('#draft').inputValue(), 'My outline of the answer.', 'the draft came back with the panel');
      assert.equal(await restored.locator('#answer').isVisible(), true, 'the revealed answer stays revealed');
      await treeRow(page, firstTopic.title).waitFor();
      if (!(await treeRow(page, question.title).isVisible())) await treeRow(page, firstTopic.title).click();
      const row = treeRow(page, question.title);
      await row.locator('text=Learning').waitFor({ timeout: 30_000 });
      assert.equal(await row.locator('.codicon-circle-filled').count(), 1, 'the tree icon shows the learning state');
      await shot(page, 'after-reload');
    } finally {
      await wb.close();
    }
  });

  it('reviews three due questions by keyboard alone, and the status bar count drops', async () => {
    const due = mainQuestions.slice(0, 3);
    const progress = due.map((q, i) => ({ v: 1, kind: 'review', eid: `seed-${i}-abcdef`, id: q.id, rating: 3, at: daysAgo(40 + i) }));
    const wb = await openWorkbench({ progress, settings: { 'interviewPractice.newQuestionsPerDay': 0 } });
    try {
      const { page } = wb;
      const status = page.locator('.statusbar-item:has-text("3 due")');
      await status.waitFor({ timeout: 60_000 });
      await shot(page, 'status-bar-due');
      await status.click();
      for (let i = 0; i < 3; i++) {
        const frame = await webviewFrame(page, '#reveal:visible', { timeout: 30_000 });
        const title = await frame.locator('#title').innerText();
        assert.ok(due.some((q) => q.title === title), `"${title}" is one of the due questions`);
        await frame.locator('#draft').focus();
        await page.keyboard.type('Outline: position first, then the structure, then numbers.');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
        await frame.locator('#answer').waitFor({ state: 'visible' });
        if (i === 1) await shot(page, 'review-in-progress');
        await page.keyboard.press('3');
        // Grading Good with nothing ticked needs a confirming second press: the UI resists generous grades.
        await frame.locator('#grade-result:has-text("Press 3 again")').waitFor();
        await page.keyboard.press('3');
        await frame.locator('#grade-result:has-text("Graded Good")').waitFor();
        await page.keyboard.press('n');
        if (i < 2) await frame.locator('#reveal').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
      }
      await page.locator('.notification-toast:has-text("Review finished")').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.statusbar-item:has-text("due")').count(), 0, 'nothing is due any more');
    } finally {
      await wb.close();
    }
  });
});

describe('UI journey: review AI-written code as real files', function () {
  this.timeout(240_000);

  it('comments one right, one wrong and one dismissive point; sees exactly one judged match, then self-marks a defect', async () => {
    const sample = content.workSamples.find((w) => w.id === 'token-bucket-rate-limiter');
    const wb = await openWorkbench();
    try {
      const { page } = wb;
      await runCommand(page, 'Interview Practice: Open Work Sample');
      await page.locator('.quick-input-widget input.input').fill(sample.title.split(' ').slice(-3).join(' '));
      await page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(sample.title)})`).first().click();
      const panel = await webviewFrame(page, '#submit-review');
      await sampleSettled(page, 2);
      // What a person sees at 1,400 px: the code gets most of the editor area (it had half), the task a side column.
      const [codeWidth, taskWidth] = await page.locator('.editor-group-container').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      assert.ok(codeWidth / (codeWidth + taskWidth) > 0.65 && taskWidth > 250, `code column ${codeWidth}px, task column ${taskWidth}px`);
      const file = 'rate-limiter.js';
      await page.locator(`.tab:has-text(${JSON.stringify(file)})`).first().click();
      const text = sample.files.find((f) => f.path === file).text;
      const lineOf = (code) => text.slice(0, text.indexOf(code)).split('\n').length;
      await commentOnLine(page, lineOf('const refilled = elapsed * this.refillPerSecond;'), 'Off by three orders of magnitude: the timestamp delta is in milliseconds and is never converted before it is multiplied by the per-second rate.');
      await commentOnLine(page, lineOf('const tokens = state.tokens + refilled;'), 'This should round down with Math.floor, fractional tokens will confuse API clients.');
      await commentOnLine(page, lineOf('(await this.store.get(key))'), 'No race here, JS is single-threaded so this is fine.');
      await shot(page, 'review-comment');
      await panel.locator('#submit-review').click();
      const result = await webviewFrame(page, '#review-result');
      assert.equal(await result.locator('#judged-count').innerText(), '1', 'exactly one judged match');
      const found = result.locator('li.defect[data-judged="found"]');
      assert.equal(await found.count(), 1);
      assert.equal(await found.getAttribute('data-defect'), 'refill-unit-ms');
      assert.match(await found.locator('.reason').innerText(), /Concepts stated/);
      // The dismissal is listed with the reason it earned nothing.
      assert.match(await result.locator('ul.unmatched').innerText(), /approves the code or denies a problem/);
      const judged = Number(await result.locator('#judged-score').innerText());
      assert.ok(judged > 0 && judged < 100, `a partial review (got ${judged})`);
      // Missed defects appear in the editor as comments from the reference reviewer, at their lines.
      await page.locator('.review-widget:has-text("Reference reviewer")').first().waitFor({ timeout: 15_000 });
      await shot(page, 'review-graded');
      // The user has the last word: claim a defect the judge did not credit.
      await result.locator('li.defect[data-defect="uncapped-burst"] button.mark[data-covered="true"]').click();
      const marked = await webviewFrame(page, '#self-count', { timeout: 30_000 });
      assert.equal(await marked.locator('#self-count').innerText(), '1');
      assert.equal(await marked.locator('#judged-count').innerText(), '1', 'the judged count is unchanged by a self-mark');
      assert.equal(await marked.locator('li.defect[data-defect="uncapped-burst"] button.mark[data-covered="true"]').getAttribute('aria-pressed'), 'true');
      const withMarks = Number((await marked.locator('#score').innerText()).replace('%', ''));
      assert.ok(withMarks > judged, `the score with marks (${withMarks}) is above the judged score (${judged})`);
      // What a person sees: the judged row is marked by a coloured rule, not just present.
      const border = await marked.locator('li.defect[data-judged="found"]').evaluate((el) => getComputedStyle(el).borderLeftColor);
      const plain = await marked.locator('li.defect[data-judged="missed"]').first().evaluate((el) => getComputedStyle(el).borderLeftColor);
      assert.notEqual(border, plain);
      await shot(page, 'review-self-marked');
    } finally {
      await wb.close();
    }
  });
});

describe('UI journeys: mock interview and readiness dashboard', function () {
  this.timeout(240_000);

  it('runs a 2-question mock interview and ends on the transcript with its scorecard', async () => {
    const wb = await openWorkbench();
    try {
      const { page } = wb;
      await runCommand(page, 'Interview Practice: Start Mock Interview');
      // Topics: keep them all; difficulty: any; length: two questions.
      await page.locator('.quick-input-widget .quick-input-list').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row:has-text("Any difficulty")').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row:has-text("2 questions")').first().click();
      // Answer and grade until the transcript (an untitled document named after its first line) opens.
      const transcriptTab = page.locator('.tab:has-text("Mock interview —")');
      for (let step = 0; step < 12 && !(await transcriptTab.count()); step++) {
        const frame = await Promise.race([
          webviewFrame(page, '#answer-text, #grade', { timeout: 30_000 }).catch(() => undefined),
          transcriptTab.first().waitFor({ timeout: 30_000 }).then(() => undefined, () => undefined),
        ]);
        if (!frame) break;
        if (await frame.locator('#answer-text').count()) {
          if (step === 0) await shot(page, 'mock-question');
          await frame.locator('#answer-text').fill('I would start with the position, then the structure, then the numbers I would measure.');
          await frame.locator('#submit').click();
        } else {
          await frame.locator('input.kp').first().check();
          await frame.locator('#grade').click();
        }
        await frame.locator('#submit, #grade').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
      }
      await page.locator('.tab:has-text("Mock interview —")').first().waitFor({ timeout: 30_000 });
      // The transcript opens rendered in the Markdown preview (test/ui/mock.test.mjs); its source is one click away.
      await showTranscriptSource(page);
      await page.locator('.view-lines:has-text("Scorecard")').first().waitFor();
      const transcript = (await page.locator('.editor-group-container.active .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
      assert.match(transcript, /2 questions, mixed difficulty, 15 minutes planned/);
      await shot(page, 'mock-transcript');
    } finally {
      await wb.close();
    }
  });

  it('shows the readiness dashboard with charts and their text equivalents', async () => {
    const progress = content.questions.slice(0, 25).map((q, i) => ({ v: 1, kind: 'review', eid: `seed-d-${i}-abcdef`, id: q.id, rating: 1 + (i % 4), at: daysAgo(1 + (i % 20), 8 + (i % 10)) }));
    const wb = await openWorkbench({ progress, settings: { 'interviewPractice.interviewDate': new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10) } });
    try {
      const { page } = wb;
      await runCommand(page, 'Interview Practice: Show Readiness Dashboard');
      const frame = await webviewFrame(page, '#overall', { timeout: 30_000 });
      assert.match(await frame.locator('#overall').innerText(), /^\d+%$/);
      assert.equal(await frame.locator('svg[role="img"]').count(), 3);
      assert.match(await frame.locator('#plan').innerText(), /reviews a day/);
      await shot(page, 'dashboard');
    } finally {
      await wb.close();
    }
  });
});
