import * as z from 'zod';
import { idSchema } from '../schema';

/** Version of the on-disk progress format; older lines are migrated when read. */
export const PROGRESS_FORMAT = 1;

const iso = z.iso.datetime({ offset: true });
const eventId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);

/**
 * One line of the append-only progress log. Card states are never stored: they are derived
 * by replaying reviews, so a lost or corrupt line costs one event, never the whole history.
 */
export const progressEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    v: z.literal(PROGRESS_FORMAT),
    kind: z.literal('review'),
    eid: eventId,
    id: idSchema,
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    at: iso,
    covered: z.number().int().min(0).max(20).optional(),
    of: z.number().int().min(0).max(20).optional(),
    seconds: z.number().int().min(0).max(86_400).optional(),
  }),
  z.strictObject({ v: z.literal(PROGRESS_FORMAT), kind: z.literal('undo'), eid: eventId, target: eventId, at: iso }),
  z.strictObject({ v: z.literal(PROGRESS_FORMAT), kind: z.literal('note'), eid: eventId, id: idSchema, text: z.string().max(50_000), at: iso }),
  z.strictObject({ v: z.literal(PROGRESS_FORMAT), kind: z.literal('flag'), eid: eventId, id: idSchema, flagged: z.boolean(), at: iso }),
  z.strictObject({
    v: z.literal(PROGRESS_FORMAT),
    kind: z.literal('sample'),
    eid: eventId,
    id: idSchema,
    at: iso,
    score: z.number().min(0).max(100),
    found: z.array(idSchema).max(50),
    missed: z.array(idSchema).max(50),
    hint: z.boolean().optional(),
    /** Which judge decided `found`: the offline concept judge or the user's language model. */
    judge: z.enum(['offline', 'model']).optional(),
  }),
  /**
   * The user's own verdict on one defect of an attempt ("my comment covered this" / "not really"),
   * kept apart from the judge's so the score can say which credit is whose.
   */
  z.strictObject({
    v: z.literal(PROGRESS_FORMAT),
    kind: z.literal('sample-mark'),
    eid: eventId,
    id: idSchema,
    attempt: eventId,
    defect: idSchema,
    covered: z.boolean(),
    /** The attempt's score with all marks so far applied. */
    score: z.number().min(0).max(100),
    at: iso,
  }),
  z.strictObject({ v: z.literal(PROGRESS_FORMAT), kind: z.literal('reset'), eid: eventId, at: iso }),
]);
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export type ReviewEvent = Extract<ProgressEvent, { kind: 'review' }>;
export type SampleEvent = Extract<ProgressEvent, { kind: 'sample' }>;
export type SampleMarkEvent = Extract<ProgressEvent, { kind: 'sample-mark' }>;

export interface ParsedLog {
  readonly events: ProgressEvent[];
  /** Lines that could not be read, with their 1-based line numbers, kept so nothing is silently thrown away. */
  readonly rejected: { line: number; text: string; reason: string }[];
}

/** Reads a JSONL log. Unknown or corrupt lines are rejected one by one; the rest is kept. */
export function parseLog(text: string): ParsedLog {
  const events: ProgressEvent[] = [];
  const rejected: ParsedLog['rejected'] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      rejected.push({ line: i + 1, text: raw, reason: i === lines.length - 1 ? 'truncated last line' : 'not JSON' });
      return;
    }
    const r = progressEventSchema.safeParse(migrate(json));
    if (r.success) events.push(r.data);
    else rejected.push({ line: i + 1, text: raw, reason: r.error.issues[0]?.message ?? 'invalid event' });
  });
  return { events, rejected };
}

/** Format migrations: version 0 (unversioned, dev builds) lines gain `v: 1`. */
function migrate(json: unknown): unknown {
  if (typeof json === 'object' && json !== null && !('v' in json)) return { ...json, v: PROGRESS_FORMAT };
  return json;
}

export function serializeEvent(e: ProgressEvent): string {
  return JSON.stringify(e) + '\n';
}

/**
 * Event id: the time (readable in the log) and 96 bits from the platform CSPRNG, so two windows
 * appending to the same file, or two machines whose logs are merged, never collide.
 */
export function newEventId(now = Date.now()): string {
  return `${now.toString(36)}-${hex(crypto.getRandomValues(new Uint8Array(12)))}`;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
