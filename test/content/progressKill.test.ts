import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOG_FILE, nodeStoreFs, ProgressStore } from '../../src/core/progress/store';

/**
 * Kill during a write. A child process appends grades and notes with the real ProgressStore and
 * prints each event id once its append has resolved (the moment the extension tells the user
 * "Graded"). The test SIGKILLs it mid-run and then loads the log the way the extension does:
 * every acknowledged event must be there, a torn last line (if any) is the only thing set aside,
 * it is backed up byte for byte, and the repaired log loads cleanly.
 *
 * Nothing here waits on time: the kill follows a count of acknowledgements read from the child.
 */

/** The child: the real store (src/core/progress), bundled at test time into one CommonJS file. */
const CHILD_SOURCE = `
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { newEventId, type ProgressEvent } from ${JSON.stringify(resolve('src/core/progress/events.ts'))};
import { LOG_FILE, nodeStoreFs, ProgressStore } from ${JSON.stringify(resolve('src/core/progress/store.ts'))};

const [dir, mode, tag] = process.argv.slice(2);
const ack = (s: string) => process.stdout.write(s + '\\n'); // a pipe: synchronous on Linux

/** Multi-byte note text of varying size, always within the 50 000-character limit of a note. */
const note = (i: number) => {
  const unit = 'é🧪 ' + tag + ' ';
  return unit.repeat(Math.floor(((i * 9973) % 24_000) / unit.length));
};

async function main() {
  const store = new ProgressStore(dir, await nodeStoreFs());
  await store.load();
  for (let i = 0; ; i++) {
    const at = new Date().toISOString();
    // Notes of growing size (multi-byte text up to ~150 KB) make a kill inside a write likelier.
    const event: ProgressEvent =
      i % 3 === 2
        ? { v: 1, kind: 'note', eid: newEventId(), id: 'kill-test', text: note(i), at }
        : { v: 1, kind: 'review', eid: newEventId(), id: 'kill-test', rating: (1 + (i % 4)) as 1 | 2 | 3 | 4, at, covered: i % 4, of: 4, seconds: i % 600 };
    await store.append(event);
    ack(event.eid);
    if (mode === 'torn' && i === 40) {
      // What a crash inside write() leaves: the first part of a line, no newline.
      const line = JSON.stringify({ v: 1, kind: 'review', eid: newEventId(), id: 'kill-test', rating: 3, at });
      appendFileSync(join(dir, LOG_FILE), line.slice(0, Math.floor(line.length / 2)));
      ack('TORN');
      setInterval(() => undefined, 1 << 30); // wait to be killed
      return;
    }
  }
}
void main();
`;

let childBundle: string;
let buildDir: string | undefined;
const children: ChildProcess[] = [];

function buildChild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ip-kill-build-'));
  buildDir = dir;
  const entry = join(dir, 'child.ts');
  writeFileSync(entry, CHILD_SOURCE);
  // esbuild is a devDependency; loaded at run time so it is not bundled into this test.
  const esbuild = createRequire(resolve('package.json'))('esbuild') as typeof import('esbuild');
  const outfile = join(dir, 'child.cjs');
  esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

/**
 * Runs the child until it has acknowledged `killAfter` events (or printed TORN), then SIGKILLs it.
 * Resolves with the acknowledged ids (only complete lines count: a half-read id was not seen).
 */
function runAndKill(dir: string, killAfter: number, mode: 'append' | 'torn', tag: string): Promise<{ acked: string[]; torn: boolean; signal: NodeJS.Signals | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childBundle, dir, mode, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    let killed = false;
    const complete = () => out.split('\n').slice(0, -1);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      if (killed) return;
      const lines = complete();
      if (lines.includes('TORN') || lines.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!killed) return reject(new Error(`child exited by itself (code ${code}, signal ${signal}):\n${err}`));
      const lines = complete();
      resolvePromise({ acked: lines.filter((l) => l !== 'TORN'), torn: lines.includes('TORN'), signal });
    });
  });
}

const backups = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('progress.corrupt-'));

