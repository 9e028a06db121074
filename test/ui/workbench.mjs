// Helpers for UI journeys: a real VS Code (code-server) in headless Chromium, driven like a person would.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, ROOT, startCodeServer, workbenchUrl } from '../../scripts/lib/codeServer.mjs';

export const SHOTS = join(ROOT, 'test-results', 'screenshots');
export const EXTENSION_STORAGE = join('User', 'globalStorage', 'interview-practice.staff-interview-practice');

export function bank() {
  return JSON.parse(readFileSync(join(ROOT, 'dist', 'content.json'), 'utf8'));
}

/** Starts code-server + Chromium with the extension under development; `progress` seeds the progress log; `walkthrough` lets the first-run walkthrough open. */
/**
 * A user who set `comments.openView` themselves is never asked about the Comments panel: journeys
 * set it (to VS Code's default) so that offer's notification cannot cover what they click, except
 * the one journey that answers it (`askAboutCommentsPanel`).
 */
const commentsSetting = (settings, ask) => (ask ? settings : { 'comments.openView': 'firstFile', ...settings });

export async function openWorkbench({ progress, settings, walkthrough = false, askAboutCommentsPanel = false, width = 1400, height = 900 } = {}) {
  const server = await startCodeServer({ settings: commentsSetting(settings, askAboutCommentsPanel), walkthrough });
  if (progress) {
    const dir = join(server.userData, EXTENSION_STORAGE);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'progress.v1.jsonl'), progress.map((e) => JSON.stringify(e) + '\n').join(''));
  }
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width, height } });
  const url = workbenchUrl(server, { developmentPath: ROOT });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const close = async () => {
    await browser.close().catch(() => {});
    server.stop();
  };
  return { server, browser, page, url, close };
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens our activity-bar container and waits for the Topics tree to show its topics. */
export async function openTopicsView(page) {
  const icon = page.locator('.activitybar [aria-label^="Interview Practice"]').first();
  await icon.waitFor({ timeout: 60_000 });
  const expanded = await page.locator('.sidebar .pane-header[aria-label^="Topics"], .sidebar .composite.title:has-text("Interview Practice")').count();
  if (!expanded) await icon.click();
  await page.locator('.sidebar .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

export function treeRow(page, text) {
  return page.locator(`.sidebar .monaco-list-row:has-text(${JSON.stringify(text)})`).first();
}

/** Runs a command by its palette title. */
export async function runCommand(page, title) {
  // Right after the workbench loads the palette may not list contributed commands yet: retry.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = page.locator(`.quick-input-list .monaco-list-row:has-text(${JSON.stringify(title)})`).first();
    try {
      await row.waitFor({ timeout: 5000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= 6) throw e;
      await page.waitForTimeout(1000);
    }
  }
}

/** The frame of the question panel that contains `selector` (webviews are nested iframes). */
export async function webviewFrame(page, selector, { timeout = 30_000, where } = {}) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        const el = await frame.$(selector);
        if (el && (!where || (await where(frame)))) return frame;
      } catch {
        /* frame navigated away */
      }
    }
    await page.waitForTimeout(200);
  }
  await shot(page, `failure-${selector.replace(/[^a-z0-9]+/gi, '_')}-${Date.now()}`).catch(() => {});
  throw new Error(`no webview frame with ${selector} within ${timeout} ms`);
}

export function daysAgo(days, hour = 9) {
  const d = new Date(Date.now() - days * 86_400_000);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** Adds a review comment the way a person does: hover the line's gutter, click +, type, Add Comment. */
export async function commentOnLine(page, line, text) {
  await page.keyboard.press('Control+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  const number = page.locator(`.editor-group-container.active .margin-view-overlays .line-numbers:text-is("${line}")`).first();
  // The gutter can re-render while we look (a work sample's other files still opening behind the
  // first, commenting ranges arriving): a glyph that went away is skipped and the search repeated.
  let glyph;
  for (let attempt = 0; attempt < 5 && !glyph; attempt++) {
    await number.waitFor();
    await number.hover();
    const box = await number.boundingBox({ timeout: 5_000 }).catch(() => null);
    if (!box) continue;
    for (const g of await page.locator('.editor-group-container.active .comment-range-glyph').all()) {
      const b = await g.boundingBox({ timeout: 1_000 }).catch(() => null);
      if (b && Math.abs(b.y + b.height / 2 - (box.y + box.height / 2)) < 6) glyph = g;
    }
  }
  if (!glyph) throw new Error(`no comment glyph in the gutter of line ${line}`);
  await glyph.click();
  const widget = page.locator('.review-widget').last();
  await widget.locator('.monaco-editor textarea').waitFor();
  await page.keyboard.type(text);
  await widget.locator('.monaco-button:has-text("Add Comment")').click();
  await page.locator(`.review-widget .review-comment-contents:has-text(${JSON.stringify(text.slice(0, 30))})`).first().waitFor();
}

/**
 * A copy of the extension under development (package.json, dist/, media/) in a temp folder, with
 * `bundle` as its dist/content.json: a workbench can then load other content without touching the
 * repo's dist/content.json. Returns the folder and a function that removes it.
 */
export function stageExtension(bundle) {
  const dir = mkdtempSync(join(tmpdir(), 'ip-staged-ext-'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(ROOT, 'package.nls.json'), join(dir, 'package.nls.json'));
  cpSync(join(ROOT, 'l10n'), join(dir, 'l10n'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'media'), join(dir, 'media'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'content.json'), JSON.stringify(bundle));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }) };
}

/**
 * Like openWorkbench, but loads the extension from `developmentPath` and calls `beforeLoad(page,
 * context)` before the workbench URL is opened (to listen to every request from the start).
 */
export async function openWorkbenchFrom({ developmentPath = ROOT, beforeLoad, settings, workspace, proxy, serverEnv, width = 1400, height = 900 } = {}) {
  const server = await startCodeServer({ settings: commentsSetting(settings, false), workspace, env: serverEnv });
  const browser = await launchBrowser({ proxy });
  try {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    if (beforeLoad) await beforeLoad(page, context);
    const url = workbenchUrl(server, { developmentPath });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const close = async () => {
      await browser.close().catch(() => {});
      server.stop();
    };
    return { server, browser, context, page, url, close };
  } catch (e) {
    await browser.close().catch(() => {});
    server.stop();
    throw e;
  }
}

/**
 * Clicks "Show Markdown source" on the transcript's notification: on its toast while it shows, or in
 * the notification centre once VS Code has tucked the toast away (it does after a while).
 */
export async function showTranscriptSource(page) {
  const toast = page.locator('.notification-toast .monaco-button:has-text("Show Markdown source")').first();
  if (!(await toast.isVisible().catch(() => false))) await runCommand(page, 'Notifications: Show Notifications');
  await page.locator('.notification-toast .monaco-button:has-text("Show Markdown source"), .notifications-center .monaco-button:has-text("Show Markdown source")').first().click({ timeout: 30_000 });
}

/**
 * Waits until a just-opened work sample has finished opening: its task panel shows before its
 * files do, and a file opening late moves the focus, so typing right away could land elsewhere.
 * Settled = the editor tabs stay the same for a second, with at least `files` of them open.
 */
export async function sampleSettled(page, files = 1) {
  const deadline = Date.now() + 30_000;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const tabs = (await page.locator('.tabs-container .tab').allInnerTexts()).join('|');
    if (tabs !== last) {
      last = tabs;
      since = Date.now();
    } else if (Date.now() - since >= 1000 && tabs.split('|').length >= files + 1) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the work sample's editors did not settle within 30 s (tabs: ${last})`);
}
