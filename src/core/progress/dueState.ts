import type { ProgressModel } from './model';
import { reviewQueue, type QueueItem, type QueueOptions } from './queue';
import type { PracticeState } from './scheduler';

/**
 * What every surface shows about "due" at one instant: the tree's icons and counts, the panel's
 * chip, the status bar, the dashboard and the review queue all read one of these, computed from
 * the progress log and one clock, so they cannot disagree.
 */
export interface DueSnapshot {
  readonly now: Date;
  state(id: string): PracticeState;
  /** Cards due now, most overdue first (what the status bar counts). */
  readonly dueIds: readonly string[];
  /** Due cards, then today's allowance of new ones (what Review Due walks through). */
  readonly queue: readonly string[];
  /** When the picture changes by time alone: the next card falling due, or local midnight (the new-card allowance resets). */
  readonly nextChange: Date;
}

export function dueSnapshot(items: readonly QueueItem[], model: ProgressModel, now: Date, options: QueueOptions): DueSnapshot {
  const states = new Map<string, PracticeState>();
  let next = nextMidnight(now).getTime();
  const due: { id: string; at: number }[] = [];
  for (const item of items) {
    const state = model.state(item.id, now);
    states.set(item.id, state);
    const at = model.due(item.id)?.getTime();
    if (at === undefined) continue;
    if (state === 'due') due.push({ id: item.id, at });
    else if (at > now.getTime() && at < next) next = at;
  }
  due.sort((a, b) => a.at - b.at);
  return {
    now,
    state: (id) => states.get(id) ?? model.state(id, now),
    dueIds: due.map((d) => d.id),
    queue: reviewQueue(items, model, now, options),
    nextChange: new Date(next),
  };
}

function nextMidnight(now: Date): Date {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d;
}
