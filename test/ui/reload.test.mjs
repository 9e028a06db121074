// Every panel comes back from a window reload as the user left it: its content and its state
// (review queue, judgement, mock question, dashboard numbers), its stylesheet actually applied,
// and pages rendered afresh with the new window's resource URIs (never HTML cached from before).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { bank, commentOnLine, daysAgo, openTopicsView, openWorkbench, runCommand, shot, treeRow, webviewFrame, sampleSettled } from './workbench.mjs';

const content = bank();
const mainQuestions = content.questions.filter((q) => q.kind !== 'follow-up');

/** Makes the editor titled `title` the active one (with wrapped tabs every tab is on screen). */
async function showTab(page, title) {
  const tab = page.locator(`.tabs-container .tab:has-text(${JSON.stringify(title)})`).first();
  await tab.waitFor({ timeout: 60_000 });
  await tab.click();
}

/** What proves a webview's page is this window's render with its stylesheet applied. */
async function pageFacts(frame) {
  // A webview whose document VS Code is swapping (a re-render right after the reload) can leave
  // evaluate() waiting forever on the outgoing frame; after 20 s it counts as a navigation, so
  // stable() looks the panel up again.
  let timer;
  const stuck = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Execution context was destroyed (no answer in 20 s: the webview was navigating)')), 20_000)));
  try {
    return await Promise.race([readFacts(frame), stuck]);
  } finally {
    clearTimeout(timer);
  }
}

function readFacts(frame) {
  return frame.evaluate(async () => {
    // Our styles are inline, admitted by nonce (VS Code prepends its own #_defaultStyles, before
    // the CSP); a page read just after it appeared may still be parsing: give it 10 s.
    const ours = 'style:not(#_defaultStyles)';
    for (let i = 0; i < 50 && !document.querySelector(ours)?.sheet; i++) await new Promise((r) => setTimeout(r, 200));
    const style = document.querySelector(ours);
    const script = document.querySelector('script[src]');
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const sheet = style?.sheet;
    let rules = 0;
    try {
      rules = sheet?.cssRules.length ?? 0;
    } catch {
      rules = -1;
    }
    const body = getComputedStyle(document.body);
    const root = getComputedStyle(document.documentElement);
    return {
      scriptSrc: script?.src ?? '',
      // Browsers hide the attribute once the element is parsed; the property keeps it.
      nonce: script?.nonce ?? '',
      styleNonce: style?.nonce ?? '',
      styleCount: document.querySelectorAll(`${ours}, link[rel="stylesheet"]`).length,
      styleSrc: /style-src ([^;]+)/.exec(csp)?.[1]?.trim() ?? '',
      resourceSrc: /img-src ([^;]+)/.exec(csp)?.[1]?.trim() ?? '',
      rules,
      bodyFont: body.fontFamily,
      bodyColor: body.color,
      themeFont: root.getPropertyValue('--vscode-font-family').trim(),
      themeColor: root.getPropertyValue('--vscode-foreground').trim(),
    };
  });
}

/** The stylesheet applied (admitted by this render's nonce), and the script's URL under the resource origin this render was given. */
function assertFreshAndStyled(name, facts, before, authority) {
  assert.ok(facts.rules > 0, `${name}: the stylesheet applied (${facts.rules} rules)`);
  assert.equal(facts.styleCount, 1, `${name}: one stylesheet, our own`);
  assert.equal(facts.styleSrc, `'nonce-${facts.styleNonce}'`, `${name}: the CSP admits styles only by this page's nonce`);
  assert.ok(facts.styleNonce && facts.styleNonce !== before.styleNonce, `${name}: a new nonce, so the page was rendered after the reload, not replayed`);
  if (facts.scriptSrc) {
    // The CSP's resource sources may be wildcards (https://*.vscode-cdn.net).
    const origins = facts.resourceSrc.split(/\s+/).filter((o) => o.includes('://')).map((o) => new RegExp(`^${o.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}/`));
    assert.ok(origins.some((o) => o.test(facts.scriptSrc)) && facts.scriptSrc.includes(authority), `${name}: script ${facts.scriptSrc} is under ${facts.resourceSrc} and this window's resource authority ${authority}`);
    assert.equal(facts.nonce, facts.styleNonce, `${name}: the script carries the same fresh nonce`);
  }
  // Body text follows the theme: the --vscode-* variables, not the browser's defaults.
  assert.ok(facts.themeFont && facts.bodyFont.replace(/[\s"']/g, '') === facts.themeFont.replace(/[\s"']/g, ''), `${name}: body font ${facts.bodyFont} is the theme's ${facts.themeFont}`);
  assert.notEqual(facts.bodyColor, 'rgb(0, 0, 0)', `${name}: body text is the theme's foreground, not the UA black`);
}

/**
 * Runs `check` again when the webview it reads is replaced under it: a panel re-renders when the
 * due state or settings report in after the reload, and each render swaps the webview's document.
 */
async function stable(page, check) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await check();
    } catch (e) {
      if (attempt >= 4 || !/detached|navigat|Execution context was destroyed/i.test(String(e?.message))) throw e;
      await page.waitForTimeout(1000);
    }
  }
}

