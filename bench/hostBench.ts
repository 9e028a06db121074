/**
 * The in-host half of `npm run bench`: loaded by code-server as `extensionTestsPath` (bundled by
 * scripts/bench.mjs into bench/tmp/hostBench.js) next to two development extensions, a copy of ours
 * without activation events and the empty-extension floor. Reads bench/tmp/host-config.json, then:
 *  1. activation: `await getExtension(id).activate()` for both (order alternates between runs);
 *  2. panels: triggers our commands (question, dashboard, Review Due, work sample, a question swapped
 *     for another) and the floor's (an empty panel; a file plus an empty panel beside it); the
 *     browser side (scripts/bench.mjs) timestamps the webview's first paint and acknowledges
 *     through a file, and for a work sample this side notes when its first file's editor is visible;
 *  3. heap (one run): ContentService + search index for the bundled bank, then the 10k pack.
 * Results go to the config's resultFile (JSON) and, in short, to the console.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import * as inspector from 'node:inspector';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../src/extension/app';
import { ContentService } from '../src/extension/contentService';

interface HostConfig {
  run: number;
  order: string[];
  ourId: string;
  emptyId: string;
  /** Question ids to open, one per measured panel pair, with the titles the browser will see. */
  questions: { id: string; title: string }[];
  /** Two work samples (each opens once per window), the first file of each and that file's text (for the floor). */
  workSamples: { id: string; title: string; main: string; mainText: string }[];
  /** Question A, then B while A is open. */
  reuse: { id: string; title: string }[];
  ackDir: string;
  resultFile: string;
  heap?: { bundledPath: string; pack10kPath: string };
  /**
   * A short window: activation, then one first webview (a question or the empty floor, by turns),
   * then exit. These give activation and the first-webview ratio more samples than full windows can.
   */
  short?: boolean;
  profile?: boolean;
}

async function profiled(file: string, work: () => Promise<unknown>): Promise<void> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  try {
    await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** What our activate() returns: the API itself, or `{ ready() }` resolving to it when the implementation loads lazily. */
interface OurApi {
  content?: ContentService;
  ready?: () => Promise<ExtensionApi | undefined>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Waits until the extension host's event loop is quiet (6 × 50 ms sleeps each late by < 8 ms), at most `maxMs`. */
async function settle(maxMs = 4000): Promise<number> {
  const start = performance.now();
  let quiet = 0;
  while (quiet < 6 && performance.now() - start < maxMs) {
    const t = performance.now();
    await sleep(50);
    quiet = performance.now() - t - 50 < 8 ? quiet + 1 : 0;
  }
  return round(performance.now() - start, 0);
}

function perfMarks(): { name: string; startTime: number }[] {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  try {
    return marks?.getMarks() ?? [];
  } catch {
    return [];
  }
}

/** VS Code's own marks around `require()` of the extension's main module, when present. */
/** The time between two of VS Code's extension-host marks for one extension. */
function betweenMarks(id: string, from: string, to: string): number | null {
  const marks = perfMarks();
  const lower = id.toLowerCase();
  const find = (what: string) => marks.find((m) => m.name.toLowerCase() === `code/exthost/${what.toLowerCase()}/${lower}`)?.startTime;
  const a = find(from);
  const b = find(to);
  return a !== undefined && b !== undefined ? round(b - a, 3) : null;
}
const codeLoadMs = (id: string) => betweenMarks(id, 'willLoadExtensionCode', 'didLoadExtensionCode');
/** VS Code's willActivateExtension → didActivateExtension: the `activate()` call and its promise. */
const activateCallMs = (id: string) => betweenMarks(id, 'willActivateExtension', 'didActivateExtension');

async function waitForAck(dir: string, label: string, timeoutMs = 20_000): Promise<unknown> {
  const file = join(dir, `${label}.json`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch {
        /* being written: read again */
      }
    }
    await sleep(10);
  }
  return null;
}

async function closeAll() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Back to one editor group: a work sample (or its floor) leaves two, and a work sample lays out
  // the 70/30 split only when the window has one.
  await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 0, groups: [{}] });
  await sleep(300);
}

