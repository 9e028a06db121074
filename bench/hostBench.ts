/**
 * The in-host half of `npm run bench`: loaded by code-server as `extensionTestsPath` (bundled by
 * scripts/bench.mjs into bench/tmp/hostBench.js) next to two development extensions, a copy of ours
 * without activation events and the empty-extension floor. Reads bench/tmp/host-config.json, then:
 *  1. activation: `await getExtension(id).activate()` for both (order alternates between runs);
 *  2. panels: triggers the question command and the empty-panel command; the browser side
 *     (scripts/bench.mjs) timestamps the webview's first paint and acknowledges through a file;
 *  3. heap (one run): ContentService + search index for the bundled bank, then the 10k pack.
 * Results go to the config's resultFile (JSON) and, in short, to the console.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { ContentService } from '../src/extension/contentService';

interface HostConfig {
  run: number;
  order: string[];
  ourId: string;
  emptyId: string;
  /** Question ids to open, one per measured panel pair, with the titles the browser will see. */
  questions: { id: string; title: string }[];
  ackDir: string;
  resultFile: string;
  heap?: { bundledPath: string; pack10kPath: string };
}

/** What our activate() returns: the API itself, or `{ ready() }` resolving to it when the implementation loads lazily. */
interface OurApi {
  content?: ContentService;
  ready?: () => Promise<{ content?: ContentService } | undefined>;
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
function codeLoadMs(id: string): number | null {
  const marks = perfMarks();
  const lower = id.toLowerCase();
  const find = (what: string) => marks.find((m) => m.name.toLowerCase() === `code/exthost/${what.toLowerCase()}/${lower}`)?.startTime;
  const a = find('willLoadExtensionCode');
  const b = find('didLoadExtensionCode');
  return a !== undefined && b !== undefined ? b - a : null;
}

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
  await sleep(300);
}

/** Triggers a command that opens a panel; the browser timestamps the paint and writes the ack. */
async function openPanel(cfg: HostConfig, label: string, command: string, arg: string, title: string, before?: () => void) {
  before?.();
  console.log(`[bench:host] trigger ${JSON.stringify({ label, title })}`);
  const triggerAt = Date.now();
  const t0 = performance.now();
  const done = vscode.commands.executeCommand(command, arg).then(() => performance.now() - t0);
  const [commandMs, ack] = await Promise.all([done, waitForAck(cfg.ackDir, label)]);
  await closeAll();
  return { label, title, triggerAt, commandMs: round(commandMs), ack };
}

export async function run(): Promise<void> {
  const cfg = JSON.parse(readFileSync(join(__dirname, 'host-config.json'), 'utf8')) as HostConfig;
  const result: Record<string, unknown> = { run: cfg.run, order: cfg.order, pid: process.pid, node: process.version, vscode: vscode.version };
  result.settleMs = await settle();

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
    activation[id] = { ms: round(ms, 3), wasActive, codeLoadMs: codeLoadMs(id), heapDeltaMb: round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, 2) };
    if (id === cfg.ourId) ours = api as OurApi;
    await sleep(100);
  }
  result.activation = activation;
  console.log(`[bench:host] activation ${JSON.stringify(activation)}`);

  // An extension that defers its implementation past activate() (returns `{ ready() }`): time the
  // deferred part too, right away, so it is reported rather than hidden behind an idle timer.
  let content = ours?.content;
  if (typeof ours?.ready === 'function') {
    const t0 = performance.now();
    const full = await ours.ready();
    result.deferredLoadMs = round(performance.now() - t0, 3);
    content = full?.content;
    console.log(`[bench:host] deferred load (ready()) ${result.deferredLoadMs} ms`);
  }

  // The extension reads the bank 1.5 s after activation (status bar): let that pass before timing panels.
  await sleep(2000);
  await settle(3000);

  // 2. Panels. Every new webview re-registers VS Code's webview service worker (its URL carries the
  // webview id), so the first webview of a window and later ones differ: the first panel of the window
  // alternates between ours and the floor across runs, then one more pair per remaining question
  // (alternating order) and one
  // question with the bank dropped first (ContentService.invalidate(): re-read + re-validate).
  const panels: unknown[] = [];
  const [q0, ...rest] = cfg.questions;
  if (!q0) throw new Error('host-config.json lists no questions');
  const question = (kind: string, label: string, q: { id: string; title: string }, before?: () => void) => async () =>
    panels.push({ kind, ...(await openPanel(cfg, label, 'interviewPractice.openQuestion', q.id, q.title, before)) });
  const empty = (kind: string, label: string) => async () => panels.push({ kind, ...(await openPanel(cfg, label, 'benchEmpty.openPanel', label, label)) });
  const steps: (() => Promise<unknown>)[] = [cfg.run % 2 === 0 ? question('question-first', `r${cfg.run}-qf`, q0) : empty('empty-first', `r${cfg.run}-ef`)];
  rest.forEach((q, i) => {
    const pair = [question('question', `r${cfg.run}-q${i}`, q), empty('empty', `r${cfg.run}-e${i}`)];
    if ((cfg.run + i) % 2 === 1) pair.reverse();
    steps.push(...pair);
  });
  if (content) steps.push(question('question-cold-content', `r${cfg.run}-cold`, q0, () => content.invalidate()));
  for (const step of steps) {
    await step();
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
