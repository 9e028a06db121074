import assert from 'node:assert/strict';
import { loadContentDir } from '../../src/core/loadContent';
import { QuestionSearch } from '../../src/core/search';
import type { ContentBundle, Question } from '../../src/core/schema';
import { FIXTURE_CONTENT } from './helpers';

function bank(): ContentBundle {
  return loadContentDir(FIXTURE_CONTENT).bundle;
}

function question(id: string, title: string, tags: string[], prompt = 'Explain.'): Question {
  return {
    id, topic: 'alpha-topic', kind: 'question', title, difficulty: 'senior', minutes: 3, tags, aliases: [], related: [],
    prompt, answer: 'x', keyPoints: ['a', 'b', 'c'], strongSignals: ['s'], weakSignals: ['w'], source: { file: 'f', line: 1 },
  };
}

describe('question search', () => {
  const ids = (s: QuestionSearch, q: string) => s.search(q).map((h) => h.id);

  it('finds a question by a prefix of its title words as you type', () => {
    const s = new QuestionSearch(bank());
    assert.equal(ids(s, 'idemp')[0], 'idempotent-consumers');
    assert.equal(ids(s, 'struct')[0], 'structured-logging');
  });

  it('forgives typos in longer words', () => {
    const s = new QuestionSearch(bank());
    assert.equal(ids(s, 'idempotnet consumer')[0], 'idempotent-consumers');
    const typo = ids(s, 'obsevability');
    assert.ok(['structured-logging', 'trace-sampling'].every((id) => typo.includes(id)), `a typo in "observability" still finds the tagged questions: ${typo.join(', ')}`);
    assert.equal(ids(s, 'sampeling')[0], 'trace-sampling');
  });

  it('ranks exact title words above fuzzy and prompt matches', () => {
    const b = bank();
    b.questions.push(question('cache-stampede', 'Cache stampede protection', ['caching']), question('cash-flow', 'Cash flow forecasting', ['finance'], 'How do caches help?'));
    const s = new QuestionSearch(b);
    assert.deepEqual(ids(s, 'cache').slice(0, 1), ['cache-stampede']);
    assert.deepEqual(ids(s, 'cash').slice(0, 1), ['cash-flow']);
  });

  it('matches aliases (other phrasings of the question)', () => {
    const s = new QuestionSearch(bank());
    assert.equal(ids(s, 'keep tracing costs down')[0], 'trace-sampling');
  });

  it('returns topic, difficulty and kind with each hit, and nothing for an empty query', () => {
    const s = new QuestionSearch(bank());
    const hit = s.search('decision wait')[0];
    assert.ok(hit);
    assert.equal(hit.id, 'trace-sampling-decision-wait');
    assert.equal(hit.kind, 'follow-up');
    assert.equal(hit.topic, 'alpha-topic');
    assert.equal(hit.difficulty, 'senior');
    assert.deepEqual(s.search('   '), []);
  });

  it('ignores question stop-words so phrasing does not drown the subject', () => {
    const s = new QuestionSearch(bank());
    assert.equal(ids(s, 'How do you make a consumer safe to replay?')[0], 'idempotent-consumers');
  });

  it('finds what only the model answers say, with the sentence that matched, below every title match', () => {
    const b = bank();
    const q = b.questions[0];
    assert.ok(q);
    const word = 'zebrafishology';
    const s = new QuestionSearch({ ...b, questions: b.questions.map((x) => (x.id === q.id ? { ...x, answer: `${x.answer}\n\nWe once used ${word} to explain it.` } : x)) });
    const hits = s.search(word);
    assert.equal(hits[0]?.id, q.id);
    assert.match(hits[0]?.snippet ?? '', new RegExp(word));
  });

  it('ends the list where relevance ends: weak matches far below the best are cut', () => {
    const s = new QuestionSearch(bank());
    const hits = s.search('sampling');
    const best = hits[0]?.score ?? 0;
    assert.ok(hits.length > 0);
    assert.ok(hits.every((h, i) => i === 0 || h.score >= best * 0.2 || h.snippet), hits.map((h) => `${h.id}:${h.score}`).join(', '));
  });

  it('large banks search answers too, once indexed in the background (never on a keystroke)', async () => {
    const b = bank();
    const many = Array.from({ length: 2_100 }, (_, i) => question(`bulk-${i}`, `Bulk question number ${i} about caching`, ['bulk']));
    const planted = { ...question('planted', 'Queue backpressure basics', ['queues']), answer: 'Intro.\n\nA quokkalith buffer absorbs the burst. More text.' };
    const s = new QuestionSearch({ ...b, questions: [...b.questions, ...many, planted] });
    assert.equal(s.answersReady, false);
    assert.deepEqual(ids(s, 'quokkalith'), [], 'the first search starts the answer index and does not wait for it');
    await s.prepareAnswers();
    assert.equal(s.answersReady, true);
    const hit = s.search('quokkalith')[0];
    assert.equal(hit?.id, 'planted');
    assert.equal(hit?.snippet, 'A quokkalith buffer absorbs the burst.');
  });

  it('ranks the same as a plain BM25 over the fields: exact title words first, then fewer-word matches', () => {
    const s = new QuestionSearch(bank());
    const hits = s.search('sampling decision');
    assert.equal(hits[0]?.id, 'trace-sampling-decision-wait');
    assert.ok(hits.every((h, i) => i === 0 || (hits[i - 1]?.score ?? 0) >= h.score), hits.map((h) => `${h.id}:${h.score}`).join(', '));
  });
});