/** Resolves with `Date.now()` once an editor whose file path ends with `suffix` is visible. */
function editorVisible(suffix: string, timeoutMs = 20_000): Promise<number | null> {
  const shown = () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith(suffix));
  return new Promise((resolve) => {
    const done = (at: number | null) => {
      sub.dispose();
      clearTimeout(timer);
      resolve(at);
    };
    const sub = vscode.window.onDidChangeVisibleTextEditors(() => shown() && done(Date.now()));
    const timer = setTimeout(() => done(null), timeoutMs);
  });
}

interface Trigger {
  title: string;
  run: () => Thenable<unknown>;
  /** For a work sample (or its floor): also wait for this file's editor to be visible. */
  editor?: string;
  before?: () => void;
}

/** Triggers a command that opens a panel; the browser timestamps the paint and writes the ack. */
async function measure(cfg: HostConfig, kind: string, label: string, t: Trigger, keepOpen = false) {
  t.before?.();
  const editor = t.editor ? editorVisible(t.editor) : Promise.resolve(undefined);
  // The browser side watches for the editor too (by file name, as its tab shows it).
  const editorName = t.editor?.split('/').pop();
  console.log(`[bench:host] trigger ${JSON.stringify({ label, title: t.title, ...(editorName ? { editor: editorName } : {}) })}`);
  const triggerAt = Date.now();
  const t0 = performance.now();
  const done = Promise.resolve(t.run()).then(() => performance.now() - t0);
  const [commandMs, ack, editorAt] = await Promise.all([done, waitForAck(cfg.ackDir, label), editor]);
  if (!keepOpen) await closeAll();
  return { kind, label, title: t.title, triggerAt, commandMs: round(commandMs), ack, ...(editorAt !== undefined ? { editorAt } : {}) };
}

/** The readiness dashboard's `#title` (English: the bench window runs in the default locale). */
const DASHBOARD_TITLE = 'Interview readiness';

/** What opens first in each window, in turn: each is the first webview of some windows. */
const FIRST = ['question', 'empty', 'dashboard', 'reviewDue', 'workSample'] as const;
/** What a short window opens first, in turn: the pair of the panelOpenMs / emptyPanelMs ratio. */
const SHORT_FIRST = ['question', 'empty'] as const;
/** One of these, with its floor, per window as a later webview, in turn. */
const LATER = ['dashboard', 'reviewDue', 'workSample'] as const;
type Flow = (typeof FIRST)[number] | 'emptyFile';

