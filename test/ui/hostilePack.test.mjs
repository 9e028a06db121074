// A hostile team pack in a REAL VS Code (code-server + Chromium), used the way a person would:
// hover its tree rows, open its question and click its link, search the bank, review its work
// sample with comments that carry image beacons, read the Problems panel, and run tests that try
// to leave processes behind. A local listener stands in for every outside host: Chromium and the
// code-server process (extension host included) send everything not addressed to 127.0.0.1
// through it, so any fetch a payload causes is recorded there. The suite fails on any such
// request, any browser dialog, any script the workbench had to block, any surviving process, or
// any lost keystroke.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bank, commentOnLine, openTopicsView, openWorkbenchFrom, runCommand, sampleSettled, shot, treeRow, webviewFrame } from './workbench.mjs';

const BEACON = 'https://beacon.invalid';
const TOPIC_TITLE = 'Team beacon topic';
const QUESTION_TITLE = 'Beacon question <img src=x> ![t](https://beacon.invalid/title.png)';
const SLEEP_ARG = '777';

const question = (title, prompt, answer) =>
  `---\ntitle: ${title}\nkind: question\ndifficulty: senior\nminutes: 3\ntags: [team, pack]\n---\n# Prompt\n${prompt}\n\n# Answer\n${answer}\n\n# Key points\n- one ![k](${BEACON}/key-point.png)\n- two\n- three\n\n# Strong signals\n- s\n\n# Weak signals\n- w\n`;

const sample = (title, topic) => `---
title: ${title}
kind: work-sample
topic: ${topic}
difficulty: senior
minutes: 10
tags: [review, counter]
runnable: false
---
# Prompt
Review the counter. ![beacon](${BEACON}/sample-prompt.png) <img src="${BEACON}/sample-html.png"> [quit](command:workbench.action.quit)

# Reference review
It never caps. ![r](${BEACON}/reference.png)

# Defects
## no-cap
- file: counter.js
- anchor: \`this.n += by;\`
- severity: critical
- concept: the count is never capped at the maximum
- terms: [cap, maximum]

### Why it matters
Unbounded. ![beacon](${BEACON}/why.png)

### Fix
Cap it.
`;
const COUNTER = 'export class Counter {\n  add(by = 1) {\n    this.n += by;\n  }\n}\n';

/** Writes the pack into `<workspace>/.practice` and a secret folder its `files/` link points at. */
function writePack(workspace, bankQuestion) {
  const root = join(workspace, '.practice');
  const write = (rel, data) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), data);
  };
  write('topics/team-beacon.md', `---\ntitle: ${TOPIC_TITLE}\norder: 90\n---\n# Summary\nOurs. ![s](${BEACON}/topic-summary.png) <img src="${BEACON}/topic-html.png">\n`);
  write(
    'questions/team-beacon/team-beacon-question.md',
    question(
      QUESTION_TITLE,
      `What now? ![beacon](${BEACON}/prompt.png) <img src="${BEACON}/prompt-html.png"> [quit](command:workbench.action.quit)`,
      `Read [the docs](${BEACON}/docs) first. ![a](${BEACON}/answer.png) <iframe src="${BEACON}/frame"></iframe>`,
    ),
  );
  // A sample named like a bundled question: it used to break search for everything.
  write(`work-samples/${bankQuestion.id}/sample.md`, sample('Hijack a question id', 'team-beacon'));
  write(`work-samples/${bankQuestion.id}/files/counter.js`, COUNTER);
  write('work-samples/team-counter/sample.md', sample('Team counter review', 'team-beacon'));
  write('work-samples/team-counter/files/counter.js', COUNTER);
  // files -> a folder outside the pack (think ~/.ssh).
  const secret = mkdtempSync(join(tmpdir(), 'ip-secret-'));
  writeFileSync(join(secret, 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
  write('work-samples/team-keys/sample.md', sample('Team keys', 'team-beacon'));
  symlinkSync(secret, join(root, 'work-samples', 'team-keys', 'files'), 'dir');
  return secret;
}

/** Processes (Linux /proc) whose command line is `sleep 777`: what the hostile test file starts. */
function sleepers() {
  if (process.platform !== 'linux') return [];
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .flatMap((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return cmd.some((a) => /(^|\/)sleep$/.test(a)) && cmd.includes(SLEEP_ARG) ? [Number(pid)] : [];
      } catch {
        return [];
      }
    });
}

