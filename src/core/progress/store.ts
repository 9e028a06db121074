import { join } from 'node:path';
import { parseLog, serializeEvent, type ParsedLog, type ProgressEvent } from './events';

/** The file operations the store needs; tests swap in faulty ones (disk full, crash before rename). */
export interface StoreFs {
  readFile(path: string): Promise<string>;
  appendFile(path: string, data: string): Promise<void>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  size(path: string): Promise<number | undefined>;
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
  private knownSize = 0;

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
    this.knownSize = (await this.fs.size(this.logPath)) ?? 0;
    return { events: parsed.events, recovery };
  }

  /** Events appended since the last read (by another window). */
  async readNew(): Promise<ProgressEvent[] | undefined> {
    const size = (await this.fs.size(this.logPath)) ?? 0;
    if (size === this.knownSize) return undefined;
    const text = await this.readLog();
    this.knownSize = Buffer.byteLength(text);
    return parseLog(text).events;
  }

  async append(event: ProgressEvent): Promise<void> {
    await this.fs.mkdir(this.dir);
    // The leading newline ends a line another window may have left half-written when it was
    // killed, so this event always starts on a line of its own (empty lines are skipped on read).
    const line = `\n${serializeEvent(event)}`;
    await this.fs.appendFile(this.logPath, line);
    this.knownSize += Buffer.byteLength(line);
  }

  /** Replaces the whole log atomically (temp file + rename). */
  async rewrite(events: readonly ProgressEvent[]): Promise<void> {
    await this.fs.mkdir(this.dir);
    const tmp = `${this.logPath}.${process.pid}.${Date.now()}.tmp`;
    const text = events.map(serializeEvent).join('');
    await this.fs.writeFile(tmp, text);
    await this.fs.rename(tmp, this.logPath);
    this.knownSize = Buffer.byteLength(text);
  }

  /** Empties the log after saving it beside itself; returns the backup's path. */
  async resetWithBackup(): Promise<string> {
    const text = await this.readLog();
    const backup = join(this.dir, `progress.before-reset-${this.stamp()}.jsonl`);
    await this.fs.writeFile(backup, text);
    await this.rewrite([]);
    return backup;
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
    await this.rewrite(parsed.events);
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
    size: async (p) => {
      try {
        return (await fsp.stat(p)).size;
      } catch {
        return undefined;
      }
    },
  };
}
