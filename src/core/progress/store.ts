import { join } from 'node:path';
import { newEventId, parseLog, PROGRESS_FORMAT, progressEventSchema, serializeEvent, type ParsedLog, type ProgressEvent } from './events';

/** What `stat` tells the store: enough to notice a log that shrank or was replaced by another file. */
export interface FileIdentity {
  readonly size: number;
  /** The file's inode (or file index on Windows); 0 or absent where the file system has none. */
  readonly ino?: number;
}

/** The file operations the store needs; tests swap in faulty ones (disk full, crash before rename). */
export interface StoreFs {
  readFile(path: string): Promise<string>;
  appendFile(path: string, data: string): Promise<void>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Size and identity of a file; undefined when it does not exist. */
  stat(path: string): Promise<FileIdentity | undefined>;
}

/**
 * The log changed under us while VS Code ran (another program truncated, replaced or deleted it)
 * and events we had were missing. They were written back; what we knew is saved in `backupFile`.
 */
export interface Replacement {
  readonly cause: 'truncated' | 'replaced' | 'deleted';
  /** Events we had that were missing from the file and were written back. */
  readonly restored: number;
  /** Events found in the new file that we did not know (kept). */
  readonly found: number;
  /** The events we knew before the change, saved beside the log. */
  readonly backupFile: string;
}

/** The log as now known, after another window or program changed it. */
export interface DiskChange {
  readonly events: ProgressEvent[];
  readonly replacement?: Replacement;
}

/** An event that would not be read back by `parseLog` (so it is never written). */
export class InvalidProgressEvent extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`the progress record's field "${field}" is invalid (${reason})`);
    this.name = 'InvalidProgressEvent';
  }
}

/** Throws InvalidProgressEvent unless the event passes the same schema the log is read with. */
export function checkEvent(event: ProgressEvent): ProgressEvent {
  const r = progressEventSchema.safeParse(event);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new InvalidProgressEvent(issue?.path.join('.') || 'event', issue?.message ?? 'invalid');
}

export interface Recovery {
  /** Lines that could not be read and were moved to `backupFile`. */
  readonly rejectedLines: number;
  readonly backupFile: string;
  readonly reasons: string[];
}

export const LOG_FILE = 'progress.v1.jsonl';

/**
 * The progress file: an append-only JSON-lines log in the extension's global storage.
 * - A grade is one `appendFile` of one line (a single write; two VS Code windows appending at
 *   once interleave whole lines, so neither loses the other's grades).
 * - Whole-file rewrites (import, reset, repair) go to a temp file first and are renamed over the
 *   log, so a crash leaves either the old file or the new one, never half of each.
 * - Lines that cannot be read (a crash mid-append, a hand edit) are copied to a backup file and
 *   left out; every other event is kept.
 */
export class ProgressStore {
  readonly logPath: string;
  /** What we last read or wrote: the file's size and identity, and the events in it. */
  private knownSize = 0;
  private knownIno: number | undefined;
  private known: ProgressEvent[] = [];
  /** Appends, checks and rewrites of this store run one at a time, so `known` matches the file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly fs: StoreFs,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.logPath = join(dir, LOG_FILE);
  }

  /** Reads the whole log, repairing it if some lines are unreadable. */
  async load(): Promise<{ events: ProgressEvent[]; recovery?: Recovery }> {
    await this.fs.mkdir(this.dir);
    const text = await this.readLog();
    const parsed = parseLog(text);
    let recovery: Recovery | undefined;
    if (parsed.rejected.length > 0) recovery = await this.quarantine(text, parsed);
    else await this.remember(parsed.events, Buffer.byteLength(text));
    return { events: [...this.known], recovery };
  }

  /**
   * What changed on disk since the last read or write: undefined when nothing did. Growth (another
   * window's appends) returns the new events; a shrunk, replaced or deleted log that lost events we
   * had is repaired first (see `check`) and says so in `replacement`.
   */
  readNew(): Promise<DiskChange | undefined> {
    return this.exclusive(() => this.check());
  }

  /** The events this store knows now (what it last read, plus what it wrote since). */
  knownEvents(): readonly ProgressEvent[] {
    return [...this.known];
  }

  /**
   * Appends one event. It must pass the schema the log is read with (InvalidProgressEvent
   * otherwise, and nothing is written). Before writing, the file is checked against what we last
   * read or wrote; when it changed, the change is returned (after repairing a replaced log).
   */
  async append(event: ProgressEvent): Promise<DiskChange | undefined> {
    checkEvent(event);
    return this.exclusive(() => this.appendNow(event));
  }

  private async appendNow(event: ProgressEvent): Promise<DiskChange | undefined> {
    await this.fs.mkdir(this.dir);
    const change = await this.check();
    // The leading newline ends a line another window may have left half-written when it was
    // killed, so this event always starts on a line of its own (empty lines are skipped on read).
    const line = `\n${serializeEvent(event)}`;
    await this.fs.appendFile(this.logPath, line);
    this.knownSize += Buffer.byteLength(line);
    this.known.push(event);
    this.knownIno ??= (await this.fs.stat(this.logPath))?.ino;
    return change && { events: [...this.known], replacement: change.replacement };
  }