export async function run(): Promise<void> {
  const cfg = JSON.parse(readFileSync(join(__dirname, 'host-config.json'), 'utf8')) as HostConfig;
  const result: Record<string, unknown> = { run: cfg.run, order: cfg.order, pid: process.pid, node: process.version, vscode: vscode.version };
  result.settleMs = await settle();

  const gcs: { startTime: number; duration: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => gcs.push(...list.getEntries().map((e) => ({ startTime: e.startTime, duration: e.duration }))));
  gcObserver.observe({ entryTypes: ['gc'] });
  // 1. Activation, in the order given (alternates between runs so neither always goes first).
  const activation: Record<string, unknown> = {};
  let ours: OurApi | undefined;
  for (const id of cfg.order) {
    const ext = vscode.extensions.getExtension(id);
    if (!ext) throw new Error(`extension ${id} is not loaded (check extensionDevelopmentPath)`);
    const wasActive = ext.isActive;
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const api: unknown = await ext.activate();
    const ms = performance.now() - t0;
    const t1 = performance.now();
    // Garbage collections in the extension host during this activation (they stall it whoever caused them).
    await sleep(0);
    const gcMs = round(gcs.filter((g) => g.startTime + g.duration > t0 && g.startTime < t1).reduce((sum, g) => sum + g.duration, 0), 1);
    const lower = id.toLowerCase();
    const timeline = perfMarks()
      .filter((m) => m.name.toLowerCase().endsWith(`/${lower}`))
      .map((m) => `${m.name.split('/')[2]}@${round(m.startTime - (performance.timeOrigin + t0), 1)}`);
    console.log(`[bench:host] timeline ${id} t1@${round(t1 - t0, 1)} ${timeline.join(' ')}`);
    activation[id] = { ms: round(ms, 3), gcMs, wasActive, codeLoadMs: codeLoadMs(id), callMs: activateCallMs(id), heapDeltaMb: round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, 2) };
    if (id === cfg.ourId) ours = api as OurApi;
    await sleep(100);
  }
  gcObserver.disconnect();
  result.activation = activation;
  console.log(`[bench:host] activation ${JSON.stringify(activation)}`);

  // An extension that defers its implementation past activate() (returns `{ ready() }`): time the
  // deferred part too, right away, so it is reported rather than hidden behind an idle timer.
  let full: ExtensionApi | undefined;
  if (typeof ours?.ready === 'function') {
    const t0 = performance.now();
    full = await ours.ready();
    result.deferredLoadMs = round(performance.now() - t0, 3);
    console.log(`[bench:host] deferred load (ready()) ${result.deferredLoadMs} ms`);
  }
  const content = full?.content ?? ours?.content;

  // The extension reads the bank 1.5 s after activation (status bar): let that pass before timing panels.
  await sleep(2000);
  await settle(3000);

  // 2. Panels. Every new webview re-registers VS Code's webview service worker (its URL carries the
  // webview id), so the first webview of a window and later ones differ. The first webview of each
  // window takes turns across runs (FIRST); then one question/empty pair per remaining question
  // (alternating order), one of the LATER flows with its floor, every other window a question
  // swapped for another (questionReuse), and one question with the bank dropped first
  // (ContentService.invalidate(): re-read + re-validate).
  const panels: unknown[] = [];
  const [q0, ...rest] = cfg.questions;
  if (!q0) throw new Error('host-config.json lists no questions');
  const opened = new Set<string>();
  const trigger = async (flow: Flow, label: string): Promise<Trigger> => {
    const exec = (command: string, ...args: unknown[]) => () => vscode.commands.executeCommand(command, ...args);
    switch (flow) {
      case 'question':
        return { title: q0.title, run: exec('interviewPractice.openQuestion', q0.id) };
      case 'empty':
        return { title: label, run: exec('benchEmpty.openPanel', label) };
      case 'dashboard':
        return { title: DASHBOARD_TITLE, run: exec('interviewPractice.showDashboard') };
      case 'reviewDue': {
        // The review panel opens on the first card of the queue (bench.mjs seeds due cards).
        const first = full ? (await full.due.snapshot()).queue[0] : undefined;
        const title = first && content ? (await content.get()).question(first)?.title.trim() : undefined;
        if (!title) throw new Error('nothing due: the seeded progress did not load');
        return { title, run: exec('interviewPractice.reviewDue') };
      }
      case 'workSample': {
        // Each sample once per window (a second open asks whether to continue): the next one if taken.
        const ws = cfg.workSamples.find((w) => !opened.has(w.id));
        if (!ws) throw new Error('no work sample left to open in this window');
        opened.add(ws.id);
        return { title: ws.title, editor: `/${ws.id}/${ws.main}`, run: exec('interviewPractice.openWorkSample', ws.id) };
      }
      case 'emptyFile': {
        // The floor of a work sample: one file the size of the sample's main file, and an empty webview beside it.
        const ws = cfg.workSamples[0];
        if (!ws) throw new Error('host-config.json lists no work samples');
        const dir = join(cfg.ackDir, `${label}-files`);
        mkdirSync(dir, { recursive: true });
        const file = join(dir, ws.main);
        writeFileSync(file, ws.mainText);
        return { title: label, editor: `/${label}-files/${ws.main}`, run: exec('benchEmpty.openFileAndPanel', file, label) };
      }
    }
  };
  const step = (flow: Flow, kind: string, label: string) => async () => panels.push(await measure(cfg, kind, label, await trigger(flow, label)));
  const first = (cfg.short ? SHORT_FIRST[cfg.run % SHORT_FIRST.length] : FIRST[cfg.run % FIRST.length]) ?? 'question';
  const steps: (() => Promise<unknown>)[] = [step(first, `${first}-first`, `r${cfg.run}-first`)];
  // A short window stops after its first webview; a full one goes on to later webviews and reuse.
  if (!cfg.short) {
    rest.forEach((q, i) => {
      const pair = [
        async () => panels.push(await measure(cfg, 'question', `r${cfg.run}-q${i}`, { title: q.title, run: () => vscode.commands.executeCommand('interviewPractice.openQuestion', q.id) })),
        step('empty', 'empty', `r${cfg.run}-e${i}`),
      ];
      if ((cfg.run + i) % 2 === 1) pair.reverse();
      steps.push(...pair);
    });
    const later = LATER[cfg.run % LATER.length] ?? 'dashboard';
    const floor: Flow = later === 'workSample' ? 'emptyFile' : 'empty';
    const flowPair = [step(later, later, `r${cfg.run}-${later}`), step(floor, `${floor}-for-${later}`, `r${cfg.run}-${floor}-${later}`)];
    if (Math.floor(cfg.run / LATER.length) % 2 === 1) flowPair.reverse();
    steps.push(...flowPair);
    const [a, b] = cfg.reuse;
    if (cfg.run % 2 === 1 && a && b) {
      // Question A painted, then B asked for with A still open: a panel reused in place changes
      // #title in the same document; one per question opens a new webview. Either is timed to B's paint.
      steps.push(async () => {
        await measure(cfg, 'reuse-base', `r${cfg.run}-reuseA`, { title: a.title, run: () => vscode.commands.executeCommand('interviewPractice.openQuestion', a.id) }, true);
        await settle(1500);
        panels.push(await measure(cfg, 'question-reuse', `r${cfg.run}-reuseB`, { title: b.title, run: () => vscode.commands.executeCommand('interviewPractice.openQuestion', b.id) }));
      });
    }
    if (content) steps.push(async () => panels.push(await measure(cfg, 'question-cold-content', `r${cfg.run}-cold`, { title: q0.title, run: () => vscode.commands.executeCommand('interviewPractice.openQuestion', q0.id), before: () => content.invalidate() })));
  }
  for (const [i, s] of steps.entries()) {
    // BENCH_PROFILE=1: a CPU profile of the extension host while the first webview opens.
    if (i === 0 && cfg.profile) await profiled(join(cfg.ackDir, '..', `first-${cfg.run}.cpuprofile`), s);
    else await s();
    await settle(1500);
  }
  result.panels = panels;

  // 3. Heap with the bundled bank and with the 10k pack, through the extension's own ContentService.
  if (cfg.heap) {
    await settle(4000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const mem = () => {
      gc();
      gc();
      const m = process.memoryUsage();
      return { heapMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20 };
    };
    const base = mem();
    const bundled = new ContentService(cfg.heap.bundledPath);
    let t0 = performance.now();
    const snapB = await bundled.get();
    const loadBundledMs = performance.now() - t0;
    t0 = performance.now();
    const idxB = await bundled.search();
    const indexBundledMs = performance.now() - t0;
    const afterBundled = mem();
    const pack = new ContentService(cfg.heap.pack10kPath);
    t0 = performance.now();
    const snapP = await pack.get();
    const load10kMs = performance.now() - t0;
    t0 = performance.now();
    const idxP = await pack.search();
    const index10kMs = performance.now() - t0;
    const after10k = mem();
    result.heap = {
      heapMbBundled: round(afterBundled.heapMb - base.heapMb, 1),
      rssMbBundled: round(afterBundled.rssMb - base.rssMb, 1),
      heapMb10k: round(after10k.heapMb - afterBundled.heapMb, 1),
      rssMb10k: round(after10k.rssMb - afterBundled.rssMb, 1),
      baseHeapMb: round(base.heapMb, 1),
      questions: { bundled: snapB.bundle.questions.length, pack10k: snapP.bundle.questions.length },
      documents: { bundled: idxB.documentCount, pack10k: idxP.documentCount },
      inHostMs: { loadBundled: round(loadBundledMs), indexBundled: round(indexBundledMs), load10k: round(load10kMs), index10k: round(index10kMs) },
    };
    console.log(`[bench:host] heap ${JSON.stringify(result.heap)}`);
  }

  writeFileSync(cfg.resultFile, JSON.stringify(result, null, 1));
  console.log(`[bench:host] run ${cfg.run} done`);
}