describe('UI hardening: a hostile team pack, with a local listener standing in for every outside host', function () {
  this.timeout(420_000);
  const bankQuestion = bank().questions.find((q) => q.kind === 'question');
  const bankSample = bank().workSamples.find((w) => w.id === 'token-bucket-rate-limiter');
  /** What reached the stand-in for the outside world. */
  const hits = [];
  const requests = [];
  const dialogs = [];
  const blocked = [];
  const listeners = [];
  let wb;
  let workspace;
  let practice;
  let secret;

  before(async () => {
    assert.ok(bankQuestion && bankSample, 'the bank has a question and the token-bucket sample');
    // Two stand-ins, so a request is attributed: one for Chromium (workbench and webviews), one for
    // the code-server process (its extension hosts, ours included).
    const stand = async (who) => {
      const server = createServer((req, res) => {
        hits.push(`${who}: ${req.method} ${req.url}`);
        res.writeHead(404).end();
      });
      server.on('connect', (req, socket) => {
        hits.push(`${who}: CONNECT ${req.url}`);
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      listeners.push(server);
      return `http://127.0.0.1:${server.address().port}`;
    };
    const proxy = await stand('browser');
    const serverProxy = await stand('code-server');
    workspace = mkdtempSync(join(tmpdir(), 'ip-hostile-ws-'));
    practice = mkdtempSync(join(tmpdir(), 'ip-hostile-practice-'));
    secret = writePack(workspace, bankQuestion);
    wb = await openWorkbenchFrom({
      workspace,
      proxy,
      serverEnv: { HTTP_PROXY: serverProxy, HTTPS_PROXY: serverProxy, http_proxy: serverProxy, https_proxy: serverProxy, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
      settings: { 'http.proxy': serverProxy, 'http.proxySupport': 'override', 'interviewPractice.practiceFolder': practice },
      beforeLoad: (page, context) => {
        context.on('request', (req) => requests.push(req.url()));
        page.on('dialog', (d) => {
          dialogs.push(`${d.type()}: ${d.message()}`);
          void d.dismiss();
        });
        page.on('console', (m) => /Refused to (execute|load|apply|connect|frame)/i.test(m.text()) && blocked.push(m.text().slice(0, 200)));
      },
    });
  });
  after(async () => {
    await wb?.close();
    await Promise.all(listeners.map((l) => new Promise((resolve) => l.close(resolve))));
    for (const dir of [workspace, practice, secret]) if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    for (const pid of sleepers()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });

  it('hovering the pack’s tree rows shows its text, and fetches none of its images', async () => {
    const { page } = wb;
    await openTopicsView(page);
    await treeRow(page, TOPIC_TITLE).click();
    const row = treeRow(page, 'Beacon question');
    await row.waitFor();
    assert.ok((await row.innerText()).includes('<img src=x>'), 'the tree label shows the markup as text');
    await row.hover();
    const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').filter({ hasText: 'What now' }).first();
    await hover.waitFor({ timeout: 15_000 });
    assert.equal(await hover.locator('img').count(), 0, 'no image element in the tooltip');
    await shot(page, 'hostile-pack-tooltip');
    await page.mouse.move(700, 850);
  });

  it('opens the pack question: every keystroke of a fast draft arrives, and its link opens only after a confirmation that Cancel really cancels', async () => {
    const { page, context } = wb;
    await treeRow(page, 'Beacon question').click();
    const frame = await webviewFrame(page, '#reveal');
    const draft = 'Fast typing: idempotency keys, outbox + relay, p99 < 250 ms; {braces} [brackets] (parens) "quotes" \'single\' <tags> & ümlauts — 42%. '.repeat(3);
    await frame.locator('#draft').click();
    await page.keyboard.type(draft);
    assert.equal(await frame.locator('#draft').inputValue(), draft, 'the draft holds exactly what was typed');
    await frame.locator('#reveal').click();
    await frame.locator('#answer').waitFor({ state: 'visible' });
    assert.equal(await frame.locator('main img, main iframe').count(), 0, 'no image or frame in the panel');
    // A note past its limit (50,000 characters, pasted at once) is refused where the user sees it, not dropped.
    const note = frame.locator('#note');
    await note.fill('x'.repeat(50_001));
    const counter = frame.locator('#note + .text-limit');
    await counter.waitFor({ state: 'visible' });
    assert.match(await counter.innerText(), /^1 characters over the 50,000-character limit: the note is not saved until you shorten it\.$/);
    assert.equal(await note.getAttribute('aria-invalid'), 'true');
    await frame.waitForTimeout(1500);
    assert.notEqual(await frame.locator('#note-status').innerText(), 'Note saved.', 'the oversized note was not saved');
    await note.fill('A short note.');
    await frame.locator('#note-status', { hasText: 'Note saved.' }).waitFor();
    assert.equal(await counter.isHidden(), true, 'the counter goes away once the note is short');
    const pagesBefore = context.pages().length;
    await frame.locator('#answer a.external-link', { hasText: 'the docs' }).click();
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'beacon.invalid/docs' });
    await dialog.waitFor({ timeout: 15_000 });
    await shot(page, 'hostile-pack-link-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // A round trip through the host (F flags the question) after Cancel: anything the click started has happened by now.
    await frame.locator('#prompt').click();
    await page.keyboard.press('f');
    await frame.locator('#flag[aria-pressed="true"]').waitFor();
    assert.equal(context.pages().length, pagesBefore, 'no browser tab was opened');
  });

  it('search still finds the bundled question the pack tried to shadow, and it opens as itself', async () => {
    const { page } = wb;
    await runCommand(page, 'Interview Practice: Search Questions');
    await page.locator('.quick-input-widget input.input').fill(bankQuestion.title);
    await page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(bankQuestion.title)})`).first().waitFor();
    await page.keyboard.press('Enter');
    const frame = await webviewFrame(page, '#title', { where: async (f) => (await f.locator('#title').innerText()) === bankQuestion.title });
    assert.equal(await frame.locator('#title').innerText(), bankQuestion.title);
  });

  it('names the clash and the symlink out of the pack in the Problems panel, at their files', async () => {
    const { page } = wb;
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel');
    await markers.locator(`.monaco-list-row:has-text("duplicate id")`).first().waitFor({ timeout: 20_000 });
    const text = await markers.innerText();
    assert.match(text, new RegExp(`duplicate id "${bankQuestion.id}"`));
    assert.match(text, /outside the content folder/);
    assert.doesNotMatch(text, /PRIVATE KEY/);
    await shot(page, 'hostile-pack-problems');
  });

  it('reviews the pack’s work sample with comments carrying beacons: they show as text and load nothing', async () => {
    const { page } = wb;
    await runCommand(page, 'Interview Practice: Open Work Sample');
    await page.locator('.quick-input-widget input.input').fill('Team counter review');
    await page.locator('.quick-input-list .monaco-list-row:has-text("Team counter review")').first().click();
    const panel = await webviewFrame(page, '#submit-review', { where: async (f) => (await f.locator('#title').innerText()) === 'Team counter review' });
    await sampleSettled(page);
    assert.equal(await panel.locator('main img').count(), 0, 'the task shows no image');
    await page.locator('.tab:has-text("counter.js")').first().click();
    await commentOnLine(page, 3, `Never capped: the count grows past the maximum. ![pixel](${BEACON}/comment.png) <img src="${BEACON}/comment-html.png"> [run](command:workbench.action.quit)`);
    assert.equal(await page.locator('.review-widget img').count(), 0, 'no image in the comment thread');
    await panel.locator('#submit-review').click();
    const result = await webviewFrame(page, '#review-result');
    assert.equal(await result.locator('li.defect[data-judged="found"]').count(), 1, 'the comment earned the planted defect');
    await page.locator('.review-widget:has-text("Never capped")').first().waitFor();
    assert.equal(await page.locator('.review-widget img').count(), 0, 'no image in any comment after Submit Review');
  });

  it('Run My Tests stops the processes a hostile test leaves behind (setsid, detached) and says so', async function () {
    if (process.platform !== 'linux') this.skip();
    const { page } = wb;
    await runCommand(page, 'Interview Practice: Open Work Sample');
    await page.locator('.quick-input-widget input.input').fill(bankSample.title.split(' ').slice(-3).join(' '));
    await page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(bankSample.title)})`).first().click();
    const panel = await webviewFrame(page, '#run-tests', { where: async (f) => (await f.locator('#title').innerText()) === bankSample.title });
    const testFile = join(practice, bankSample.id, bankSample.testFile);
    assert.ok(existsSync(testFile), `the sample was copied to ${testFile}`);
    const original = readFileSync(testFile, 'utf8');
    writeFileSync(testFile, original.replace("import { test } from 'node:test';", `import { test } from 'node:test';\nimport { spawn as escape } from 'node:child_process';\nescape('setsid', ['sleep', '${SLEEP_ARG}'], { detached: true, stdio: 'ignore' }).unref();\nescape('sleep', ['${SLEEP_ARG}'], { detached: true, stdio: 'ignore' }).unref();`));
    // VS Code reloads the (unmodified) open document from disk; Run My Tests reads the document.
    await page.locator(`.tab:has-text(${JSON.stringify(bankSample.testFile)})`).first().click();
    await page.locator('.editor-group-container.active .view-lines:has-text("setsid")').first().waitFor({ timeout: 20_000 });
    const before = sleepers();
    await panel.locator('#run-tests').click();
    const done = await webviewFrame(page, '#test-summary', { timeout: 240_000 });
    const summary = await done.locator('#test-summary').innerText();
    assert.match(summary, /process\(es\) your tests left running were stopped/, summary);
    await shot(page, 'hostile-pack-run-tests');
    const left = sleepers().filter((p) => !before.includes(p));
    assert.deepEqual(left, [], 'no process the tests started is still running');
  });

  it('nothing reached the stand-in for the outside world, no browser dialog opened, no script was blocked', async () => {
    assert.ok(requests.length > 10, `requests were recorded (${requests.length})`);
    // Allowed, and only these: code-server's extension-gallery lookup (workbench and server), and
    // Chromium's own background services, which no page or webview asked for (checked below).
    const CHROMIUM_SERVICES = /^(accounts\.google\.com|[a-z0-9-]+\.googleapis\.com|redirector\.gvt1\.com)$/;
    const hostOf = (hit) => /^(?:\w[\w-]*): (?:CONNECT ([^:]+):\d+|\w+ https?:\/\/([^/:]+))/.exec(hit)?.slice(1).find(Boolean) ?? '';
    const unexpected = hits.filter((h) => hostOf(h) !== 'open-vsx.org' && !(h.startsWith('browser:') && CHROMIUM_SERVICES.test(hostOf(h))));
    assert.deepEqual(unexpected, [], 'no request left 127.0.0.1');
    assert.deepEqual(requests.filter((u) => CHROMIUM_SERVICES.test(new URL(u).hostname)), [], 'no page or webview asked for the Chromium service hosts');
    assert.deepEqual(requests.filter((u) => u.includes('beacon.invalid')), [], 'no beacon address was ever requested');
    assert.deepEqual(dialogs, [], 'no browser dialog');
    assert.deepEqual(blocked, [], 'the workbench had to block nothing');
  });
});
