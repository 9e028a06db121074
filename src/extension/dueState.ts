import vscode = require('vscode');
import { dueSnapshot, type DueSnapshot } from '../core/progress/dueState';
import type { ContentService } from './contentService';
import type { ProgressService } from './progressService';
import { readSetting } from './settings';

/** The time source, replaceable so a test can move time across a due instant. */
export interface Clock {
  now(): Date;
  /** Calls `fire` after `ms` (may be capped by the implementation); the returned handle cancels it. */
  after(ms: number, fire: () => void): vscode.Disposable;
}

/** setTimeout cannot wait longer than 2^31-1 ms; a longer wait re-arms when it fires. */
const MAX_WAIT_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => new Date(),
  after: (ms, fire) => {
    const timer = setTimeout(fire, Math.min(Math.max(0, ms), MAX_WAIT_MS));
    return { dispose: () => clearTimeout(timer) };
  },
};

/**
 * The one source of "due" for the tree, panel chips, status bar, dashboard and review queue. It
 * recomputes on every progress, content or scheduling-setting change and when the next card
 * falls due (a timer), and tells every surface through one event.
 */
export class DueState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DueSnapshot>();
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[] = [this.changed];
  private timer: vscode.Disposable | undefined;
  private latest: Promise<DueSnapshot> | undefined;
  private disposed = false;

  constructor(
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private clock: Clock = systemClock,
  ) {
    this.subs.push(
      progress.onDidChange(() => this.update()),
      content.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('interviewPractice.newQuestionsPerDay') || e.affectsConfiguration('interviewPractice.releaseAllFollowUps') || e.affectsConfiguration('interviewPractice.desiredRetention')) this.update();
      }),
    );
  }

  now(): Date {
    return this.clock.now();
  }

  /** The picture right now (recomputed when the clock has passed the last one's next change). */
  snapshot(): Promise<DueSnapshot> {
    const now = this.clock.now();
    if (!this.latest) this.latest = this.compute(now);
    return this.latest.then((s) => (now.getTime() >= s.nextChange.getTime() || now.getTime() < s.now.getTime() ? (this.latest = this.compute(now)) : s));
  }

  /** Recomputes and tells every surface; also re-arms the timer for the next due instant. */
  update(): void {
    if (this.disposed) return;
    const next = this.compute(this.clock.now());
    this.latest = next;
    void next.then(
      (s) => {
        if (this.disposed || this.latest !== next) return;
        this.arm(s);
        this.changed.fire(s);
      },
      () => undefined,
    );
  }

  /** For tests: a different time source; everything recomputes against it at once. */
  useClock(clock: Clock): void {
    this.clock = clock;
    this.update();
  }

  /** A first computation and timer; surfaces that subscribe later read snapshot(). */
  start(): void {
    this.update();
  }

  private arm(s: DueSnapshot): void {
    this.timer?.dispose();
    this.timer = this.clock.after(s.nextChange.getTime() - s.now.getTime(), () => this.update());
  }

  private async compute(now: Date): Promise<DueSnapshot> {
    const [snapshot, model] = await Promise.all([this.content.get(), this.progress.model()]);
    const items = snapshot.bundle.questions.map((q, order) => ({ id: q.id, parent: q.parent, order }));
    return dueSnapshot(items, model, now, {
      newPerDay: readSetting<number>('newQuestionsPerDay', 10),
      releaseAllFollowUps: readSetting<boolean>('releaseAllFollowUps', false),
    });
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
