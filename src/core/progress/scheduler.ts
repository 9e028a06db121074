import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

export type PracticeState = 'new' | 'learning' | 'due' | 'mastered';
export type RatingValue = 1 | 2 | 3 | 4;
export const RATING_LABEL: Record<RatingValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export interface SchedulerOptions {
  /** Probability of recall FSRS aims for at the due date (0.7–0.97). */
  readonly desiredRetention: number;
  readonly maximumIntervalDays?: number;
}

/** A card is "mastered" once FSRS spaces it three weeks or more apart. */
const MASTERED_DAYS = 21;

/**
 * FSRS scheduling via ts-fsrs (the algorithm Anki ships; beats SM-2 on the open benchmark).
 * Fuzz is off so that replaying the review log always gives the same schedule.
 */
export class Scheduler {
  private readonly f;

  constructor(options: SchedulerOptions) {
    this.f = fsrs({
      request_retention: Math.min(0.97, Math.max(0.7, options.desiredRetention)),
      maximum_interval: options.maximumIntervalDays ?? 365,
      enable_fuzz: false,
      enable_short_term: true,
    });
  }

  newCard(at: Date): Card {
    return createEmptyCard(at);
  }

  grade(card: Card, rating: RatingValue, at: Date): Card {
    return this.f.next(card, at, rating as Grade).card;
  }

  /** The due date each rating would give, for the grade buttons. */
  preview(card: Card | undefined, at: Date): Record<RatingValue, Date> {
    const c: Card = card ?? createEmptyCard(at);
    const p = this.f.repeat(c, at);
    return {
      1: p[Rating.Again].card.due,
      2: p[Rating.Hard].card.due,
      3: p[Rating.Good].card.due,
      4: p[Rating.Easy].card.due,
    };
  }

  /** Probability of recalling the card now (0 for a card never reviewed). */
  retrievability(card: Card | undefined, now: Date): number {
    if (!card || card.state === State.New) return 0;
    return this.f.get_retrievability(card, now, false);
  }

  stateOf(card: Card | undefined, now: Date): PracticeState {
    if (!card || card.state === State.New) return 'new';
    if (card.due.getTime() <= now.getTime()) return 'due';
    if (card.state === State.Review && card.scheduled_days >= MASTERED_DAYS) return 'mastered';
    return 'learning';
  }
}

type IntervalUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** The unit a person would round the gap between two dates to: 90 minutes is "2h", 20 days "3w". */
function intervalParts(from: Date, to: Date): { value: number; unit: IntervalUnit } {
  const minutes = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.round(minutes / 60);
  if (hours < 24) return { value: hours, unit: 'hour' };
  const days = Math.round(hours / 24);
  if (days < 14) return { value: days, unit: 'day' };
  if (days < 60) return { value: Math.round(days / 7), unit: 'week' };
  if (days < 365) return { value: Math.round(days / 30), unit: 'month' };
  return { value: Math.round((days / 365) * 10) / 10, unit: 'year' };
}

/**
 * A compact interval for the grade buttons ("10m", "3d", "5w" in English), in the user's locale.
 * Months are written short, not narrow: English narrow "3m" would read as three minutes.
 * `locale` undefined means the runtime's default locale.
 */
export function formatInterval(from: Date, to: Date, locale?: string): string {
  const { value, unit } = intervalParts(from, to);
  const key = `${locale ?? ''}|${unit}`;
  let format = intervalFormats.get(key);
  if (!format) intervalFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'month' ? 'short' : 'narrow', maximumFractionDigits: 1 })));
  return format.format(value);
}

// Building an Intl formatter costs far more than using one (four per question panel): keep them.
const intervalFormats = new Map<string, Intl.NumberFormat>();

/** When something is next due, as a sentence part ("in 3 days"), in the user's locale. */
export function formatDueIn(from: Date, to: Date, locale?: string): string {
  const { value, unit } = intervalParts(from, to);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' }).format(value, unit);
}
