import assert from 'node:assert/strict';
import { anchorLines, judgeReview } from '../../src/core/judge/reviewJudge';
import { fromSessionRecord, toSessionRecord, type PersistedSession } from '../../src/core/workSamples/sessionRecord';
import { COUNTER, tinySample } from '../tinySample';

describe('a work sample session kept across a window reload', () => {
  const sample = tinySample();
  const line = (anchor: string) => anchorLines(COUNTER, anchor)?.first ?? 0;
  const comments = [
    { file: 'counter.js', line: line('this.n += by;'), text: 'Nothing caps this at max: use Math.min so it cannot overflow the upper bound.' },
    { file: 'counter.js', line: 1, text: 'ok' },
  ];
  const session: PersistedSession = {
    grade: judgeReview(sample, comments),
    attempt: 'ev-123-abcdef',
    marks: { 'negative-step': true },
    judgedBy: { kind: 'offline', note: 'the offline judge decided' },
    commentTexts: comments.map((c) => c.text),
    showReference: true,
    hintTaken: false,
  };

  it('comes back from its JSON file as the same judgement, marks and flags, with the sample’s own defects', () => {
    const back = fromSessionRecord(JSON.parse(JSON.stringify(toSessionRecord(session))), sample);
    assert.deepEqual(back, { ...session, tests: undefined });
    // Defects are looked up in the sample, not copied from the file.
    assert.equal(back?.grade?.found[0]?.defect, sample.defects.find((d) => d.id === 'no-cap'));
    assert.deepEqual(back?.grade?.missed.map((d) => d.id), ['negative-step']);
  });

  it('drops a judgement (and its marks) that names a defect the sample no longer has, keeping the rest', () => {
    const record = JSON.parse(JSON.stringify(toSessionRecord(session))) as { grade: { missed: string[] } };
    record.grade.missed = ['renamed-defect'];
    const back = fromSessionRecord(record, sample);
    assert.equal(back?.grade, undefined);
    assert.deepEqual(back?.marks, {});
    assert.equal(back?.attempt, undefined);
    assert.equal(back?.showReference, true);
  });

  it('ignores a corrupt or foreign file', () => {
    for (const bad of [null, 'x', {}, { v: 2, marks: {}, showReference: false, hintTaken: false }, { ...toSessionRecord(session), marks: { 'no-cap': 'yes' } }]) {
      assert.equal(fromSessionRecord(bad, sample), undefined, JSON.stringify(bad).slice(0, 60));
    }
  });
});
