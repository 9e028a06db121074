import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SampleFile, WorkSample } from '../schema';
import { killGroup, RUN_MARKER, watchRun } from './processTree';

export interface RunLimits {
  /** Wall-clock limit for one variant's test run. */
  readonly timeoutMs: number;
  /** Output kept per variant; the rest is dropped and the run is stopped. */
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 15_000, maxOutputBytes: 256 * 1024 };

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly output: string;
  readonly timedOut: boolean;
  readonly outputCapped: boolean;
  readonly failedTests: string[];
  /** Processes the tests left running (even outside their process group) that were stopped. */
  readonly strayProcesses: number;
  /** The user cancelled the run. */
  readonly cancelled?: boolean;
}

export interface VariantResult extends ProcessResult {
  readonly variant: 'ai' | 'reference' | 'mutant';
  readonly defectId?: string;
  readonly passed: boolean;
}

export interface TestRunReport {
  readonly ai: VariantResult;
  readonly reference: VariantResult;
  readonly mutants: VariantResult[];
  /** Mutants the tests catch (fail on), only meaningful when the tests pass on the reference. */
  readonly caught: string[];
  readonly missed: string[];
  readonly summary: string;
  readonly strayProcesses: number;
  readonly cancelled: boolean;
}

export interface NodeCommand {
  /** Path of a Node binary (in VS Code: the extension host's, run as node). */
  readonly execPath: string;
  /** Extra variables (e.g. ELECTRON_RUN_AS_NODE); the rest of the environment is NOT passed on. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What a test run may see of the environment: enough to run Node, nothing of VS Code's or the user's secrets. */
const PASSED_ENV = ['PATH', 'Path', 'HOME', 'USERPROFILE', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'SYSTEMROOT', 'ComSpec', 'LANG', 'LC_ALL', 'TZ'];

export function testEnvironment(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env, marker = randomUUID()): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of PASSED_ENV) if (base[k] !== undefined) env[k] = base[k];
  return { ...env, ...extra, FORCE_COLOR: '0', NO_COLOR: '1', [RUN_MARKER]: marker };
}

/**
 * Runs `node --test <file>` in `cwd` (its own process group on POSIX), with a timeout, an output
 * cap and a cancel signal. Whatever happens, before this resolves the group is killed and so is
 * every process the run started that escaped it (see processTree.ts).
 */
export function runNodeTest(node: NodeCommand, cwd: string, testFile: string, limits: RunLimits, signal?: AbortSignal): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const marker = randomUUID();
    const env = testEnvironment(node.env, process.env, marker);
    const posix = process.platform !== 'win32';
    const child = spawn(node.execPath, ['--test', '--test-reporter=tap', testFile], { cwd, detached: posix, stdio: ['ignore', 'pipe', 'pipe'], env, windowsHide: true });
    const watcher = child.pid ? watchRun(child.pid, marker) : undefined;
    let output = '';
    let bytes = 0;
    let timedOut = false;
    let outputCapped = false;
    let cancelled = false;
    const stopGroup = () => killGroup(child.pid);
    const stopAll = () => {
      stopGroup();
      if (!posix) child.kill();
    };
    const onData = (chunk: Buffer) => {
      if (outputCapped) return;
      bytes += chunk.length;
      if (bytes > limits.maxOutputBytes) {
        output += chunk.subarray(0, Math.max(0, limits.maxOutputBytes - (bytes - chunk.length))).toString('utf8');
        outputCapped = true;
        stopAll();
        return;
      }
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      timedOut = true;
      stopAll();
    }, limits.timeoutMs);
    const onAbort = () => {
      cancelled = true;
      stopAll();
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const finish = async (exitCode: number | null, extra = '') => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      stopGroup();
      const strayProcesses = (await watcher?.stop()) ?? 0;
      resolve({ exitCode, output: output + extra, timedOut, outputCapped, failedTests: extra ? [] : failedTestNames(output), strayProcesses, ...(cancelled ? { cancelled } : {}) });
    };
    child.on('close', (exitCode) => void finish(exitCode));
    child.on('error', (e) => void finish(null, `\n${e.message}`));
  });
}

