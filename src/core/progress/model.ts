import type { Card } from 'ts-fsrs';
import type { ProgressEvent, ReviewEvent, SampleEvent } from './events';

/** A work-sample attempt as the user last left it: the judge's verdict with the user's own marks applied. */
export interface SampleAttempt extends SampleEvent {
  /** Defects the judge credited. */
  readonly judged: readonly string[];
  /** The user's marks by defect id: true "my comment covered this", false "not really". */
  readonly marks: Readonly<Record<string, boolean>>;
}
import { formatInterval, RATING_LABEL, type PracticeState, type RatingValue, type Scheduler } from './scheduler';

interface ItemProgress {
  reviews: ReviewEvent[];
  card?: Card;
  note?: string;
  flagged?: boolean;
  samples: SampleAttempt[];
}

/**
 * Practice progress derived from the event log: FSRS cards, notes, flags, work-sample attempts.
 * Pure and in memory; ProgressStore owns the file.
 */
export class ProgressModel {
  private readonly items = new Map<string, ItemProgress>();
  private readonly reviewById = new Map<string, ReviewEvent>();
  private readonly undone = new Set<string>();
  private allReviews: ReviewEvent[] = [];

  constructor(private readonly scheduler: Scheduler) {}

  static replay(events: readonly ProgressEvent[], scheduler: Scheduler): ProgressModel {
    const m = new ProgressModel(scheduler);
    for (const e of [...events].sort(byTime)) m.apply(e);
    return m;
  }

  apply(e: ProgressEvent): void {
    switch (e.kind) {
      case 'reset':
        this.items.clear();
        this.reviewById.clear();
        this.undone.clear();
        this.allReviews = [];
        return;
      case 'review': {
        if (this.reviewById.has(e.eid)) return;
        this.reviewById.set(e.eid, e);
        this.allReviews.push(e);
        const item = this.item(e.id);
        item.reviews.push(e);
        item.reviews.sort(byTime);
        item.card = undefined;
        return;
      }
      case 'undo': {
        const target = this.reviewById.get(e.target);
        this.undone.add(e.target);
        if (target) {
          const item = this.item(target.id);
          item.reviews = item.reviews.filter((r) => r.eid !== e.target);
          item.card = undefined;
        }
        return;
      }
      case 'note':
        this.item(e.id).note = e.text;
        return;
      case 'flag':
        this.item(e.id).flagged = e.flagged;
        return;
      case 'sample':
        this.item(e.id).samples.push({ ...e, judged: e.found, marks: {} });
        return;
      case 'sample-mark': {
        const samples = this.item(e.id).samples;
        const i = samples.findIndex((a) => a.eid === e.attempt);
        const a = samples[i];
        if (!a) return;
        const marks = { ...a.marks, [e.defect]: e.covered };
        const found = [...new Set([...a.judged.filter((d) => marks[d] !== false), ...Object.keys(marks).filter((d) => marks[d] === true)])];
        samples[i] = { ...a, marks, score: e.score, found, missed: [...new Set([...a.found, ...a.missed])].filter((d) => !found.includes(d)) };
        return;
      }
    }
  }

  card(id: string): Card | undefined {
    const item = this.items.get(id);
    if (!item || item.reviews.length === 0) return undefined;
    if (!item.card) {
      let card = this.scheduler.newCard(new Date(item.reviews[0]?.at ?? Date.now()));
      for (const r of item.reviews) card = this.scheduler.grade(card, r.rating, new Date(r.at));
      item.card = card;
    }
    return item.card;
  }

  state(id: string, now: Date): PracticeState {
    return this.scheduler.stateOf(this.card(id), now);
  }

  retrievability(id: string, now: Date): number {
    return this.scheduler.retrievability(this.card(id), now);
  }

  due(id: string): Date | undefined {
    return this.card(id)?.due;
  }

  lastReview(id: string): ReviewEvent | undefined {
    return this.items.get(id)?.reviews.at(-1);
  }

  reviewCount(id: string): number {
    return this.items.get(id)?.reviews.length ?? 0;
  }

  /** Reviews that still count (not undone), oldest first. */
  reviews(): ReviewEvent[] {
    return this.allReviews.filter((r) => !this.undone.has(r.eid));
  }

  note(id: string): string {
    return this.items.get(id)?.note ?? '';
  }

  flagged(id: string): boolean {
    return this.items.get(id)?.flagged ?? false;
  }

  sampleAttempts(id: string): readonly SampleAttempt[] {
    return this.items.get(id)?.samples ?? [];
  }

  /** Has this item ever been graded Good or Easy? (releases its follow-ups) */
  passed(id: string): boolean {
    return (this.items.get(id)?.reviews ?? []).some((r) => r.rating >= 3);
  }

  gradeOptions(id: string, now: Date, locale?: string): { rating: RatingValue; label: string; interval: string }[] {
    const preview = this.scheduler.preview(this.card(id), now);
    return ([1, 2, 3, 4] as const).map((rating) => ({ rating, label: RATING_LABEL[rating], interval: formatInterval(now, preview[rating], locale) }));
  }

  knownIds(): string[] {
    return [...this.items.keys()];
  }

  private item(id: string): ItemProgress {
    let item = this.items.get(id);
    if (!item) {
      item = { reviews: [], samples: [] };
      this.items.set(id, item);
    }
    return item;
  }
}

function byTime(a: { at: string }, b: { at: string }): number {
  return Date.parse(a.at) - Date.parse(b.at);
}