  /**
   * Compares the file with what we last read or wrote. Same size and identity: unchanged (no read).
   * Otherwise the file is read: if every event we had is still there (another window appended, or
   * rewrote it with an import), the new content is taken as is. If events we had are gone (another
   * program truncated, replaced or deleted the log), the events we knew are saved beside the log
   * and the log is rewritten atomically with the union of both; the caller tells the user.
   */
  private async check(): Promise<DiskChange | undefined> {
    const stat = await this.fs.stat(this.logPath);
    const sameFile = stat !== undefined && (!this.knownIno || !stat.ino || stat.ino === this.knownIno);
    if (sameFile && stat.size === this.knownSize) return undefined;
    if (!stat && this.known.length === 0) return undefined;
    const text = await this.readLog();
    const parsed = parseLog(text);
    const onDisk = new Set(parsed.events.map((e) => e.eid));
    // A reset written by another window clears everything before it: those events are not lost.
    const resetAt = Math.max(-Infinity, ...parsed.events.filter((e) => e.kind === 'reset').map((e) => Date.parse(e.at)));
    const missing = this.known.filter((e) => !onDisk.has(e.eid) && Date.parse(e.at) > resetAt);
    if (missing.length === 0) {
      await this.remember(parsed.events, Buffer.byteLength(text));
      return { events: [...this.known] };
    }
    const cause = !stat ? 'deleted' : !sameFile ? 'replaced' : stat.size < this.knownSize ? 'truncated' : 'replaced';
    const stamp = this.stamp();
    const backupFile = join(this.dir, `progress.recovered-${stamp}.jsonl`);
    await this.fs.writeFile(backupFile, this.known.map(serializeEvent).join(''));
    // Lines of the new file we cannot read would be dropped by the rewrite: keep that file as found too.
    if (parsed.rejected.length > 0) await this.fs.writeFile(join(this.dir, `progress.corrupt-${stamp}.jsonl`), text);
    const knownIds = new Set(this.known.map((e) => e.eid));
    const union = [...parsed.events, ...missing].sort(byTime);
    await this.rewriteNow(union);
    return { events: [...this.known], replacement: { cause, restored: missing.length, found: parsed.events.filter((e) => !knownIds.has(e.eid)).length, backupFile } };
  }

  private async remember(events: readonly ProgressEvent[], size: number): Promise<void> {
    this.known = [...events];
    this.knownSize = size;
    this.knownIno = (await this.fs.stat(this.logPath))?.ino;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Replaces the whole log atomically (temp file + rename). */
  rewrite(events: readonly ProgressEvent[]): Promise<void> {
    return this.exclusive(() => this.rewriteNow(events));
  }

  private async rewriteNow(events: readonly ProgressEvent[]): Promise<void> {
    await this.fs.mkdir(this.dir);
    const tmp = `${this.logPath}.${process.pid}.${Date.now()}.tmp`;
    const text = events.map(serializeEvent).join('');
    await this.fs.writeFile(tmp, text);
    await this.fs.rename(tmp, this.logPath);
    await this.remember(events, Buffer.byteLength(text));
  }

  /**
   * Empties the log after saving it beside itself; returns the backup's path. The new log holds
   * one `reset` event, so another window that still has the old events sees a reset, not a loss.
   */
  resetWithBackup(): Promise<string> {
    return this.exclusive(() => this.resetNow());
  }

  private async resetNow(): Promise<string> {
    const text = await this.readLog();
    const backup = join(this.dir, `progress.before-reset-${this.stamp()}.jsonl`);
    await this.fs.writeFile(backup, text);
    const now = this.clock();
    await this.rewriteNow([{ v: PROGRESS_FORMAT, kind: 'reset', eid: newEventId(now.getTime()), at: now.toISOString() }]);
    return backup;
  }

  /** The events the store last read or wrote. */
  events(): ProgressEvent[] {
    return [...this.known];
  }

  private stamp(): string {
    return this.clock().toISOString().replace(/[:.]/g, '-');
  }

  private async readLog(): Promise<string> {
    try {
      return await this.fs.readFile(this.logPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw e;
    }
  }

  private async quarantine(text: string, parsed: ParsedLog): Promise<Recovery> {
    const backupFile = join(this.dir, `progress.corrupt-${this.stamp()}.jsonl`);
    // The backup keeps the file exactly as found, so nothing is lost even if the repair was wrong.
    await this.fs.writeFile(backupFile, text);
    await this.rewriteNow(parsed.events);
    return {
      rejectedLines: parsed.rejected.length,
      backupFile,
      reasons: parsed.rejected.slice(0, 5).map((r) => `line ${r.line}: ${r.reason}`),
    };
  }
}

/** The real file system, for the extension. */
export async function nodeStoreFs(): Promise<StoreFs> {
  const fsp = await import('node:fs/promises');
  return {
    readFile: (p) => fsp.readFile(p, 'utf8'),
    appendFile: (p, d) => fsp.appendFile(p, d, { encoding: 'utf8', flag: 'a' }),
    writeFile: async (p, d) => {
      const h = await fsp.open(p, 'w');
      try {
        await h.writeFile(d, 'utf8');
        await h.sync();
      } finally {
        await h.close();
      }
    },
    rename: (a, b) => fsp.rename(a, b),
    mkdir: async (p) => {
      await fsp.mkdir(p, { recursive: true });
    },
    stat: async (p) => {
      try {
        const st = await fsp.stat(p);
        return { size: st.size, ino: st.ino };
      } catch {
        return undefined;
      }
    },
  };
}

function byTime(a: { at: string }, b: { at: string }): number {
  return Date.parse(a.at) - Date.parse(b.at);
}
