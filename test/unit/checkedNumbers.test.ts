import assert from 'node:assert/strict';
import { join } from 'node:path';
import { evaluateExpression, ExpressionError, stripChecks, verifyChecks } from '../../src/core/checkedNumbers';
import { formatContentError } from '../../src/core/contentError';
import { loadContentDir } from '../../src/core/loadContent';
import { contentWith } from './helpers';

const throwsAt = (src: string, column: number, reason: RegExp) =>
  assert.throws(() => evaluateExpression(src), (e: unknown) => e instanceof ExpressionError && e.column === column && reason.test(e.reason), src);

describe('checked numbers: the expression evaluator', () => {
  it('follows arithmetic precedence and associativity', () => {
    assert.equal(evaluateExpression('2 + 3 * 4'), 14);
    assert.equal(evaluateExpression('(2 + 3) * 4'), 20);
    assert.equal(evaluateExpression('10 - 4 - 3'), 3);
    assert.equal(evaluateExpression('100 / 10 / 5'), 2);
    assert.equal(evaluateExpression('300 * 1.5 * 52'), 23400);
    assert.equal(evaluateExpression('0.2 * 30 / 0.5'), 12);
    assert.equal(evaluateExpression('.5 + 1.25e3'), 1250.5);
  });

  it('evaluates ^ as a right-associative power binding tighter than * and unary minus', () => {
    assert.equal(evaluateExpression('2 ^ 3 ^ 2'), 512);
    assert.equal(evaluateExpression('2 * 3 ^ 2'), 18);
    assert.equal(evaluateExpression('-2 ^ 2'), -4);
    assert.equal(evaluateExpression('(-2) ^ 2'), 4);
    assert.equal(evaluateExpression('2 ^ -1'), 0.5);
    assert.ok(Math.abs(evaluateExpression('1 - 0.99 ^ 100') - 0.634) < 0.001);
  });

  it('handles unary minus and plus, nested parentheses', () => {
    assert.equal(evaluateExpression('-3 + 5'), 2);
    assert.equal(evaluateExpression('4 * -2'), -8);
    assert.equal(evaluateExpression('--3'), 3);
    assert.equal(evaluateExpression('+3 - -3'), 6);
    assert.equal(evaluateExpression('((1 + 2) * (3 + (4 - 1)))'), 18);
  });

  it('reports division by zero at the divisor', () => {
    throwsAt('1 / 0', 5, /division by zero/);
    throwsAt('4 / (2 - 2)', 5, /division by zero/);
    throwsAt('0 ^ -1', 3, /not a finite number/);
  });

  it('reports garbage with its column', () => {
    throwsAt('2 + x', 5, /unexpected "x"/);
    throwsAt('2 +', 4, /expected a number .* end of expression/);
    throwsAt('(2 + 3', 7, /expected "\)"/);
    throwsAt('2 3', 3, /unexpected number 3/);
    throwsAt('', 1, /expected a number/);
    throwsAt('2 ** 3', 4, /expected a number or "\(" but found "\*"/);
    throwsAt('1,000 * 2', 2, /unexpected ","/);
    throwsAt('Math.max(1)', 1, /unexpected "M"/);
    throwsAt('2 + 2)', 6, /unexpected "\)"/);
  });
});

describe('checked numbers: comments in a file', () => {
  it('passes a right check, within 0.5 % by default or the given tolerance', () => {
    const r = verifyChecks('a <!-- check: 300 * 1.5 * 52 = 23400 --> b <!-- check: 1 - 0.99^100 = 0.634 --> c <!-- check: 0.2 * 30 / 0.5 = 12 ± 0.01 --> <!-- check: 10 / 3 = 3.3 ± 2% -->');
    assert.deepEqual(r, { checks: 4, problems: [] });
  });

  it('fails a wrong sum with what it evaluates to, at its line', () => {
    const r = verifyChecks('line one\n19,800 h <!-- check: 300 * 1.5 * 52 = 19800 -->\n');
    assert.deepEqual(r.problems, [{ line: 2, message: 'check failed: 300 * 1.5 * 52 = 19800 (evaluates to 23400)' }]);
    assert.equal(verifyChecks('<!-- check: 100 = 100.6 -->').problems.length, 1, 'outside 0.5 %');
    assert.equal(verifyChecks('<!-- check: 100 = 100.4 -->').problems.length, 0, 'inside 0.5 %');
    assert.equal(verifyChecks('<!-- check: 12.2 = 12 ± 0.1 -->').problems.length, 1);
  });

  it('reports unreadable checks and ignores other comments', () => {
    const msgs = (s: string) => verifyChecks(s).problems.map((p) => p.message);
    assert.deepEqual(msgs('<!-- a note: 1 = 2 -->'), []);
    assert.match(msgs('<!-- check: 2 + x = 3 -->')[0] ?? '', /unreadable check: .*unexpected "x" at column 5/);
    assert.match(msgs('<!-- check: 2 + 2 -->')[0] ?? '', /needs exactly one "="/);
    assert.match(msgs('<!-- check 2 + 2 = 4 -->')[0] ?? '', /needs a colon/);
    assert.match(msgs('<!-- check: 1 / 0 = 1 -->')[0] ?? '', /division by zero/);
    assert.match(msgs('text\n\n<!-- check: 1 = 1')[0] ?? '', /not closed/);
    assert.equal(verifyChecks('text\n\n<!-- check: 1 = 1').problems[0]?.line, 3);
  });

  it('strips checks (and the space before them) and keeps line numbers', () => {
    assert.equal(stripChecks('19,800 h <!-- check: 300 * 1.5 * 44 = 19800 -->.\nnext <!-- other -->'), '19,800 h.\nnext <!-- other -->');
    assert.equal(stripChecks('a <!-- check: 1 +\n 1 = 2 --> b'), 'a\n b');
  });

  it('makes the loader report a wrong check as file:line and keep checks out of the bundle', () => {
    const q = `---\ntitle: A fine question title\nkind: question\ndifficulty: senior\nminutes: 3\ntags: [one, two]\n---\n# Prompt\nWhat?\n\n# Answer\nThis costs 19,800 h <!-- check: 300 * 1.5 * 52 = 19800 --> a year and 12 days <!-- check: 0.2 * 30 / 0.5 = 12 -->.\n\n# Key points\n- one\n- two\n- three\n\n# Strong signals\n- good\n\n# Weak signals\n- bad\n`;
    const dir = contentWith({ 'questions/alpha-topic/sums.md': q });
    const { bundle, errors } = loadContentDir(dir);
    assert.deepEqual(errors.map(formatContentError), [`${join(dir, 'questions/alpha-topic/sums.md')}:12: check failed: 300 * 1.5 * 52 = 19800 (evaluates to 23400)`]);
    const loaded = bundle.questions.find((x) => x.id === 'sums');
    assert.equal(loaded?.answer, 'This costs 19,800 h a year and 12 days.');
  });
});
