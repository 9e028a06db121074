// Runs real processes: the user's tests against the planted bugs of the tiny sample, then every
// bundled runnable sample's own tests, checks and mutants. Content validation, not unit tests.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContentDir } from '../../src/core/loadContent';
import { anchorLines, judgeReview as gradeReview } from '../../src/core/judge/reviewJudge';
import { runAgainstVariants, runNodeTest } from '../../src/core/workSamples/runner';
import { node, tinySample } from '../tinySample';

describe('running the user’s tests against the planted bugs', function () {
  this.timeout(60_000);
  const sample = tinySample();
  const checks = sample.checks[0]?.text ?? '';

  it('a strong test file passes on the reference and catches every mutant', async () => {
    const r = await runAgainstVariants(sample, checks, node);
    assert.equal(r.reference.passed, true, r.reference.output);
    assert.deepEqual(r.caught.sort(), ['negative-step', 'no-cap']);
    assert.deepEqual(r.missed, []);
    assert.match(r.summary, /catch 2 of 2 planted bugs/);
  });

  it('a weak test file catches only what it tests, and names what it missed', async () => {
    const weak = checks.replace(/test\('rejects negative'[\s\S]*$/, '');
    const r = await runAgainstVariants(sample, weak, node);
    assert.deepEqual(r.caught, ['no-cap']);
    assert.match(r.summary, /catch 1 of 2 planted bugs: missed negative steps are accepted/);
  });

  it('reports tests that fail on the correct version as wrong tests, not catches', async () => {
    const wrong = `import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { Counter } from './counter.js';\ntest('expects no cap', () => { const c = new Counter(2); c.add(5); assert.equal(c.add(), 6); });\n`;
    const r = await runAgainstVariants(sample, wrong, node);
    assert.equal(r.reference.passed, false);
    assert.deepEqual(r.caught, []);
    assert.match(r.summary, /fail on the correct version, so they are wrong tests.*expects no cap/);
  });

  it('kills an infinite loop at the time limit and reports it', async () => {
    const loop = `import test from 'node:test';\ntest('spins', () => { for (;;) {} });\n`;
    const r = await runAgainstVariants(sample, loop, node, { timeoutMs: 1500, maxOutputBytes: 100_000 });
    assert.equal(r.reference.timedOut, true);
    assert.match(r.summary, /did not finish on the correct version/);
  });

  it('caps huge output and stops the run', async () => {
    const noisy = `import test from 'node:test';\ntest('prints', () => { for (let i = 0; i < 1e6; i++) console.log('x'.repeat(200)); });\n`;
    const r = await runAgainstVariants(sample, noisy, node, { timeoutMs: 20_000, maxOutputBytes: 50_000 });
    assert.equal(r.reference.outputCapped, true);
    assert.ok(r.reference.output.length <= 50_000);
  });

  it('kills runaway child processes the tests started (the whole process group)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ip-runaway-'));
    const marker = `ip-runaway-${process.pid}-${Date.now()}`;
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(dir, 'spawn.test.js'),
      `import test from 'node:test';\nimport { spawn } from 'node:child_process';\ntest('leaks a child', async () => { spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${marker}'], { stdio: 'ignore' }); await new Promise(() => {}); });\n`,
    );
    const r = await runNodeTest(node, dir, 'spawn.test.js', { timeoutMs: 1500, maxOutputBytes: 10_000 });
    assert.equal(r.timedOut, true);
    await new Promise((res) => setTimeout(res, 300));
    const left = execSync('ps -eo args').toString().split('\n').filter((l) => l.includes(marker));
    assert.deepEqual(left, [], 'the runaway child is gone');
  });

  it('stops processes that escaped the process group (setsid, detached + unref, even with a cleared environment) and says so', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'ip-escape-'));
    const marker = `ip-escape-${process.pid}-${Date.now()}`;
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const keep = `'-e', 'setInterval(() => {}, 1000)', '${marker}'`;
    writeFileSync(
      join(dir, 'escape.test.js'),
      [
        `import test from 'node:test';`,
        `import { spawn } from 'node:child_process';`,
        `test('escapes', async () => {`,
        `  spawn('setsid', [process.execPath, ${keep}], { detached: true, stdio: 'ignore' }).unref();`,
        `  spawn(process.execPath, [${keep}], { detached: true, stdio: 'ignore' }).unref();`,
        `  spawn(process.execPath, [${keep}], { detached: true, stdio: 'ignore', env: {} }).unref();`,
        `  await new Promise((r) => setTimeout(r, 300));`,
        `});`,
      ].join('\n'),
    );
    const r = await runNodeTest(node, dir, 'escape.test.js', { timeoutMs: 10_000, maxOutputBytes: 10_000 });
    assert.equal(r.exitCode, 0, r.output);
    await new Promise((res) => setTimeout(res, 300));
    const left = execSync('ps -eo args').toString().split('\n').filter((l) => l.includes(marker));
    assert.deepEqual(left, [], 'no process of the run survives');
    assert.ok(r.strayProcesses >= 3, `reported ${r.strayProcesses} stray processes`);
  });

  it('passes the tests only what Node needs from the environment, not VS Code’s variables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ip-env-'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(join(dir, 'env.test.js'), `import test from 'node:test';\nimport assert from 'node:assert/strict';\ntest('env', () => { assert.equal(process.env.VSCODE_IPC_HOOK, undefined); assert.equal(process.env.SECRET_TOKEN, undefined); assert.ok(process.env.PATH); });\n`);
    process.env.VSCODE_IPC_HOOK = '/tmp/vscode-ipc.sock';
    process.env.SECRET_TOKEN = 'hunter2';
    try {
      const r = await runNodeTest(node, dir, 'env.test.js', { timeoutMs: 10_000, maxOutputBytes: 10_000 });
      assert.equal(r.exitCode, 0, r.output);
    } finally {
      delete process.env.VSCODE_IPC_HOOK;
      delete process.env.SECRET_TOKEN;
    }
  });

  it('a cancelled run stops at once and scores nothing', async () => {
    const abort = new AbortController();
    const loop = `import test from 'node:test';\ntest('spins', () => { for (;;) {} });\n`;
    setTimeout(() => abort.abort(), 500);
    const started = Date.now();
    const r = await runAgainstVariants(sample, loop, node, { timeoutMs: 60_000, maxOutputBytes: 10_000 }, abort.signal);
    assert.equal(r.cancelled, true);
    assert.deepEqual(r.caught, []);
    assert.match(r.summary, /cancelled/);
    assert.ok(Date.now() - started < 20_000, 'does not wait for the time limit');
  });
});

