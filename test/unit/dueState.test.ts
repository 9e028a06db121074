import assert from 'node:assert/strict';
import { dueSnapshot } from '../../src/core/progress/dueState';
import { ProgressModel } from '../../src/core/progress/model';
import { Scheduler } from '../../src/core/progress/scheduler';
import { newEventId, type ProgressEvent } from '../../src/core/progress/events';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
const review = (id: string, rating: 1 | 2 | 3 | 4, at: number): ProgressEvent => ({ v: 1, kind: 'review', eid: newEventId(at), id, rating, at: new Date(at).toISOString() });
const items = ['a', 'b', 'c', 'd'].map((id, order) => ({ id, order }));
const options = { newPerDay: 10, releaseAllFollowUps: false };

describe('due snapshot (one picture of "due" for every surface)', () => {
  const t0 = new Date(2026, 10, 29, 10, 0, 0).getTime();
  const model = ProgressModel.replay([review('a', 3, t0), review('b', 1, t0), review('c', 3, t0 - 30 * 86_400_000)], scheduler);

  it('next change is the earliest due time still ahead, and each state matches the model at that instant', () => {
    const now = new Date(t0 + 1000);
    const s = dueSnapshot(items, model, now, options);
    const ahead = ['a', 'b', 'c'].map((id) => model.due(id)!.getTime()).filter((t) => t > now.getTime());
    assert.equal(s.nextChange.getTime(), Math.min(...ahead));
    for (const { id } of items) assert.equal(s.state(id), model.state(id, now));
    assert.deepEqual(s.dueIds, ['c'], 'only the card reviewed a month ago is due');
    assert.deepEqual(s.queue.slice(0, 1), ['c'], 'the queue starts with the due cards');
  });

  it('crossing the next change makes that card due, in the due list and the queue', () => {
    const first = dueSnapshot(items, model, new Date(t0 + 1000), options);
    const later = dueSnapshot(items, model, new Date(first.nextChange.getTime() + 1), options);
    const newlyDue = later.dueIds.filter((id) => !first.dueIds.includes(id));
    assert.equal(newlyDue.length, 1);
    assert.equal(first.state(newlyDue[0]!) === 'due', false);
    assert.equal(later.state(newlyDue[0]!), 'due');
    assert.ok(later.queue.includes(newlyDue[0]!));
  });

  it('with nothing ahead today, the next change is local midnight (the new-card allowance resets)', () => {
    const empty = ProgressModel.replay([], scheduler);
    const s = dueSnapshot(items, empty, new Date(t0), options);
    const midnight = new Date(t0);
    midnight.setHours(24, 0, 0, 0);
    assert.equal(s.nextChange.getTime(), midnight.getTime());
    assert.deepEqual(s.dueIds, []);
    assert.deepEqual(s.queue, ['a', 'b', 'c', 'd'], 'all new, within the allowance');
  });
});
