import type { ProgressModel } from './progress/model';
import type { ContentBundle } from './schema';

export interface TopicReadiness {
  readonly id: string;
  readonly title: string;
  /** Mean probability of recall over the topic's questions and follow-ups, 0–100 (unseen = 0). */
  readonly readiness: number;
  readonly total: number;
  readonly seen: number;
  readonly due: number;
  readonly mastered: number;
}

export interface DayCount {
  readonly date: string;
  readonly count: number;
}

export interface ReadinessPlan {
  readonly interviewDate: string;
  readonly daysLeft: number;
  readonly unseen: number;
  readonly dueBefore: number;
  readonly reviewsPerDay: number;
  readonly newPerDay: number;
}

export interface Dashboard {
  readonly overall: number;
  /** Cards due at this instant: the same number as the status bar and the review queue's due part. */
  readonly dueNow: number;
  readonly topics: TopicReadiness[];
  readonly reviewsPerDay: DayCount[];
  readonly forecast: DayCount[];
  /** Share of reviews in the last 30 days not graded Again, or undefined with no reviews. */
  readonly retention30?: number;
  readonly reviews30: number;
  readonly samples: { id: string; title: string; best?: number; attempts: number }[];
  readonly plan?: ReadinessPlan;
}

const DAY = 86_400_000;
/** Local calendar day, so a review at 23:30 counts for that evening, not tomorrow. */
export function dayKey(t: number | Date): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Everything the readiness dashboard shows, computed from the bank and the progress model.
 * `heatmapDays` days of history, a `forecastDays` due forecast, and a plan when an interview date is set.
 */
export function buildDashboard(bank: ContentBundle, model: ProgressModel, now: Date, options: { interviewDate?: string; heatmapDays?: number; forecastDays?: number } = {}): Dashboard {
  const t = now.getTime();
  const heatmapDays = options.heatmapDays ?? 119;
  const forecastDays = options.forecastDays ?? 30;
  const topics = bank.topics.map((topic) => {
    const ids = bank.questions.filter((q) => q.topic === topic.id).map((q) => q.id);
    const states = ids.map((id) => model.state(id, now));
    const r = ids.reduce((s, id) => s + model.retrievability(id, now), 0);
    return {
      id: topic.id,
      title: topic.title,
      readiness: ids.length ? Math.round((r / ids.length) * 100) : 0,
      total: ids.length,
      seen: states.filter((s) => s !== 'new').length,
      due: states.filter((s) => s === 'due').length,
      mastered: states.filter((s) => s === 'mastered').length,
    };
  });
  const allIds = bank.questions.map((q) => q.id);
  const overall = allIds.length ? Math.round((allIds.reduce((s, id) => s + model.retrievability(id, now), 0) / allIds.length) * 100) : 0;

  const reviews = model.reviews();
  const perDay = new Map<string, number>();
  for (const r of reviews) perDay.set(dayKey(Date.parse(r.at)), (perDay.get(dayKey(Date.parse(r.at))) ?? 0) + 1);
  const today = startOfDay(t);
  const reviewsPerDay: DayCount[] = [];
  for (let i = heatmapDays - 1; i >= 0; i--) {
    const key = dayKey(today - i * DAY + DAY / 2);
    reviewsPerDay.push({ date: key, count: perDay.get(key) ?? 0 });
  }

  const forecastMap = new Map<string, number>();
  for (const id of allIds) {
    const due = model.due(id);
    if (!due) continue;
    const day = Math.max(today, startOfDay(due.getTime()));
    if (day >= today + forecastDays * DAY) continue;
    const key = dayKey(day + DAY / 2);
    forecastMap.set(key, (forecastMap.get(key) ?? 0) + 1);
  }
  const forecast: DayCount[] = [];
  for (let i = 0; i < forecastDays; i++) {
    const key = dayKey(today + i * DAY + DAY / 2);
    forecast.push({ date: key, count: forecastMap.get(key) ?? 0 });
  }

  const recent = reviews.filter((r) => Date.parse(r.at) >= t - 30 * DAY);
  const retention30 = recent.length ? recent.filter((r) => r.rating > 1).length / recent.length : undefined;

  const samples = bank.workSamples.map((w) => {
    const attempts = model.sampleAttempts(w.id);
    return { id: w.id, title: w.title, best: attempts.length ? Math.max(...attempts.map((a) => a.score)) : undefined, attempts: attempts.length };
  });

  let plan: ReadinessPlan | undefined;
  const date = options.interviewDate && /^\d{4}-\d{2}-\d{2}$/.test(options.interviewDate) ? new Date(`${options.interviewDate}T09:00:00`) : undefined;
  if (date && !Number.isNaN(date.getTime()) && date.getTime() > t) {
    const daysLeft = Math.max(1, Math.ceil((startOfDay(date.getTime()) - today) / DAY));
    const unseen = allIds.filter((id) => model.state(id, now) === 'new').length;
    const dueBefore = allIds.filter((id) => {
      const d = model.due(id);
      return d !== undefined && d.getTime() <= date.getTime();
    }).length;
    // Leave the last few days for review only: new material learned the day before is fragile.
    const learningDays = Math.max(1, daysLeft - Math.min(3, Math.floor(daysLeft / 4)));
    const newPerDay = Math.ceil(unseen / learningDays);
    // Each new card costs about three reviews in its first week (FSRS learning steps and early intervals).
    const reviewsPerDay = Math.ceil((dueBefore + unseen * 3) / daysLeft);
    plan = { interviewDate: options.interviewDate as string, daysLeft, unseen, dueBefore, reviewsPerDay, newPerDay };
  }
  const dueNow = allIds.filter((id) => model.state(id, now) === 'due').length;
  return { overall, dueNow, topics, reviewsPerDay, forecast, retention30, reviews30: recent.length, samples, plan };
}
