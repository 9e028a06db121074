// The tiny runnable work sample both test tiers use (unit: loading and judging; content: running).
import assert from 'node:assert/strict';
import { loadContentDir } from '../src/core/loadContent';
import type { WorkSample } from '../src/core/schema';
import { contentWith } from './unit/helpers';

export const node = { execPath: process.execPath };

/** A tiny runnable sample written here, so grader and runner tests do not depend on the bank's wording. */
export const SAMPLE_MD = `---
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

export const COUNTER = `// @ts-check
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
export const files = {
  'work-samples/tiny-counter/sample.md': SAMPLE_MD,
  'work-samples/tiny-counter/files/counter.js': COUNTER,
  'work-samples/tiny-counter/files/counter.test.js': `import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { Counter } from './counter.js';\ntest('adds', () => { assert.equal(new Counter(5).add(), 1); });\n`,
  'work-samples/tiny-counter/reference/counter.js': FIXED,
  'work-samples/tiny-counter/mutants/no-cap/counter.js': FIXED.replace('Math.min(this.max, this.n + by)', 'this.n + by'),
  'work-samples/tiny-counter/mutants/negative-step/counter.js': FIXED.replace('    if (by < 0) throw new RangeError("negative");\n', ''),
  'work-samples/tiny-counter/checks/counter.test.js': `import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { Counter } from './counter.js';\ntest('caps', () => { const c = new Counter(2); c.add(5); assert.equal(c.add(), 2); });\ntest('rejects negative', () => { assert.throws(() => new Counter(2).add(-1), RangeError); });\n`,
};

export function tinySample(): WorkSample {
  const { bundle, errors } = loadContentDir(contentWith(files));
  assert.deepEqual(errors, []);
  const s = bundle.workSamples.find((w) => w.id === 'tiny-counter');
  assert.ok(s);
  return s;
}
