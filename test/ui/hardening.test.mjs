// Hostile markdown in a REAL webview: code-server + Chromium load a copy of the extension whose
// bundled content is an XSS corpus (test/fixtures/hostile/corpus.mjs). A person opens the
// question and reveals the answer; nothing in the content may run, load, or execute a command.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLOCK_PAYLOADS, HOSTILE_TITLE, INLINE_PAYLOADS } from '../fixtures/hostile/corpus.mjs';
import { ROOT } from '../../scripts/lib/codeServer.mjs';
import { openTopicsView, openWorkbenchFrom, shot, stageExtension, treeRow, webviewFrame } from './workbench.mjs';

const TOPIC = { id: 'hostile-topic', title: 'Hostile content' };
const QUESTION_ID = 'hostile-markdown';
const source = (file) => ({ file: `content/${file}`, line: 1 });

/** A content bundle (contentBundleSchema) with one topic, one question and one follow-up, all hostile. */
function hostileBundle() {
  const block = (from, to) => BLOCK_PAYLOADS.slice(from, to).join('\n\n');
  const third = Math.ceil(BLOCK_PAYLOADS.length / 3);
  return {
    version: 1,
    topics: [
      {
        id: TOPIC.id,
        title: TOPIC.title,
        order: 1,
        icon: 'shield',
        summary: block(0, BLOCK_PAYLOADS.length),
        context: block(0, third),
        furtherReading: [{ title: 'OWASP XSS', url: 'https://owasp.org/www-community/attacks/xss/', note: '<img src=x onerror="window.__xss=\'reading\'">' }],
        source: source(`topics/${TOPIC.id}.md`),
      },
    ],
    questions: [
      {
        id: QUESTION_ID,
        topic: TOPIC.id,
        kind: 'question',
        title: HOSTILE_TITLE,
        difficulty: 'staff',
        minutes: 3,
        tags: ['<script>window.__xss="tag"</script>', 'security'],
        aliases: ['<img src=x onerror="window.__xss=\'alias\'">'],
        related: [],
        prompt: `Render every payload below as inert text.\n\n${BLOCK_PAYLOADS.join('\n\n')}`,
        answer: block(0, third),
        keyPoints: INLINE_PAYLOADS,
        strongSignals: INLINE_PAYLOADS.slice(0, 3),
        weakSignals: INLINE_PAYLOADS.slice(3),
        testing: block(third, 2 * third),
        seniorVsStaff: block(2 * third, BLOCK_PAYLOADS.length),
        commonMistakes: INLINE_PAYLOADS,
        vocabulary: INLINE_PAYLOADS,
        example: block(0, BLOCK_PAYLOADS.length),
        source: source(`questions/${TOPIC.id}/${QUESTION_ID}.md`),
      },
      {
        id: 'hostile-follow-up',
        topic: TOPIC.id,
        kind: 'follow-up',
        parent: QUESTION_ID,
        title: `Follow-up <img src=x onerror="window.__xss='follow-up-title'"> "quoted" & <i>tagged</i>`,
        difficulty: 'senior',
        minutes: 2,
        tags: ['follow', 'up'],
        aliases: [],
        related: [],
        prompt: INLINE_PAYLOADS.join('\n\n'),
        answer: 'Inert.',
        keyPoints: INLINE_PAYLOADS.slice(0, 2),
        strongSignals: ['ok'],
        weakSignals: ['ok'],
        source: source(`questions/${TOPIC.id}/hostile-follow-up.md`),
      },
    ],
    workSamples: [],
  };
}

