import assert from 'node:assert/strict';
import { loadContentDir } from '../../src/core/loadContent';
import { anchorLines, judgeReview as gradeReview, type ReviewComment } from '../../src/core/judge/reviewJudge';
import { COUNTER, files, SAMPLE_MD, tinySample } from '../tinySample';
import { contentWith } from './helpers';

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
