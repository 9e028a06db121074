import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SampleFile, WorkSample } from '../schema';

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
}

export interface NodeCommand {
  /** Path of a Node binary (in VS Code: the extension host's, run as node). */
  readonly execPath: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `node --test <file>` in `cwd` as its own process group, with a timeout and an output cap.
 * Whatever happens, the whole group is killed before this resolves: an infinite loop, a child
 * process the test spawned, a server it forgot to close.
 */
export function runNodeTest(node: NodeCommand, cwd: string, testFile: string, limits: RunLimits): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...(node.env ?? process.env), FORCE_COLOR: '0', NO_COLOR: '1' };
    // Inherited from a parent test runner these would change how `node --test` reports.
    delete env.NODE_OPTIONS;
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(node.execPath, ['--test', '--test-reporter=tap', testFile], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    let bytes = 0;
    let timedOut = false;
    let outputCapped = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const onData = (chunk: Buffer) => {
      if (outputCapped) return;
      bytes += chunk.length;
      if (bytes > limits.maxOutputBytes) {
        output += chunk.subarray(0, Math.max(0, limits.maxOutputBytes - (bytes - chunk.length))).toString('utf8');
        outputCapped = true;
        killGroup();
        return;
      }
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, limits.timeoutMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      killGroup();
      resolve({ exitCode, output, timedOut, outputCapped, failedTests: failedTestNames(output) });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ exitCode: null, output: `${output}\n${e.message}`, timedOut, outputCapped, failedTests: [] });
    });
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
export async function runAgainstVariants(sample: WorkSample, userTest: string, node: NodeCommand, limits: RunLimits = DEFAULT_LIMITS): Promise<TestRunReport> {
  const testFile = sample.testFile;
  if (!sample.runnable || !testFile) throw new Error(`${sample.title} has no runnable tests`);
  const root = await mkdtemp(join(tmpdir(), `ip-run-${sample.id}-`));
  try {
    const run = async (name: string, overlay: readonly SampleFile[]) => {
      const dir = join(root, name);
      await materialize(dir, [...sample.files, ...overlay, { path: testFile, text: userTest }, { path: 'package.json', text: '{"type":"module"}\n' }]);
      return runNodeTest(node, dir, testFile, limits);
    };
    const variant = (v: VariantResult['variant'], r: ProcessResult, defectId?: string): VariantResult => ({
      ...r,
      variant: v,
      defectId,
      passed: r.exitCode === 0 && !r.timedOut && !r.outputCapped,
    });
    const ai = variant('ai', await run('ai', []));
    const reference = variant('reference', await run('reference', sample.reference));
    const mutants: VariantResult[] = [];
    for (const [defectId, files] of Object.entries(sample.mutants)) {
      mutants.push(variant('mutant', await run(`mutant-${defectId}`, files), defectId));
    }
    const caught = reference.passed ? mutants.filter((m) => !m.passed).map((m) => m.defectId ?? '') : [];
    const missed = mutants.map((m) => m.defectId ?? '').filter((d) => !caught.includes(d));
    return { ai, reference, mutants, caught, missed, summary: summarize(sample, reference, caught, missed) };
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