describe('progress log survives a SIGKILL during appends', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'ip-kill-'));
    dirs.push(d);
    return d;
  };

  before(() => {
    childBundle = buildChild();
  });
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  after(() => {
    for (const d of [...dirs, buildDir ?? '']) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('keeps every acknowledged event across repeated kills, sets aside at most one torn last line, and loads cleanly after', async () => {
    const dir = tmp();
    const allAcked: string[] = [];
    let tornLines = 0;
    for (const [round, killAfter] of [120, 200, 60, 150, 90].entries()) {
      const { acked, signal } = await runAndKill(dir, killAfter, 'append', `round${round}`);
      assert.equal(signal, 'SIGKILL', 'the child was killed, it did not finish');
      assert.ok(acked.length >= killAfter, `round ${round}: ${acked.length} acknowledged`);
      allAcked.push(...acked);

      const before = readFileSync(join(dir, LOG_FILE), 'utf8');
      const backupsBefore = backups(dir);
      const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
      const ids = events.map((e) => e.eid);
      const present = new Set(ids);
      const lost = allAcked.filter((eid) => !present.has(eid));
      assert.deepEqual(lost, [], `round ${round}: every acknowledged event is in the log`);
      assert.equal(present.size, ids.length, `round ${round}: no event was written twice`);
      // At most the one event in flight when the kill came can be there without an acknowledgement.
      assert.ok(ids.length - allAcked.length <= round + 1, `round ${round}: ${ids.length - allAcked.length} unacknowledged events (≤ 1 per kill)`);
      if (recovery) {
        tornLines++;
        assert.equal(recovery.rejectedLines, 1, `round ${round}: only the torn last line is rejected: ${recovery.reasons.join('; ')}`);
        assert.match(recovery.reasons[0] ?? '', /truncated last line/);
        assert.equal(readFileSync(recovery.backupFile, 'utf8'), before, 'the backup is the log exactly as found');
        assert.deepEqual(backups(dir).length, backupsBefore.length + 1);
      } else {
        assert.ok(before === '' || before.endsWith('\n'), `round ${round}: with no recovery the log ends with a whole line`);
      }
      const again = await new ProgressStore(dir, await nodeStoreFs()).load();
      assert.equal(again.recovery, undefined, `round ${round}: the log loads cleanly afterwards`);
      assert.deepEqual(again.events.map((e) => e.eid), ids);
    }
    console.log(`      ${allAcked.length} acknowledged appends over 5 kills; ${tornLines} torn last line(s) repaired`);
  });

  it('a crash that leaves half a line: that line alone is set aside and backed up, the rest loads, and later grades are kept', async () => {
    const dir = tmp();
    const { acked, torn } = await runAndKill(dir, Number.MAX_SAFE_INTEGER, 'torn', 'torn');
    assert.ok(torn, 'the child wrote half a line before it was killed');
    assert.equal(acked.length, 41);
    const before = readFileSync(join(dir, LOG_FILE), 'utf8');
    assert.ok(!before.endsWith('\n'), 'the log ends inside a line');

    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.deepEqual(events.map((e) => e.eid), acked, 'exactly the acknowledged events, in order');
    assert.ok(recovery);
    assert.equal(recovery.rejectedLines, 1);
    assert.match(recovery.reasons[0] ?? '', /line \d+: truncated last line/);
    assert.equal(readFileSync(recovery.backupFile, 'utf8'), before, 'the backup is the log exactly as found');
    assert.ok(existsSync(recovery.backupFile));

    // The extension keeps going: a new run appends after the repaired log and nothing is lost.
    const next = await runAndKill(dir, 30, 'append', 'after');
    const after = await new ProgressStore(dir, await nodeStoreFs()).load();
    const present = new Set(after.events.map((e) => e.eid));
    assert.deepEqual([...acked, ...next.acked].filter((e) => !present.has(e)), []);
    assert.ok(after.recovery === undefined || after.recovery.rejectedLines === 1);
    const clean = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(clean.recovery, undefined, 'the log loads cleanly afterwards');
  });

  // Regression: a window killed inside its write can leave half a line; the next grade of a window
  // that is still running must not be glued onto it (append starts every event on a fresh line).
  it('a grade acknowledged by a running window after another window died mid-line is kept', async () => {
    const dir = tmp();
    const running = new ProgressStore(dir, await nodeStoreFs());
    await running.load(); // this window opened before the other one crashed
    const { acked, torn } = await runAndKill(dir, Number.MAX_SAFE_INTEGER, 'torn', 'other-window');
    assert.ok(torn);
    const mine = { v: 1, kind: 'review', eid: 'running-window-grade', id: 'kill-test', rating: 3, at: new Date().toISOString() } as const;
    await running.append(mine); // resolved: the panel shows "Graded Good"
    const { events } = await new ProgressStore(dir, await nodeStoreFs()).load();
    const present = new Set(events.map((e) => e.eid));
    assert.deepEqual(acked.filter((e) => !present.has(e)), [], 'the crashed window’s acknowledged events are kept');
    assert.ok(present.has(mine.eid), 'the running window’s acknowledged grade is kept');
  });
});
