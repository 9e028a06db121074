import type { ProgressModel } from './model';

export interface QueueItem {
  readonly id: string;
  readonly parent?: string;
  readonly order: number;
}

export interface QueueOptions {
  readonly newPerDay: number;
  /** Release follow-ups before their parent is passed. */
  readonly releaseAllFollowUps: boolean;
}

/**
 * What to practise now: every due card (most overdue first), then new cards up to the day's
 * allowance. A follow-up is new-eligible once its parent was graded Good or Easy.
 */
export function reviewQueue(items: readonly QueueItem[], model: ProgressModel, now: Date, options: QueueOptions): string[] {
  const due: { id: string; due: number }[] = [];
  const fresh: QueueItem[] = [];
  for (const item of items) {
    const state = model.state(item.id, now);
    if (state === 'due') due.push({ id: item.id, due: model.due(item.id)?.getTime() ?? 0 });
    else if (state === 'new' && (!item.parent || options.releaseAllFollowUps || model.passed(item.parent))) fresh.push(item);
  }
  due.sort((a, b) => a.due - b.due);
  const startOfDay = new Date(now);
  startOfDay.setHours(0, 0, 0, 0);
  // Cards whose first review happened today used up today's allowance of new cards.
  const firstReview = new Map<string, number>();
  for (const r of model.reviews()) if (!firstReview.has(r.id)) firstReview.set(r.id, Date.parse(r.at));
  let introducedToday = 0;
  for (const t of firstReview.values()) if (t >= startOfDay.getTime()) introducedToday++;
  const allowance = Math.max(0, options.newPerDay - introducedToday);
  // Follow-ups of passed questions first: they continue a conversation the user just had.
  fresh.sort((a, b) => Number(!a.parent) - Number(!b.parent) || a.order - b.order);
  return [...due.map((d) => d.id), ...fresh.slice(0, allowance).map((f) => f.id)];
}
