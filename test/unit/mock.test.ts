import assert from 'node:assert/strict';
import { loadContentDir } from '../../src/core/loadContent';
import { gradeTurn, ratingsOf, secondsPerQuestion, startMock, submitAnswer, type MockState } from '../../src/core/mock/session';
import { scorecard, transcriptMarkdown } from '../../src/core/mock/scorecard';
import { FIXTURE_CONTENT } from './helpers';

const bank = loadContentDir(FIXTURE_CONTENT).bundle;
const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length] ?? 0;
};
const kp = (id: string) => bank.questions.find((q) => q.id === id)?.keyPoints.length ?? 0;

describe('mock interview', () => {
  it('picks main questions of the chosen topics and difficulty, least practised first', () => {
    const s = startMock(bank, { topics: [], difficulty: 'any', questions: 2, minutes: 20 }, 0, seq(0.5), (id) => (id === 'idempotent-consumers' ? 3 : 0));
    assert.equal(s.items.length, 2);
    assert.ok(s.items.every((i) => bank.questions.find((q) => q.id === i.main.questionId)?.kind !== 'follow-up'));
    assert.ok(!s.items.some((i) => i.main.questionId === 'idempotent-consumers'), 'the practised question waits');
    const senior = startMock(bank, { topics: ['alpha-topic'], difficulty: 'senior', questions: 5, minutes: 20 }, 0, seq(0.1));
    assert.deepEqual(senior.items.map((i) => i.main.questionId), ['trace-sampling']);
    assert.equal(senior.items[0]?.followUp?.questionId, 'trace-sampling-decision-wait', 'asks a follow-up when the question has one');
    assert.throws(() => startMock(bank, { topics: ['nope-topic'], difficulty: 'any', questions: 2, minutes: 10 }, 0, seq(0.1)), /No questions match/);
  });

  it('walks answer → grade → follow-up → grade → next → done, timing each answer', () => {
    let s: MockState = startMock(bank, { topics: ['alpha-topic'], difficulty: 'senior', questions: 1, minutes: 12 }, 1_000, seq(0.1));
    assert.equal(secondsPerQuestion(s), 480, '12 minutes shared by one question and half a follow-up');
    s = submitAnswer(s, 'Tail sampling, keep errors.', 61_000, false);
    assert.equal(s.phase, 'grading');
    assert.equal(s.items[0]?.main.seconds, 60);
    s = gradeTurn(s, [0, 1, 1, 99], 3, 70_000);
    assert.deepEqual(s.items[0]?.main.covered, [0, 1], 'duplicates and out-of-range indexes dropped');
    assert.equal(s.phase, 'followUp');
    s = submitAnswer(s, '', 200_000, true);
    assert.equal(s.items[0]?.followUp?.timedOut, true);
    s = gradeTurn(s, [], 2, 201_000);
    assert.equal(s.phase, 'done');
    assert.deepEqual(
      ratingsOf(s, kp).map((r) => [r.id, r.rating]),
      [['trace-sampling', 2], ['trace-sampling-decision-wait', 1]],
      'results feed spaced repetition with the proposed grade',
    );
  });

  it('ignores actions out of phase (a double-submitted answer changes nothing)', () => {
    const s = startMock(bank, { topics: ['alpha-topic'], difficulty: 'intermediate', questions: 1, minutes: 5 }, 0, seq(0.1));
    const graded = gradeTurn(s, [0], 3, 10);
    assert.equal(graded, s);
  });

  it('builds a scorecard with coverage per question and the weakest topics, and a transcript', () => {
    let s = startMock(bank, { topics: ['alpha-topic'], difficulty: 'any', questions: 3, minutes: 30 }, 0, seq(0.3, 0.1, 0.2));
    const answers = ['First answer', 'Second | with a pipe\n# not a heading', ''];
    for (let i = 0; s.phase !== 'done'; i++) {
      s = submitAnswer(s, answers[i % 3] ?? '', (i + 1) * 60_000, false);
      s = gradeTurn(s, [0], 5, (i + 1) * 60_000 + 1);
    }
    const card = scorecard(s, bank);
    assert.ok(card.total > 0 && card.covered >= 3);
    const md = transcriptMarkdown(s, bank, new Date('2026-11-24T12:00:00Z'));
    assert.match(md, /^# Mock interview — 2026-11-24/);
    assert.match(md, /\| # \| Question \| Topic \| Key points covered \| Time \|/);
    assert.match(md, /\*\*Total\*\*/);
    assert.match(md, /- \[x\] /);
    assert.match(md, /> # not a heading/, 'the user’s answer is quoted so it cannot restructure the transcript');
  });
});

describe('generated follow-ups in a mock interview', () => {
  it('asks one after a main question with no bank follow-up, takes the answer ungraded, and shows it in the transcript labelled', async () => {
    const { answerGenerated, askGenerated, wantsGeneratedFollowUp } = await import('../../src/core/mock/generatedFollowUp');
    const withoutFollowUp = bank.questions.find((q) => q.kind !== 'follow-up' && !bank.questions.some((f) => f.parent === q.id));
    assert.ok(withoutFollowUp, 'the fixture bank has a main question without follow-ups');
    let s: MockState = startMock(bank, { topics: [withoutFollowUp.topic], difficulty: withoutFollowUp.difficulty, questions: 1, minutes: 10 }, 0, seq(0.1));
    s = { ...s, items: [{ main: { ...s.items[0]!.main, questionId: withoutFollowUp.id } }] };
    s = submitAnswer(s, 'My answer.', 30_000, false);
    const before = s;
    assert.equal(wantsGeneratedFollowUp(before), true);
    s = gradeTurn(s, [0], kp(withoutFollowUp.id), 40_000);
    assert.equal(s.phase, 'done', 'without a model the interview simply ends');
    s = askGenerated(s, before.index, 'What would you measure first?', 41_000);
    assert.equal(s.phase, 'generated');
    assert.equal(wantsGeneratedFollowUp(s), false);
    s = answerGenerated(s, 'The error rate per route.', 71_000);
    assert.equal(s.phase, 'done');
    assert.equal(s.items[0]?.generated?.seconds, 30);
    assert.deepEqual(ratingsOf(s, kp).map((r) => r.id), [withoutFollowUp.id], 'the generated turn is never graded or scheduled');
    const md = transcriptMarkdown(s, bank, new Date(0));
    assert.match(md, /generated by your language model \(not from the bank, not graded\)/);
    assert.match(md, /> What would you measure first\?/);
    assert.match(md, /> The error rate per route\./);
  });
});
