import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutDiagrams } from '../../src/core/diagrams';
import { formatContentError } from '../../src/core/contentError';
import { loadContentDir } from '../../src/core/loadContent';
import { QuestionSearch } from '../../src/core/search';
import { contentStats } from '../../src/core/stats';

/** The bundled question bank itself: what every user gets. */
const { bundle, errors } = loadContentDir('content');

describe('the bundled question bank', () => {
  it('loads without a single content error', () => {
    assert.deepEqual(errors.map(formatContentError), []);
  });

  it('covers every topic of the guide with at least 6 questions, 90+ questions and 50+ follow-ups', () => {
    const stats = contentStats(bundle);
    assert.deepEqual(stats.topics.map((t) => t.id), [
      'ai-assisted-engineering', 'ai-agents', 'platform-engineering', 'observability', 'event-driven-architecture',
      'security-engineering', 'sustainable-engineering', 'architecture-and-delivery', 'interview-scenarios',
    ]);
    for (const t of stats.topics) assert.ok(t.questions >= 6, `${t.id} has ${t.questions} questions`);
    assert.ok(stats.questions >= 90, `${stats.questions} questions`);
    assert.ok(stats.followUps >= 50, `${stats.followUps} follow-ups`);
  });

  it('keeps model answers speakable in the estimated time for their level', () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
    const range = { intermediate: [135, 330], senior: [225, 495], staff: [315, 660] } as const;
    for (const q of bundle.questions.filter((x) => x.kind !== 'follow-up')) {
      const [lo, hi] = range[q.difficulty];
      const n = words(withoutDiagrams(q.answer)); // a diagram is looked at, not spoken
      assert.ok(n >= lo && n <= hi, `${q.id} (${q.difficulty}) has ${n} words`);
    }
  });

  it('gives every question signals on both sides and every topic a summary', () => {
    for (const q of bundle.questions) assert.ok(q.strongSignals.length >= 1 && q.weakSignals.length >= 1, q.id);
    for (const t of bundle.topics) assert.ok(t.summary.length > 80, t.id);
  });

  it('links further reading only to https addresses', () => {
    for (const t of bundle.topics) for (const r of t.furtherReading) assert.match(r.url, /^https:\/\//, `${t.id}: ${r.url}`);
  });
});

interface QuickRef {
  n: number;
  query: string;
  expect: string;
}

describe('quick-reference questions are findable as written', () => {
  const dir = 'test/fixtures/quickref';
  const refs: QuickRef[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as QuickRef[])
    .sort((a, b) => a.n - b.n);
  const search = new QuestionSearch(bundle);

  it('has all 31 quick-reference questions of the guide', () => {
    assert.deepEqual(refs.map((r) => r.n), Array.from({ length: 31 }, (_, i) => i + 1));
  });

  for (const ref of refs) {
    it(`Q${ref.n} "${ref.query.slice(0, 60)}…" finds ${ref.expect} in the top 3`, () => {
      assert.ok(bundle.questions.some((q) => q.id === ref.expect), `${ref.expect} exists`);
      const top = search.search(ref.query, 3).map((h) => h.id);
      assert.ok(top.includes(ref.expect), `top 3: ${top.join(', ')}`);
    });
  }
});
