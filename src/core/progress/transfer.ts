import * as z from 'zod';
import { progressEventSchema, type ProgressEvent } from './events';

export const EXPORT_FORMAT = 'interview-practice-progress';

const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  events: z.array(z.unknown()).max(1_000_000),
});

export function exportProgress(events: readonly ProgressEvent[], now: Date): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), events }, null, 1);
}

export interface ImportResult {
  readonly merged: ProgressEvent[];
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: number;
  /**
   * Added events for items not loaded now (a pack that is off, a question since removed). They are
   * kept in the log like any other: the UI shows only loaded items, and they apply when the item is back.
   */
  readonly unknownIds: number;
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Merges an export into the current events: events already present (same event id) are skipped,
 * invalid ones rejected and counted. Events for items not loaded now are kept (and counted), so
 * Export → Reset → Import brings back a pack's grades once the pack is loaded again. A local reset
 * is not carried over an import that adds events: importing after a reset means bringing them back,
 * and a replay would otherwise clear everything older than the reset. Never overwrites.
 * Throws with a readable message when the file is not an export at all.
 */
export function importProgress(text: string, current: readonly ProgressEvent[], knownId: (id: string) => boolean): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) throw new Error(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  const file = exportFileSchema.safeParse(json);
  if (!file.success) throw new Error(`not a progress export (${file.error.issues[0]?.path.join('.') || 'file'}: ${file.error.issues[0]?.message ?? 'invalid'})`);
  const lastReset = current.reduce((t, e) => (e.kind === 'reset' ? Math.max(t, Date.parse(e.at)) : t), -Infinity);
  // What the reset left (events after it), without the reset itself.
  const merged = current.filter((e) => e.kind !== 'reset' && Date.parse(e.at) >= lastReset);
  const seen = new Set(merged.map((e) => e.eid));
  let added = 0;
  let duplicates = 0;
  let rejected = 0;
  let unknownIds = 0;
  for (const raw of file.data.events) {
    const r = progressEventSchema.safeParse(raw);
    if (!r.success) {
      rejected++;
      continue;
    }
    const e = r.data;
    if (e.kind === 'reset') {
      // A reset inside an import would wipe the importer's own history: never merge one.
      rejected++;
      continue;
    }
    if (seen.has(e.eid)) {
      duplicates++;
      continue;
    }
    if ('id' in e && !knownId(e.id)) unknownIds++;
    seen.add(e.eid);
    merged.push(e);
    added++;
  }
  if (added === 0) return { merged: [...current], added, duplicates, rejected, unknownIds };
  merged.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { merged, added, duplicates, rejected, unknownIds };
}
