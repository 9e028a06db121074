import assert from 'node:assert/strict';
import { loadContentDir } from '../../src/core/loadContent';
import { bankFollowUp, gradeTurn, ratingsOf, secondsPerQuestion, startMock, submitAnswer, type MockState } from '../../src/core/mock/session';
import { scorecard, transcriptMarkdown } from '../../src/core/mock/scorecard';
import { wantsGeneratedFollowUp } from '../../src/core/mock/generatedFollowUp';
import { renderMockPanel } from '../../src/core/mockPanelHtml';
import { prng } from '../prng';
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

describe('mock interview over the bundled bank: questions across topics, follow-ups', () => {
  // The bank every user gets: nine topics, every main question with bank follow-ups.
  const real = loadContentDir('content').bundle;
  const topicOf = (id: string) => real.questions.find((q) => q.id === id)?.topic;
  const topicsOf = (s: MockState) => s.items.map((i) => topicOf(i.main.questionId));
  const all = real.topics.map((t) => t.id);
  const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
  const start = (topics: string[], questions: number, seed: number, timesSeen?: (id: string) => number) =>
    startMock(real, { topics, difficulty: 'any', questions, minutes: 30 }, 0, prng(seed).next, timesSeen);

  it('asks no topic twice before every chosen topic had a question (round-robin over a shuffled topic order)', () => {
    assert.equal(all.length, 9);
    for (const seed of SEEDS) {
      const three = all.filter((_, i) => i % 3 === seed % 3);
      assert.equal(new Set(topicsOf(start(three, 3, seed))).size, 3, `seed ${seed}: 3 topics, 3 questions → 3 topics`);
      assert.equal(new Set(topicsOf(start(all, 2, seed))).size, 2, `seed ${seed}: 9 topics, 2 questions → 2 topics`);
      assert.equal(new Set(topicsOf(start(all, 9, seed))).size, 9, `seed ${seed}: 9 topics, 9 questions → all 9`);
      const five = topicsOf(start(three, 5, seed));
      assert.equal(new Set(five.slice(0, 3)).size, 3, `seed ${seed}: the first round covers the three topics`);
      assert.equal(new Set(five.slice(3)).size, 2, `seed ${seed}: the second round does not repeat a topic either`);
      assert.ok(five.every((t) => t && three.includes(t)), 'only the chosen topics');
    }
  });

  it('is deterministic for a seed, yet every topic comes first for some seed (the order is shuffled)', () => {
    assert.deepEqual(start(all, 5, 42), start(all, 5, 42));
    const firsts = new Set(SEEDS.map((seed) => topicsOf(start(all, 1, seed))[0]));
    assert.equal(firsts.size, 9);
  });

  it('still asks the least practised questions first within a topic', () => {
    const topic = all[0] ?? '';
    const mains = real.questions.filter((q) => q.topic === topic && q.kind !== 'follow-up');
    const fresh = mains[mains.length - 1]?.id;
    for (const seed of SEEDS.slice(0, 50)) {
      const s = start([topic], 1, seed, (id) => (id === fresh ? 0 : 2));
      assert.equal(s.items[0]?.main.questionId, fresh, `seed ${seed}`);
    }
  });

  it('skips a chosen topic with no question of that difficulty instead of failing', () => {
    const topic = all[0] ?? '';
    const stripped = { ...real, questions: real.questions.filter((q) => q.topic !== topic || q.difficulty !== 'staff') };
    const s = startMock(stripped, { topics: [topic, all[1] ?? ''], difficulty: 'staff', questions: 2, minutes: 20 }, 0, prng(7).next);
    assert.deepEqual(topicsOf(s), [all[1], all[1]]);
  });

  it('asks a bank follow-up after every main question that has one, and walks through each of them', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      let s = start(all, 3, seed);
      for (const item of s.items) {
        const follow = real.questions.find((q) => q.id === item.followUp?.questionId);
        assert.ok(follow, `seed ${seed}: ${item.main.questionId} has bank follow-ups, so one is asked`);
        assert.equal(follow.kind, 'follow-up');
        assert.equal(follow.parent, item.main.questionId);
      }
      const asked: string[] = [];
      for (let step = 0; step < 20 && s.phase !== 'done'; step++) {
        if (s.phase === 'followUp') asked.push(s.items[s.index]?.followUp?.questionId ?? '');
        if (s.phase === 'grading') assert.equal(wantsGeneratedFollowUp(s), false, 'no generated follow-up when the bank has one');
        s = s.phase === 'answering' || s.phase === 'followUp' ? submitAnswer(s, 'answer', step * 1000, false) : gradeTurn(s, [0], 3, step * 1000);
      }
      assert.equal(asked.length, 3, `seed ${seed}: three follow-ups asked`);
    }
  });

  it('prefers the follow-up practised least, and leaves questions without bank follow-ups to the generated path', () => {
    const main = real.questions.find((q) => q.kind !== 'follow-up' && real.questions.filter((f) => f.parent === q.id).length >= 2);
    assert.ok(main);
    const children = real.questions.filter((f) => f.parent === main.id);
    const fresh = children[children.length - 1]?.id;
    for (const seed of SEEDS.slice(0, 30)) assert.equal(bankFollowUp(real, main.id, prng(seed).next, (id) => (id === fresh ? 0 : 1))?.id, fresh);
    const bare = { ...real, questions: real.questions.filter((q) => q.parent !== main.id) };
    let s = startMock(bare, { topics: [main.topic], difficulty: main.difficulty, questions: 1, minutes: 10 }, 0, prng(3).next, (id) => (id === main.id ? 0 : 5));
    assert.equal(s.items[0]?.main.questionId, main.id);
    assert.equal(s.items[0]?.followUp, undefined);
    s = submitAnswer(s, 'answer', 1000, false);
    assert.equal(wantsGeneratedFollowUp(s), true, 'a model may write one');
  });

  it('names each question’s topic in the panel', () => {
    const s = start(all.slice(0, 3), 3, 11);
    const q = real.questions.find((x) => x.id === s.items[0]?.main.questionId);
    const title = real.topics.find((t) => t.id === q?.topic)?.title ?? '∅';
    const resources = { cspSource: 'https://webview.example', nonce: 'abc123NONCE', scriptUri: 'https://webview.example/m.js', stylesheet: 'body { color: var(--vscode-foreground); }' };
    const html = String(renderMockPanel(s, (id) => real.questions.find((x) => x.id === id), 0, resources, undefined, (id) => real.topics.find((t) => t.id === id)?.title));
    assert.ok(html.includes(`<span class="badge topic" id="topic">${title.replace(/&/g, '&amp;')}</span>`), html.slice(0, 2000));
  });
});