/** How VS Code names the current window's server in webview resource URLs: vscode-remote+127-002e0-002e0-002e1-003a39101. */
function resourceAuthority(page) {
  const host = new URL(page.url()).host;
  return `vscode-remote+${host.replace(/[^a-z0-9]/g, (c) => `-${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}

const colour = (frame, selector, prop) => frame.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], prop);

describe('UI journey: every panel survives a window reload', function () {
  this.timeout(420_000);
  // As in journeys.test.mjs: one retry on a fresh code-server for VS Code's own reload, which has
  // stalled once late in a long suite on this machine; a second failure fails the suite.
  this.retries(1);

  it('reloads with a question, the review queue, a judged work sample, a mock interview, the dashboard and a topic open, and finds each as it was, styled', async () => {
    const due = mainQuestions.slice(0, 5);
    const history = content.questions.slice(10, 30).map((q, i) => ({ v: 1, kind: 'review', eid: `seed-h-${i}-abcdef`, id: q.id, rating: 1 + (i % 4), at: daysAgo(1 + (i % 3), 8 + (i % 10)) }));
    const progress = [...due.map((q, i) => ({ v: 1, kind: 'review', eid: `seed-due-${i}-abcdef`, id: q.id, rating: 3, at: daysAgo(60 + i) })), ...history];
    const wb = await openWorkbench({ progress, width: 1600, height: 1000, settings: { 'interviewPractice.newQuestionsPerDay': 0, 'workbench.editor.wrapTabs': true } });
    try {
      const { page } = wb;
      const before = {};

      // 1. A question, answer revealed (one not in the review queue, so its panel is its own).
      await openTopicsView(page);
      const topic = content.topics.find((tp) => mainQuestions.some((q) => q.topic === tp.id && !due.includes(q)));
      const question = mainQuestions.find((q) => q.topic === topic.id && !due.includes(q));
      await treeRow(page, topic.title).click();
      await treeRow(page, question.title).click();
      let frame = await webviewFrame(page, '#reveal', { where: async (f) => (await f.locator('#title').innerText()) === question.title });
      await frame.locator('#reveal').click();
      await frame.locator('#answer').waitFor({ state: 'visible' });
      before.question = await pageFacts(frame);

      // 2. The topic overview, from the tree's inline action.
      await treeRow(page, topic.title).hover();
      await treeRow(page, topic.title).locator('.action-label[aria-label="Open Topic Overview"]').click();
      frame = await webviewFrame(page, '#questions', { where: async (f) => (await f.locator('#title').innerText()) === topic.title });
      before.topic = await pageFacts(frame);

      // 3. The review queue, advanced once: one graded, "Review: … (N more)" one shorter.
      await runCommand(page, 'Interview Practice: Review Due Questions');
      frame = await webviewFrame(page, '#reveal:visible', { where: async (f) => (await f.locator('body').getAttribute('data-review')) === 'true' });
      const firstReview = (await page.locator('.tabs-container .tab:has-text("Review:")').first().getAttribute('aria-label')) ?? '';
      const queued = Number(/\((\d+) more\)/.exec(firstReview)?.[1]);
      assert.ok(queued >= 4, `several due questions are queued ("${firstReview}")`);
      await frame.locator('#reveal').click();
      await frame.locator('#answer').waitFor({ state: 'visible' });
      await frame.locator('#prompt').click();
      // Good, not Again: an Again card falls due again within minutes and would change the dashboard's count mid-test.
      await page.keyboard.press('3');
      await frame.locator('#grade-result:has-text("Press 3 again")').waitFor();
      await page.keyboard.press('3');
      await frame.locator('#grade-result:has-text("Graded")').waitFor();
      await page.keyboard.press('n');
      const more = `(${queued - 1} more)`;
      const reviewTab = page.locator(`.tabs-container .tab:has-text(${JSON.stringify(more)})`);
      await reviewTab.waitFor({ timeout: 30_000 });
      const reviewTitle = (await reviewTab.first().getAttribute('aria-label')) ?? '';
      frame = await webviewFrame(page, '#reveal:visible', { where: async (f) => (await f.locator('body').getAttribute('data-review')) === 'true' });
      const reviewQuestion = await frame.locator('#title').innerText();
      assert.ok(reviewTitle.includes(`Review: ${reviewQuestion} ${more}`), `review tab "${reviewTitle}"`);
      before.review = await pageFacts(frame);

      // 4. A work sample after Submit Review: one judged match.
      const sample = content.workSamples.find((w) => w.id === 'token-bucket-rate-limiter');
      await runCommand(page, 'Interview Practice: Open Work Sample');
      await page.locator('.quick-input-widget input.input').fill(sample.title.split(' ').slice(-3).join(' '));
      await page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(sample.title)})`).first().click();
      frame = await webviewFrame(page, '#submit-review');
      await sampleSettled(page, 2);
      const file = 'rate-limiter.js';
      await page.locator(`.tab:has-text(${JSON.stringify(file)})`).first().click();
      const text = sample.files.find((f) => f.path === file).text;
      const lineOf = (code) => text.slice(0, text.indexOf(code)).split('\n').length;
      await commentOnLine(page, lineOf('const refilled = elapsed * this.refillPerSecond;'), 'Off by three orders of magnitude: the timestamp delta is in milliseconds and is never converted before it is multiplied by the per-second rate.');
      await frame.locator('#submit-review').click();
      frame = await webviewFrame(page, '#review-result');
      const judged = await frame.locator('#judged-count').innerText();
      const judgedScore = await frame.locator('#judged-score').innerText();
      assert.equal(judged, '1');
      before.sample = await pageFacts(frame);

      // 5. A mock interview, mid-way: the first question answered and graded, the second one showing.
      await runCommand(page, 'Interview Practice: Start Mock Interview');
      await page.locator('.quick-input-widget .quick-input-list').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row:has-text("Any difficulty")').first().waitFor();
      await page.keyboard.press('Enter');
      // Typed, not clicked: the previous step's list can linger hidden under the new one.
      await page.locator('.quick-input-widget .quick-input-title:has-text("3/3")').waitFor();
      await page.locator('.quick-input-widget input.input').fill('3 questions');
      await page.locator('.quick-input-list .monaco-list-row:visible:has-text("3 questions")').first().waitFor();
      await page.keyboard.press('Enter');
      frame = await webviewFrame(page, '#answer-text');
      const firstMock = await frame.locator('#title').innerText();
      await frame.locator('#answer-text').fill('Position first, then the structure, then the numbers I would measure.');
      await frame.locator('#submit').click();
      frame = await webviewFrame(page, '#grade');
      await frame.locator('input.kp').first().check();
      await frame.locator('#grade').click();
      frame = await webviewFrame(page, '#answer-text', { where: async (f) => (await f.locator('#title').innerText()) !== firstMock });
      const mockTitle = await frame.locator('#title').innerText();
      const mockTopic = await frame.locator('#topic').innerText().catch(() => '');
      before.mock = await pageFacts(frame);

      // 6. The dashboard, last, so it shows the grade above.
      await runCommand(page, 'Interview Practice: Show Readiness Dashboard');
      frame = await webviewFrame(page, '#overall');
      const overall = await frame.locator('#overall').innerText();
      const dueNow = await frame.locator('#due-now').innerText();
      assert.match(overall, /^\d+%$/);
      before.dashboard = await pageFacts(frame);

      // Reload the way a user does, which lets VS Code save every panel's state first.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      const authority = resourceAuthority(page);
      // What the Topics view says while the extension activates: a loading line, never VS Code's
      // "no data provider" or a false "the bank may be missing".
      const sidebarSaid = new Set();
      const reloadedAt = Date.now();
      let treeRowsAt;
      const sidebarWatch = (async () => {
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          const text = await page.locator('.sidebar').first().innerText().catch(() => '');
          if (text) sidebarSaid.add(text.replace(/\s+/g, ' ').slice(0, 300));
          if ((await page.locator('.sidebar .monaco-list-row').count().catch(() => 0)) > 0) return void (treeRowsAt = Date.now());
          await page.waitForTimeout(100);
        }
      })();

      // The dashboard was in front: it must come back without a click, and fast (it once stayed blank for 16 s).
      const restoreStarted = Date.now();
      frame = await webviewFrame(page, '#overall', { timeout: 60_000 });
      const restoreMs = Date.now() - restoreStarted;
      await stable(page, async () => {
        frame = await webviewFrame(page, '#overall', { timeout: 60_000 });
        assert.equal(await frame.locator('#overall').innerText(), overall, 'dashboard: same overall readiness');
        assert.equal(await frame.locator('#due-now').innerText(), dueNow, 'dashboard: same number due now');
        const facts = await pageFacts(frame);
        assertFreshAndStyled('dashboard', facts, before.dashboard, authority);
        // Without the stylesheet every bar and track is a full black rect: the fills must be theme colours, the track unlike the bar.
        const track = await colour(frame, 'svg rect.track', 'fill');
        const bar = await colour(frame, 'svg rect.bar', 'fill');
        assert.notEqual(track, 'rgb(0, 0, 0)', 'dashboard: the readiness track is not the SVG default black');
        assert.notEqual(bar, 'rgb(0, 0, 0)', 'dashboard: a readiness bar is not the SVG default black');
        assert.notEqual(track, bar, 'dashboard: a bar stands out from its track (0 % and more look different)');
      });
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'reload-panels.png') });

      await showTab(page, 'Mock Interview');
      await stable(page, async () => {
        frame = await webviewFrame(page, '#answer-text', { timeout: 60_000 });
        assert.equal(await frame.locator('#title').innerText(), mockTitle, 'mock: the same current question');
        if (mockTopic) assert.equal(await frame.locator('#topic').innerText(), mockTopic, 'mock: the same topic badge');
        const facts = await pageFacts(frame);
        assertFreshAndStyled('mock', facts, before.mock, authority);
        const submitBg = await colour(frame, '#submit', 'backgroundColor');
        assert.ok(!['rgba(0, 0, 0, 0)', 'rgb(239, 239, 239)', 'rgb(240, 240, 240)'].includes(submitBg), `mock: Submit has a theme background (${submitBg}), not the UA default`);
      });

      await showTab(page, `Task: ${sample.title}`);
      await stable(page, async () => {
        frame = await webviewFrame(page, '#review-result', { timeout: 60_000 });
        assert.equal(await frame.locator('#judged-count').innerText(), judged, 'work sample: the judged count came back');
        assert.equal(await frame.locator('#judged-score').innerText(), judgedScore, 'work sample: the judged score came back');
        const facts = await pageFacts(frame);
        assertFreshAndStyled('work sample', facts, before.sample, authority);
        const found = await colour(frame, 'li.defect[data-judged="found"]', 'borderLeftColor');
        const missed = await colour(frame, 'li.defect[data-judged="missed"]', 'borderLeftColor');
        assert.notEqual(found, missed, 'work sample: a found defect is marked by its coloured rule');
      });

      await showTab(page, `Review: ${reviewQuestion}`);
      await stable(page, async () => {
        frame = await webviewFrame(page, '#title', { timeout: 60_000, where: async (f) => (await f.locator('body').getAttribute('data-review')) === 'true' });
        assert.equal(await frame.locator('#title').innerText(), reviewQuestion, 'review: the same question');
        const restoredTitle = (await page.locator('.tabs-container .tab:has-text("Review:")').first().getAttribute('aria-label')) ?? '';
        assert.ok(restoredTitle.includes(`Review: ${reviewQuestion} ${more}`), `review: the queue is intact ("${restoredTitle}")`);
        const facts = await pageFacts(frame);
        assertFreshAndStyled('review', facts, before.review, authority);
        const revealBg = await colour(frame, '#reveal', 'backgroundColor');
        assert.ok(!['rgba(0, 0, 0, 0)', 'rgb(239, 239, 239)', 'rgb(240, 240, 240)'].includes(revealBg), `review: Reveal has a theme background (${revealBg})`);
      });

      await showTab(page, question.title);
      await stable(page, async () => {
        frame = await webviewFrame(page, '#answer', { timeout: 60_000, where: async (f) => (await f.locator('#title').innerText()) === question.title });
        assert.equal(await frame.locator('#answer').isVisible(), true, 'question: the revealed answer stays revealed');
        const facts = await pageFacts(frame);
        assertFreshAndStyled('question', facts, before.question, authority);
      });

      await showTab(page, topic.title);
      await stable(page, async () => {
        frame = await webviewFrame(page, '#questions', { timeout: 60_000, where: async (f) => (await f.locator('#title').innerText()) === topic.title });
        assert.ok((await frame.locator('#questions a, #questions button').count()) > 0, 'topic: its question list is there');
        const facts = await pageFacts(frame);
        assertFreshAndStyled('topic', facts, before.topic, authority);
      });

      // For comparison: the Topics tree's rows need the extension host up and our provider registered, like the dashboard.
      console.log(`      dashboard restored ${restoreMs} ms after the workbench came back; the Topics tree had rows after ${treeRowsAt ? treeRowsAt - reloadedAt : '—'} ms`);
      await sidebarWatch;
      const said = [...sidebarSaid].join('\n');
      // code-server still shows VS Code's own "no data provider" line for a moment before the
      // extension's contributions arrive; what the extension controls is checked.
      assert.doesNotMatch(said, /No questions are loaded/i, `the Topics view during activation said:\n${said}`);
      console.log(`      Topics view during the reload: ${/no data provider/i.test(said) ? 'showed VS Code’s "no data provider" line for a moment' : 'never showed "no data provider"'}`);
      await shot(page, 'reload-panels-end');
    } finally {
      await wb.close();
    }
  });
});
