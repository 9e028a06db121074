import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vscode = require('vscode');
import type { SampleView } from '../../core/samplePanelHtml';
import { fromSessionRecord, toSessionRecord, type PersistedSession } from '../../core/workSamples/sessionRecord';
import type { ContentService } from '../contentService';

/** A persisted session plus what only lives while the window does: a run in progress and a one-off scroll target. */
export interface SampleSession extends PersistedSession {
  running?: boolean;
  scrollTo?: SampleView['scrollTo'];
}

/**
 * What the task panel shows for each sample (judgement, marks, test results), kept in memory and in
 * a file beside the sample's comments, so a panel restored after a window reload is not blank.
 */
export class SampleSessions {
  private readonly sessions = new Map<string, SampleSession>();

  constructor(
    private readonly storage: string,
    private readonly content: ContentService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private file(id: string): string {
    return join(this.storage, 'work-samples', `${id}.session.json`);
  }

  /** The session: in memory, or (first use after a reload) read back from its file. */
  async get(id: string): Promise<SampleSession> {
    const open = this.sessions.get(id);
    if (open) return open;
    const sample = (await this.content.get()).workSample(id);
    const raw = await readFile(this.file(id), 'utf8')
      .then(
        (text) => JSON.parse(text) as unknown,
        () => undefined,
      )
      .catch(() => undefined);
    const saved = raw !== undefined && sample ? fromSessionRecord(raw, sample) : undefined;
    if (raw !== undefined && !saved) this.log.warn(`[${id}] ignored an unreadable saved work-sample session`);
    // Another call may have created the session while this one read the file.
    const s = this.sessions.get(id) ?? { showReference: false, hintTaken: false, ...saved, marks: saved?.marks ?? {} };
    this.sessions.set(id, s);
    return s;
  }

  /** Written after every change worth keeping; a failed write is logged, never in the user's way. */
  async persist(id: string, s: SampleSession): Promise<void> {
    await vscode.workspace.fs
      .writeFile(vscode.Uri.file(this.file(id)), Buffer.from(JSON.stringify(toSessionRecord(s)), 'utf8'))
      .then(undefined, (e: unknown) => this.log.warn(`[${id}] could not save the work-sample session: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** Start Over: the session and the saved review comments go. */
  async forget(id: string): Promise<void> {
    this.sessions.delete(id);
    for (const stale of [`${id}.review.json`, `${id}.session.json`]) {
      await vscode.workspace.fs.delete(vscode.Uri.file(join(this.storage, 'work-samples', stale)), { useTrash: false }).then(undefined, () => undefined);
    }
  }
}
