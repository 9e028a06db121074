import assert from 'node:assert/strict';
import { newEventId, type ProgressEvent } from '../../src/core/progress/events';
import { ProgressModel } from '../../src/core/progress/model';
import { reviewQueue } from '../../src/core/progress/queue';
import { formatDueIn, formatInterval, Scheduler } from '../../src/core/progress/scheduler';
import { keyPointHints, proposeRating } from '../../src/shared/judge/keyPointJudge';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
const DAY = 86_400_000;
const t0 = Date.parse('2026-01-05T09:00:00Z');

function review(id: string, rating: 1 | 2 | 3 | 4, at: number, eid = newEventId(at)): ProgressEvent {
  return { v: 1, kind: 'review', eid, id, rating, at: new Date(at).toISOString() };
}

describe('scheduling (FSRS)', () => {
  it('grows the interval with each Good', () => {
    const m = new ProgressModel(scheduler);
    let at = t0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      m.apply(review('qqq', 3, at));
      const due = m.due('qqq')?.getTime() ?? 0;
      intervals.push(due - at);
      at = due;
    }
    for (let i = 2; i < intervals.length; i++) assert.ok((intervals[i] ?? 0) > (intervals[i - 1] ?? 0), `interval ${i} grows: ${intervals.join(', ')}`);
    assert.ok((intervals.at(-1) ?? 0) > 7 * DAY);
  });

  it('sends a forgotten card back to a short interval on Again', () => {
    const m = new ProgressModel(scheduler);
    let at = t0;
    for (let i = 0; i < 4; i++) {
      m.apply(review('qqq', 3, at));
      at = m.due('qqq')?.getTime() ?? at;
    }
    const before = (m.due('qqq')?.getTime() ?? 0) - at;
    m.apply(review('qqq', 1, at));
    const after = (m.due('qqq')?.getTime() ?? 0) - at;
    assert.ok(after < DAY, `Again → under a day (was ${before / DAY} days)`);
    assert.ok(m.card('qqq')?.lapses === 1);
  });

  it('undo restores the card exactly as before the last grade', () => {
    const m = new ProgressModel(scheduler);
    m.apply(review('qqq', 3, t0));
    m.apply(review('qqq', 3, t0 + DAY));
    const before = JSON.stringify(m.card('qqq'));
    const last = review('qqq', 1, t0 + 3 * DAY);
    m.apply(last);
    assert.notEqual(JSON.stringify(m.card('qqq')), before);
    m.apply({ v: 1, kind: 'undo', eid: newEventId(), target: last.eid, at: new Date(t0 + 3 * DAY + 1000).toISOString() });
    assert.equal(JSON.stringify(m.card('qqq')), before);
  });

  it('replaying the same log gives the same schedule (no fuzz)', () => {
    const events = [review('aaa', 3, t0), review('aaa', 4, t0 + 2 * DAY), review('bbb', 2, t0)];
    const x = ProgressModel.replay(events, scheduler);
    const y = ProgressModel.replay([...events].reverse(), scheduler);
    assert.equal(x.due('aaa')?.toISOString(), y.due('aaa')?.toISOString());
  });

  it('labels states new → learning → due → mastered', () => {
    const m = new ProgressModel(scheduler);
    assert.equal(m.state('qqq', new Date(t0)), 'new');
    m.apply(review('qqq', 3, t0));
    assert.equal(m.state('qqq', new Date(t0 + 1000)), 'learning');
    assert.equal(m.state('qqq', new Date(t0 + 400 * DAY)), 'due');
    let at = t0;
    for (let i = 0; i < 6; i++) {
      at = m.due('qqq')?.getTime() ?? at;
      m.apply(review('qqq', 4, at));
    }
    assert.equal(m.state('qqq', new Date(at + 1000)), 'mastered');
  });

  it('previews the next interval of every rating, shortest for Again', () => {
    const options = new ProgressModel(scheduler).gradeOptions('qqq', new Date(t0));
    assert.deepEqual(options.map((o) => o.label), ['Again', 'Hard', 'Good', 'Easy']);
    assert.equal(formatInterval(new Date(t0), new Date(t0 + 3 * DAY), 'en'), '3d');
    assert.equal(formatInterval(new Date(t0), new Date(t0 + 10 * 60_000), 'en'), '10m');
  });

  it('writes intervals in the user\'s locale, months never mistaken for minutes', () => {
    const at = (ms: number, locale: string) => formatInterval(new Date(t0), new Date(t0 + ms), locale);
    // Exact CLDR wording moves between ICU versions; the number format and the month/minute split do not.
    assert.notEqual(at(90 * DAY, 'en'), '3m');
    assert.match(at(90 * DAY, 'en'), /^3\s?\S+/);
    // The same unit in two locales, one after the other: each keeps its own number format.
    assert.match(at(548 * DAY, 'en'), /^1\.5\s?\S+/);
    assert.match(at(548 * DAY, 'de'), /^1,5\s?\S+/);
    assert.equal(formatDueIn(new Date(t0), new Date(t0 + 3 * DAY), 'en'), 'in 3 days');
    assert.match(formatDueIn(new Date(t0), new Date(t0 + 2 * 3_600_000), 'fr'), /^dans 2 /);
  });
});