describe('the bundled work samples', function () {
  this.timeout(180_000);
  const { bundle } = loadContentDir('content');

  it('has at least 8 work samples, 4 of them runnable, covering most topics', () => {
    assert.ok(bundle.workSamples.length >= 8, `${bundle.workSamples.length} samples`);
    assert.ok(bundle.workSamples.filter((w) => w.runnable).length >= 4);
    assert.ok(new Set(bundle.workSamples.map((w) => w.topic)).size >= 5);
  });

  for (const sample of bundle.workSamples.filter((w) => w.runnable)) {
    it(`${sample.id}: the AI's own tests pass on the AI version; the checks pass on the reference and catch every mutant`, async () => {
      const aiTests = sample.files.find((f) => f.path === sample.testFile)?.text ?? '';
      const own = await runAgainstVariants(sample, aiTests, node);
      assert.equal(own.ai.passed, true, `the AI-written tests pass on the AI version (that is the trap):\n${own.ai.output.slice(-1500)}`);
      const caught = new Set<string>();
      for (const check of sample.checks) {
        const r = await runAgainstVariants(sample, check.text, node);
        assert.equal(r.reference.passed, true, `${check.path} passes on the reference:\n${r.reference.output.slice(-1500)}`);
        for (const c of r.caught) caught.add(c);
      }
      assert.deepEqual([...caught].sort(), Object.keys(sample.mutants).sort(), 'every mutant fails at least one check');
    });
  }

  it('every defect’s own concept sentence, placed at its anchor, states its claim', () => {
    for (const sample of bundle.workSamples) {
      const comments = sample.defects.map((d) => {
        const text = sample.files.find((f) => f.path === d.file)?.text ?? '';
        return { file: d.file, line: anchorLines(text, d.anchor)?.first ?? 0, text: `The problem: ${d.concept}.` };
      });
      const g = gradeReview(sample, comments);
      assert.deepEqual(g.missed.map((d) => d.id), [], sample.id);
    }
  });
});
