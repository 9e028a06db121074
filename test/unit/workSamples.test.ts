import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { loadContentDir } from '../../src/core/loadContent';
import type { WorkSample } from '../../src/core/schema';
import { anchorLines, judgeReview as gradeReview, type ReviewComment } from '../../src/core/judge/reviewJudge';
import { runAgainstVariants, runNodeTest } from '../../src/core/workSamples/runner';
import { contentWith } from './helpers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const node = { execPath: process.execPath };

/** A tiny runnable sample written here, so grader and runner tests do not depend on the bank's wording. */
const SAMPLE_MD = `---
title: Review a tiny counter
kind: work-sample
topic: alpha-topic
difficulty: senior
minutes: 10
tags: [review, counter]
runnable: true
test-file: counter.test.js
---
# Prompt
Review the counter.

# Reference review
It never caps and it races.

# Defects
## no-cap
- file: counter.js
- anchor: \`this.n += by;\`
- severity: critical
- concept: the count is never capped at the maximum
- terms: [cap, maximum, Math.min, upper bound, overflow]

### Claim
- limit: cap, max*, Math.min, upper bound, bound, limit, ceiling
- missing: never, no, not, nothing, without, missing, unbounded, overflow*, exceed*, past, above

### Why it matters
Unbounded.

### Fix
Cap it.

## negative-step
- file: counter.js
- anchor: \`add(by = 1) {\`
- severity: minor
- concept: negative steps are accepted
- terms: [negative, validate, RangeError]

### Where
- counter.js: \`add(by = 1) {\` … \`}\`

### Claim
- value: negative, below zero, < 0, minus, by
- check: validat*, accept*, allow*, reject*, RangeError, throw, check, guard

### Why it matters
Callers can subtract.

### Fix
Reject by < 0.
`;

const COUNTER = `// @ts-check
export class Counter {
  constructor(max) {
    this.max = max;
    this.n = 0;
  }

  add(by = 1) {
    this.n += by;
    return this.n;
  }
}
`;
const FIXED = COUNTER.replace('add(by = 1) {\n    this.n += by;', 'add(by = 1) {\n    if (by < 0) throw new RangeError("negative");\n    this.n = Math.min(this.max, this.n + by);');
const files = {
  'work-samples/tiny-counter/sample.md': SAMPLE_MD,
  'work-samples/tiny-counter/files/counter.js': COUNTER,
  'work-samples/tiny-counter/files/counter.test.js': `import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { Counter } from './counter.js';\ntest('adds', () => { assert.equal(new Counter(5).add(), 1); });\n`,
  'work-samples/tiny-counter/reference/counter.js': FIXED,
  'work-samples/tiny-counter/mutants/no-cap/counter.js': FIXED.replace('Math.min(this.max, this.n + by)', 'this.n + by'),
  'work-samples/tiny-counter/mutants/negative-step/counter.js': FIXED.replace('    if (by < 0) throw new RangeError("negative");\n', ''),
  'work-samples/tiny-counter/checks/counter.test.js': `import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { Counter } from './counter.js';\ntest('caps', () => { const c = new Counter(2); c.add(5); assert.equal(c.add(), 2); });\ntest('rejects negative', () => { assert.throws(() => new Counter(2).add(-1), RangeError); });\n`,
};

function tinySample(): WorkSample {
  const { bundle, errors } = loadContentDir(contentWith(files));
  assert.deepEqual(errors, []);
  const s = bundle.workSamples.find((w) => w.id === 'tiny-counter');
  assert.ok(s);
  return s;
}

describe('work-sample loading', () => {
  it('validates anchors: each must occur exactly once in its file', () => {
    const dir = contentWith({ ...files, 'work-samples/tiny-counter/sample.md': SAMPLE_MD.replace('`this.n += by;`', '`this.n`') });
    const { errors } = loadContentDir(dir);
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? '', /anchor must occur exactly once in counter.js, found 3 times/);
  });

  it('requires a mutant folder to name a defect, and runnable samples to have reference and checks', () => {
    const { errors } = loadContentDir(contentWith({ ...files, 'work-samples/tiny-counter/mutants/ghost/counter.js': 'x' }));
    assert.match(errors[0]?.message ?? '', /mutants\/ghost names no defect/);
  });

  it('loads files, reference, mutants and checks, and marks which defects have a mutant', () => {
    const s = tinySample();
    assert.deepEqual(s.files.map((f) => f.path), ['counter.js', 'counter.test.js']);
    assert.deepEqual(Object.keys(s.mutants).sort(), ['negative-step', 'no-cap']);
    assert.ok(s.defects.every((d) => d.hasMutant));
  });
});