/** The bundle must be valid, or the test would only prove that an empty tree is safe. */
async function assertValidBundle(bundle) {
  const require = createRequire(join(ROOT, 'package.json'));
  const esbuild = require('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'ip-schema-'));
  try {
    const outfile = join(dir, 'schema.cjs');
    await esbuild.build({ entryPoints: [join(ROOT, 'src', 'core', 'schema.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
    const { contentBundleSchema } = require(outfile);
    const r = contentBundleSchema.safeParse(bundle);
    assert.ok(r.success, `the hostile bundle is a valid content bundle: ${JSON.stringify(r.error?.issues?.slice(0, 3))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the DOM of a question panel holds that could run code, load something, or run a command. */
function inspectPanel() {
  const main = document.querySelector('main');
  const all = [...document.querySelectorAll('*')];
  const describe = (el) => el.outerHTML.slice(0, 160);
  const scheme = /^\s*(javascript|command|data|vbscript|file|vscode):/i;
  const linkAttributes = ['href', 'xlink:href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'background', 'poster'];
  return {
    xss: window.__xss ?? null,
    scripts: [...document.scripts].map((s) => ({ src: s.getAttribute('src'), nonce: s.nonce !== '' || s.hasAttribute('nonce'), text: s.textContent.trim(), inMain: main?.contains(s) ?? false, parent: s.parentElement?.tagName })),
    handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${a.name} on ${describe(el)}`)),
    forbidden: main ? [...main.querySelectorAll('script, iframe, frame, object, embed, form, base, meta, link, style, svg, math, img, video, audio, source, input[type=image], template, noscript, marquee, details')].map(describe) : ['no <main>'],
    styled: main ? [...main.querySelectorAll('[style]')].map(describe) : [],
    badLinks: all.flatMap((el) => linkAttributes.filter((n) => el.hasAttribute(n) && scheme.test(el.getAttribute(n) ?? '')).map((n) => `${n} on ${describe(el)}`)),
    remote: main ? [...main.querySelectorAll('[src], [srcset], [data], [poster], [background]')].map(describe) : [],
    anchors: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    baseURI: document.baseURI,
    promptText: document.querySelector('#prompt')?.textContent ?? '',
    title: document.querySelector('#title')?.textContent ?? '',
    headMeta: [...document.head.querySelectorAll('meta')].map((m) => m.getAttribute('http-equiv') ?? m.getAttribute('name') ?? m.getAttribute('charset')),
  };
}

/** VS Code writes a remote authority into a host name as `-00XX` hex escapes (`.` → -002e, `:` → -003a). */
function decodeAuthority(label) {
  return label.replace(/-([0-9a-f]{4})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

describe('UI hardening: hostile markdown in a real webview', function () {
  this.timeout(240_000);
  let staged;
  let wb;
  const requests = [];
  /** request → whether the webview's service worker answered it (it never reached the network). */
  const responses = new Map();

  before(async () => {
    const bundle = hostileBundle();
    await assertValidBundle(bundle);
    staged = stageExtension(bundle);
    wb = await openWorkbenchFrom({
      developmentPath: staged.dir,
      beforeLoad: (page, context) => {
        // Every request of every frame (webviews are nested iframes) and of the service workers.
        const record = (req) => {
          let frameUrl = '';
          try {
            frameUrl = req.frame().url();
          } catch {
            /* a service worker request has no frame */
          }
          requests.push({ req, url: req.url(), frameUrl, main: frameUrl !== '' && frameUrl === page.mainFrame().url() });
        };
        context.on('request', record);
        context.on('response', (res) => responses.set(res.request(), res.fromServiceWorker()));
      },
    });
  });
  after(async () => {
    await wb?.close();
    staged?.remove();
  });

  it('renders every payload as inert text: nothing runs, nothing can load, no command or script link', async () => {
    const { page } = wb;
    await openTopicsView(page);
    await treeRow(page, TOPIC.title).click();
    const row = treeRow(page, 'markdown & <b>friends');
    await row.waitFor();
    // The tree shows the title as text (VS Code tree labels are never HTML).
    assert.ok((await row.innerText()).includes('<img src=x'), 'the tree shows the title’s markup as text');
    await row.click();

    const frame = await webviewFrame(page, '#reveal');
    await frame.locator('#prompt').click();
    await page.keyboard.press('Space');
    await frame.locator('#answer').waitFor({ state: 'visible' });
    // The follow-up link button exists (its title is hostile too) and the key points rendered.
    assert.equal(await frame.locator('#key-points li').count(), INLINE_PAYLOADS.length);
    assert.equal(await frame.locator('button[data-open="hostile-follow-up"]').count(), 1);

    const panel = await frame.evaluate(inspectPanel);
    await shot(page, 'hostile-markdown');

    assert.equal(panel.xss, null, 'no payload set window.__xss in the panel');
    // Two scripts, and only two: VS Code's own acquireVsCodeApi shim (it injects it into every
    // webview, inline, first in <head>) and ours (by src, with the CSP nonce). None in the content.
    const show = JSON.stringify(panel.scripts.map((x) => ({ ...x, text: x.text.slice(0, 80) })));
    assert.equal(panel.scripts.length, 2, `only VS Code's shim and our script are in the panel: ${show}`);
    const [shim, ours] = panel.scripts;
    assert.ok(shim.src === null && shim.parent === 'HEAD' && shim.text.startsWith('globalThis.acquireVsCodeApi') && !shim.text.includes('__xss'), `the first script is VS Code's webview shim: ${show}`);
    assert.match(ours.src ?? '', /\/dist\/webview\/question\.js$/);
    assert.equal(ours.nonce, true, 'our script carries the CSP nonce');
    assert.equal(ours.text, '');
    assert.ok(panel.scripts.every((x) => !x.inMain), 'no script inside the content');
    assert.deepEqual(panel.handlers, [], 'no element has an on* attribute');
    assert.deepEqual(panel.forbidden, [], 'no script/iframe/object/embed/form/base/meta/link/style/svg/math/img… inside the content');
    assert.deepEqual(panel.styled, [], 'no inline style inside the content');
    assert.deepEqual(panel.badLinks, [], 'no javascript:/command:/data:/file:/vscode: link or source');
    assert.deepEqual(panel.remote, [], 'nothing inside the content loads a resource');
    for (const href of panel.anchors) assert.match(href, /^(https?:|mailto:)/i, `anchor ${href}`);
    assert.ok(!panel.baseURI.includes('evil.invalid'), `the base URL is not hijacked (${panel.baseURI})`);
    assert.deepEqual(panel.headMeta.sort(), ['Content-Security-Policy', 'UTF-8', 'viewport'].sort(), 'only our own <meta> tags');
    // The payloads are visible as text, so an author sees what was written.
    for (const text of ['<script>window.__xss', '<iframe src=', '<svg onload=', '<meta http-equiv="refresh"', '<base href=']) {
      assert.ok(panel.promptText.includes(text), `the prompt shows ${text} as text`);
    }
    assert.ok(panel.promptText.includes('run command link'), 'a removed link keeps its text');
    assert.ok(panel.title.includes('<img src=x onerror='), 'the title shows its markup as text');

    // No frame of the page (workbench, webview host, webview content, anything a payload made) has the flag.
    for (const f of page.frames()) {
      const flag = await f.evaluate(() => window.__xss ?? null).catch(() => null);
      assert.equal(flag, null, `window.__xss is not set in ${f.url().slice(0, 100)}`);
    }
  });

  it('clicking a neutralized command: link runs no command', async () => {
    const { page } = wb;
    const frame = await webviewFrame(page, '#answer:visible');
    const terminals = () => page.locator('.terminal-outer-container .xterm, .terminal-tabs-entry, .single-terminal-tab').count();
    const before = await terminals();
    const removed = frame.locator('#prompt .link-removed', { hasText: 'run command link' }).first();
    assert.equal(await removed.count(), 1, 'the command link is rendered as plain text');
    assert.equal(await removed.evaluate((el) => el.closest('a') === null), true, 'it is not inside an anchor');
    await removed.click();
    await frame.locator('#prompt .link-removed', { hasText: 'palette command link' }).first().click();
    await frame.locator('#prompt .link-removed', { hasText: 'markdown javascript link' }).first().click();
    // A round trip through the extension host after the clicks: anything the clicks started has
    // been dispatched by the time the host answers. (F flags the question; the host replies.)
    await frame.locator('#prompt').click();
    await page.keyboard.press('f');
    await frame.locator('#flag[aria-pressed="true"]').waitFor();
    assert.equal(await terminals(), before, 'no terminal was created');
    assert.equal(await page.locator('.quick-input-widget:visible').count(), 0, 'the command palette did not open');
    assert.equal(await frame.evaluate(() => window.__xss ?? null), null);
    assert.equal(await frame.evaluate(() => document.querySelector('#title') !== null), true, 'the panel did not navigate away');
  });

  it('no request went to any host but 127.0.0.1 (the workbench’s own extension-gallery lookup aside)', async () => {
    assert.ok(requests.length > 10, `requests were recorded (${requests.length})`);
    const offHost = requests.filter(({ req, url, main }) => {
      if (/^(blob|data):/.test(url)) return /evil\.invalid/.test(url);
      let host;
      try {
        host = new URL(url).hostname;
      } catch {
        return true;
      }
      if (host === '127.0.0.1') return false;
      // Webview resources (our script and stylesheet) use VS Code's resource URL, whose first label
      // encodes the server (127.0.0.1:<port>); the webview's service worker answers them from that
      // server, so they never reach the network.
      const resource = /^vscode-remote\+(.+)\.vscode-resource\.vscode-cdn\.net$/.exec(host);
      if (resource && decodeAuthority(resource[1]) === `127.0.0.1:${wb.server.port}` && responses.get(req) === true) return false;
      // code-server's workbench asks its extension gallery on start-up; that is not the content's doing.
      if (main && host === 'open-vsx.org') return false;
      return true;
    });
    assert.deepEqual(offHost.map((r) => `${r.url.slice(0, 120)} (from ${r.frameUrl.slice(0, 80) || 'a worker'})`), []);
    assert.deepEqual(requests.filter((r) => r.url.includes('evil.invalid')).map((r) => r.url), [], 'no payload host was ever requested');
  });
});
