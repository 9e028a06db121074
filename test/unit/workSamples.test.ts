import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { loadContentDir } from '../../src/core/loadContent';
import type { WorkSample } from '../../src/core/schema';
import { anchorLines, gradeReview, type ReviewComment } from '../../src/core/workSamples/grader';
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

describe('review grading', () => {
  const sample = tinySample();
  const line = (anchor: string) => anchorLines(COUNTER, anchor)?.first ?? 0;

  it('credits a strong review for every defect and weights the score by severity', () => {
    const comments: ReviewComment[] = [
      { file: 'counter.js', line: line('this.n += by;'), text: 'Nothing caps this at max: use Math.min so it cannot overflow the upper bound.' },
      { file: 'counter.js', line: line('add(by = 1) {'), text: 'A negative step is accepted; validate and throw a RangeError.' },
    ];
    const g = gradeReview(sample, comments);
    assert.equal(g.score, 100);
    assert.deepEqual(g.missed, []);
    assert.deepEqual(g.unmatched, []);
  });

  it('gives partial credit for a partial review: critical (3) of 3+1', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;'), text: 'should be capped at the maximum' }]);
    assert.equal(g.score, 75);
    assert.deepEqual(g.missed.map((d) => d.id), ['negative-step']);
  });

  it('accepts paraphrases: the words of a multi-word term in any order', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;') + 1, text: 'there is no bound on the upper side here' }]);
    assert.deepEqual(g.found.map((f) => f.defect.id), ['no-cap']);
  });

  it('gives nothing for the right words on the wrong lines or in the wrong file', () => {
    const g = gradeReview(sample, [
      { file: 'counter.js', line: 1, text: 'no cap, negative values accepted, RangeError missing' },
      { file: 'counter.test.js', line: line('this.n += by;'), text: 'no cap at maximum' },
    ]);
    assert.equal(g.score, 0);
    assert.deepEqual(g.unmatched, [0, 1]);
  });

  it('does not pay for keyword stuffing: a buzzword comment earns only the defect at its own location', () => {
    const stuffed = 'race atomic cap maximum Math.min negative validate RangeError overflow leak injection monotonic';
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;') + 6, text: stuffed }]);
    assert.deepEqual(g.found.map((f) => f.defect.id), []);
    const near = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;'), text: stuffed }]);
    assert.ok(near.found.length <= 2 && near.found.some((f) => f.defect.id === 'no-cap'));
  });

  it('finds anchors in the user’s edited file, so edits elsewhere do not break grading', () => {
    const edited = '// a note the user added\n// and another\n' + COUNTER;
    const g = gradeReview(sample, [{ file: 'counter.js', line: line('this.n += by;') + 2, text: 'no cap here' }], (f) => (f === 'counter.js' ? edited : undefined));
    assert.deepEqual(g.found.map((f) => f.defect.id), ['no-cap']);
  });

  it('reports comments that match nothing (they may still be valid points)', () => {
    const g = gradeReview(sample, [{ file: 'counter.js', line: 3, text: 'Consider a JSDoc type for max.' }]);
    assert.deepEqual(g.unmatched, [0]);
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

  it('every sample’s reference review is graded 100 when its comments sit on the anchors', () => {
    for (const sample of bundle.workSamples) {
      const comments = sample.defects.map((d) => {
        const text = sample.files.find((f) => f.path === d.file)?.text ?? '';
        return { file: d.file, line: anchorLines(text, d.anchor)?.first ?? 0, text: `${d.concept}. ${d.terms[0]}` };
      });
      assert.equal(gradeReview(sample, comments).score, 100, sample.id);
    }
  });
});
