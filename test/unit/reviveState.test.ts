import assert from 'node:assert/strict';
import { REVIEW_QUEUE_MAX, reviveQuestionState } from '../../src/shared/protocol/question';

const bank = new Set(['trace-sampling', 'structured-logging', 'slo-burn-rate', 'cache-stampede']);
const known = (id: string) => bank.has(id);

describe('reviving a question panel from its webview state', () => {
  it('brings a review back on the same question with the same remaining queue', () => {
    const saved = { questionId: 'trace-sampling', revealed: true, review: true, queue: ['structured-logging', 'slo-burn-rate'], draft: 'x' };
    assert.deepEqual(reviveQuestionState(saved, known), { questionId: 'trace-sampling', revealed: true, queue: ['structured-logging', 'slo-burn-rate'], pinned: true });
  });

  it('drops queue ids the bank no longer knows (and malformed ones) without losing the rest', () => {
    const saved = { questionId: 'trace-sampling', review: true, queue: ['gone-question', 'structured-logging', 'NOT AN ID', 'cache-stampede'] };
    assert.deepEqual(reviveQuestionState(saved, known)?.queue, ['structured-logging', 'cache-stampede']);
  });

  it('moves a review on to the next known question when the shown one left the bank', () => {
    const saved = { questionId: 'gone-question', revealed: true, review: true, queue: ['also-gone', 'slo-burn-rate', 'cache-stampede'] };
    assert.deepEqual(reviveQuestionState(saved, known), { questionId: 'slo-burn-rate', revealed: false, queue: ['cache-stampede'], pinned: true });
    assert.equal(reviveQuestionState({ questionId: 'gone-question', review: true, queue: ['also-gone'] }, known), undefined);
  });

  it('keeps a state saved before the queue was kept: a review with nothing left, a plain panel as it was', () => {
    assert.deepEqual(reviveQuestionState({ questionId: 'trace-sampling', review: true }, known), { questionId: 'trace-sampling', revealed: false, queue: [], pinned: true });
    // Saved before preview panels existed: it comes back kept open, as every panel was then.
    assert.deepEqual(reviveQuestionState({ questionId: 'trace-sampling', revealed: true }, known), { questionId: 'trace-sampling', revealed: true, pinned: true });
    assert.equal(reviveQuestionState({ questionId: 'gone-question' }, known), undefined);
  });

  it('brings the preview panel back as the preview, and a kept one as kept', () => {
    assert.equal(reviveQuestionState({ questionId: 'trace-sampling', pinned: false }, known)?.pinned, false);
    assert.equal(reviveQuestionState({ questionId: 'trace-sampling', pinned: true, draft: 'half an answer' }, known)?.pinned, true);
    // A review panel is never the preview, whatever its state claims.
    assert.equal(reviveQuestionState({ questionId: 'trace-sampling', review: true, pinned: false, queue: [] }, known)?.pinned, true);
  });

  it('refuses what a hostile or corrupt webview state could hold', () => {
    for (const bad of [undefined, null, 42, 'trace-sampling', {}, { questionId: '../x' }, { questionId: 'trace-sampling', review: true, queue: 'slo-burn-rate' }, { questionId: 'trace-sampling', review: true, queue: Array(REVIEW_QUEUE_MAX + 1).fill('slo-burn-rate') }, { questionId: 'trace-sampling', review: true, queue: [{}] }]) {
      assert.equal(reviveQuestionState(bad, known), undefined, JSON.stringify(bad)?.slice(0, 80));
    }
  });
});