describe('review queue', () => {
  const items = [
    { id: 'parent', order: 0 },
    { id: 'child', parent: 'parent', order: 1 },
    { id: 'other', order: 2 },
    { id: 'third', order: 3 },
  ];
  it('holds follow-ups back until the parent is graded Good or Easy', () => {
    const m = new ProgressModel(scheduler);
    const now = new Date(t0);
    assert.ok(!reviewQueue(items, m, now, { newPerDay: 10, releaseAllFollowUps: false }).includes('child'));
    assert.ok(reviewQueue(items, m, now, { newPerDay: 10, releaseAllFollowUps: true }).includes('child'));
    m.apply(review('parent', 2, t0));
    assert.ok(!reviewQueue(items, m, now, { newPerDay: 10, releaseAllFollowUps: false }).includes('child'), 'Hard does not release');
    m.apply(review('parent', 3, t0 + 1000));
    assert.ok(reviewQueue(items, m, new Date(t0 + 2000), { newPerDay: 10, releaseAllFollowUps: false }).includes('child'));
  });

  it('puts due cards first, most overdue first, then new cards up to the daily allowance', () => {
    const m = new ProgressModel(scheduler);
    m.apply(review('other', 3, t0 - 30 * DAY));
    m.apply(review('third', 3, t0 - 20 * DAY));
    const q = reviewQueue(items, m, new Date(t0), { newPerDay: 1, releaseAllFollowUps: false });
    assert.deepEqual(q, ['other', 'third', 'parent']);
  });

  it('counts new cards introduced today against the allowance', () => {
    const m = new ProgressModel(scheduler);
    const now = new Date(t0);
    m.apply(review('parent', 1, t0 - 1000));
    const q = reviewQueue(items, m, now, { newPerDay: 1, releaseAllFollowUps: false });
    assert.ok(!q.includes('other') && !q.includes('third'));
  });
});

describe('grading helpers', () => {
  it('proposes Again, Hard or Good from the share of ticked key points, never Easy', () => {
    assert.equal(proposeRating(0, 5), 1);
    assert.equal(proposeRating(1, 5), 1);
    assert.equal(proposeRating(3, 5), 2);
    assert.equal(proposeRating(4, 5), 3);
    assert.equal(proposeRating(5, 5), 3);
  });

  it('hints the key points whose words appear in the draft', () => {
    const kps = ['Uses an idempotency key such as the order ID', 'Commits offsets after the side effect', 'Sends poison messages to a dead-letter queue'];
    const hints = keyPointHints(kps, 'I would dedupe with an idempotency key (the order id) and commit the offset only after writing.');
    assert.deepEqual(hints.map((h) => h.verdict === 'covered'), [true, true, false]);
    assert.ok(hints[0]?.evidence.includes('idempotency'), 'the hint shows the words that suggest it');
    assert.deepEqual(keyPointHints(kps, '').map((h) => h.verdict), ['absent', 'absent', 'absent']);
  });

  it('never lights a key point the draft waves away or negates', () => {
    const kps = ['Alerts on burn rate over two windows', 'Sends poison messages to a dead-letter queue'];
    for (const draft of ['Burn rate alerts are overkill for us; a static error threshold is fine.', 'I would not bother with burn rate alerts or multiple windows.', 'No dead-letter queue: poison messages just get retried forever, that is not an issue.']) {
      const hints = keyPointHints(kps, draft);
      assert.ok(hints.every((h) => h.verdict !== 'covered'), `${draft} → ${hints.map((h) => h.verdict).join(', ')}`);
    }
  });
});