/** Names of failing tests from TAP output ("not ok 3 - refills after idle"). */
export function failedTestNames(tap: string): string[] {
  const names: string[] = [];
  for (const m of tap.matchAll(/^\s*not ok \d+ - (.+)$/gm)) {
    const name = (m[1] ?? '').trim();
    if (!/^(.*\.test\.m?js|<anonymous>)$/.test(name)) names.push(name);
  }
  return [...new Set(names)];
}

async function materialize(dir: string, files: readonly SampleFile[]): Promise<void> {
  for (const f of files) {
    const target = join(dir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.text);
  }
}

/**
 * Runs the user's test file against the AI-written version, the reference and every mutant.
 * Each variant gets its own temporary folder: the sample's files, the variant's implementation
 * files over them, the user's test file, and a package.json that makes `.js` ES modules.
 */
export async function runAgainstVariants(sample: WorkSample, userTest: string, node: NodeCommand, limits: RunLimits = DEFAULT_LIMITS, signal?: AbortSignal): Promise<TestRunReport> {
  const testFile = sample.testFile;
  if (!sample.runnable || !testFile) throw new Error(`${sample.title} has no runnable tests`);
  const root = await mkdtemp(join(tmpdir(), `ip-run-${sample.id}-`));
  try {
    const run = async (name: string, overlay: readonly SampleFile[]): Promise<ProcessResult> => {
      if (signal?.aborted) return { exitCode: null, output: '', timedOut: false, outputCapped: false, failedTests: [], strayProcesses: 0, cancelled: true };
      const dir = join(root, name);
      await materialize(dir, [...sample.files, ...overlay, { path: testFile, text: userTest }, { path: 'package.json', text: '{"type":"module"}\n' }]);
      return runNodeTest(node, dir, testFile, limits, signal);
    };
    const variant = (v: VariantResult['variant'], r: ProcessResult, defectId?: string): VariantResult => ({
      ...r,
      variant: v,
      defectId,
      passed: r.exitCode === 0 && !r.timedOut && !r.outputCapped && !r.cancelled,
    });
    const ai = variant('ai', await run('ai', []));
    const reference = variant('reference', await run('reference', sample.reference));
    const mutants: VariantResult[] = [];
    for (const [defectId, files] of Object.entries(sample.mutants)) {
      mutants.push(variant('mutant', await run(`mutant-${defectId}`, files), defectId));
    }
    const all = [ai, reference, ...mutants];
    const cancelled = all.some((v) => v.cancelled);
    const caught = reference.passed && !cancelled ? mutants.filter((m) => !m.passed).map((m) => m.defectId ?? '') : [];
    const missed = mutants.map((m) => m.defectId ?? '').filter((d) => !caught.includes(d));
    const strayProcesses = all.reduce((n, v) => n + v.strayProcesses, 0);
    const stray = strayProcesses ? ` ${strayProcesses} process(es) your tests left running were stopped.` : '';
    const summary = cancelled ? 'You cancelled the run; nothing was scored.' : summarize(sample, reference, caught, missed);
    return { ai, reference, mutants, caught, missed, summary: summary + stray, strayProcesses, cancelled };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function summarize(sample: WorkSample, reference: VariantResult, caught: string[], missed: string[]): string {
  const concept = (id: string) => sample.defects.find((d) => d.id === id)?.concept ?? id;
  const total = caught.length + missed.length;
  if (reference.timedOut) return 'Your tests did not finish on the correct version (stopped after the time limit): look for an infinite loop or a missing await.';
  if (reference.outputCapped) return 'Your tests printed too much output on the correct version and were stopped.';
  if (!reference.passed) {
    const names = reference.failedTests.slice(0, 3).join('; ');
    return `Your tests fail on the correct version, so they are wrong tests, not catches${names ? `: ${names}` : ''}. Fix them first.`;
  }
  const missedText = missed.length ? `: missed ${missed.map(concept).join('; missed ')}` : '';
  return `Your tests pass on the correct version and catch ${caught.length} of ${total} planted bugs${missedText}.`;
}