describe('review judging (tiny sample)', () => {
  const sample = tinySample();
  const line = (anchor: string) => anchorLines(COUNTER, anchor)?.first ?? 0;

  it('credits a strong review for every defect and weights the score by severity', () => {
    const comments: ReviewComment[] = [
      { file: 'counter.js', line: line('this.n += by;'), text: 'Nothing caps this at max: use Math.min so it cannot overflow the upper bound.' },
      { file: 'counter.js', line: line('add(by = 1) {'), text: 'A negative step is accepted here; validate it and throw a RangeError.' },
    ];
    const g = gradeReview(sample, comments);
    assert.equal(g.score, 100);
    assert.deepEqual(g.missed, []);
    assert.deepEqual(g.unmatched, []);
  });

  it('gives partial credit for a partial review: critical (3) of 3+1', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;'), text: 'the count is never capped at the maximum value' }]);
    assert.equal(g.score, 75);
    assert.deepEqual(g.missed.map((d) => d.id), ['negative-step']);
  });

  it('credits a comment anywhere in a defect’s region, not only at the anchor line', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('add(by = 1) {') + 1, text: 'Callers can pass a negative step and nothing rejects it.' }]);
    assert.deepEqual(g.found.map((f) => f.defect.id), ['negative-step']);
  });

  it('gives nothing for the right words on the wrong lines or in the wrong file', () => {
    const g = gradeReview(sample, [
      { file: 'counter.js', line: 1, text: 'there is no cap at the maximum and negative values are accepted' },
      { file: 'counter.test.js', line: line('this.n += by;'), text: 'there is no cap at the maximum here' },
    ]);
    assert.equal(g.score, 0);
    assert.deepEqual(g.unmatched, [0, 1]);
  });

  it('pays nothing for a keyword list, a two-word comment or a dismissal at the anchor', () => {
    const at = line('this.n += by;');
    const g = gradeReview(sample, [
      { file: 'counter.js', line: at, text: 'cap maximum Math.min overflow bound negative RangeError' },
      { file: 'counter.js', line: at, text: 'no cap' },
      { file: 'counter.js', line: at, text: 'No overflow here, the max is never exceeded, this is fine.' },
      { file: 'counter.js', line: at, text: 'LGTM, the upper bound is not an issue.' },
    ]);
    assert.deepEqual(g.found, []);
    assert.deepEqual(g.comments.map((c) => c.rejected), ['keyword-list', 'too-short', 'dismissive', 'dismissive']);
  });

  it('credits the asserting half of a "fine, but…" comment', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;'), text: 'Looks fine at first glance, but the count is never capped at max.' }]);
    assert.deepEqual(g.found.map((f) => f.defect.id), ['no-cap']);
  });

  it('finds places in the user’s edited file, so edits elsewhere do not break judging', () => {
    const edited = '// a note the user added\n// and another\n' + COUNTER;
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;') + 2, text: 'the count is never capped at the maximum' }], (f) => (f === 'counter.js' ? edited : undefined));
    assert.deepEqual(g.found.map((f) => f.defect.id), ['no-cap']);
  });

  it('explains a miss: which concepts the comment stated and which it did not', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;'), text: 'Should we think about the maximum value here?' }]);
    const pair = g.comments[0]?.pairs.find((p) => p.defectId === 'no-cap');
    assert.ok(pair && !pair.credited);
    assert.deepEqual(pair.evidence.map((e) => e.group), ['limit']);
    assert.deepEqual(pair.missing, ['missing']);
  });
});

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

describe('practice-folder containment', () => {
  it('works with POSIX and Windows paths, and never by string prefix', async () => {
    const { posix, win32 } = await import('node:path');
    const { isInsideFolder } = await import('../../src/core/paths');
    assert.equal(isInsideFolder('/p/token-bucket', '/p/token-bucket/rate-limiter.js', posix), true);
    assert.equal(isInsideFolder('/p/token-bucket', '/p/token-bucket-2/rate-limiter.js', posix), false);
    assert.equal(isInsideFolder('C:\\Users\\me\\practice\\tb', 'C:\\Users\\me\\practice\\tb\\rate-limiter.js', win32), true);
    assert.equal(isInsideFolder('C:\\Users\\me\\practice\\tb', 'c:\\users\\me\\practice\\tb\\sub\\x.js', win32), true);
    assert.equal(isInsideFolder('C:\\Users\\me\\practice\\tb', 'D:\\Users\\me\\practice\\tb\\x.js', win32), false);
    assert.equal(isInsideFolder('C:\\Users\\me\\practice\\tb', 'C:\\Users\\me\\practice\\tb', win32), false);
  });
});
