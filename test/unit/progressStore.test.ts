import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, type ProgressEvent } from '../../src/core/progress/events';
import { ProgressModel } from '../../src/core/progress/model';
import { Scheduler } from '../../src/core/progress/scheduler';
import { checkEvent, InvalidProgressEvent, LOG_FILE, nodeStoreFs, ProgressStore, type StoreFs } from '../../src/core/progress/store';
import { exportProgress, importProgress } from '../../src/core/progress/transfer';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
const review = (id: string, rating: 1 | 2 | 3 | 4, at = Date.now()): ProgressEvent => ({ v: 1, kind: 'review', eid: newEventId(at), id, rating, at: new Date(at).toISOString() });
const tmp = () => mkdtempSync(join(tmpdir(), 'ip-progress-'));

describe('progress store', () => {
  it('appends events and reads them back after a restart', async () => {
    const dir = tmp();
    const a = new ProgressStore(dir, await nodeStoreFs());
    await a.load();
    await a.append(review('qq1', 3));
    await a.append({ v: 1, kind: 'note', eid: newEventId(), id: 'qq1', text: 'line one\nline "two"', at: new Date().toISOString() });
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(recovery, undefined);
    const m = ProgressModel.replay(events, scheduler);
    assert.equal(m.reviewCount('qq1'), 1);
    assert.equal(m.note('qq1'), 'line one\nline "two"');
  });

  it('recovers from a truncated last line (crash mid-append): keeps the rest, backs up the original, tells why', async () => {
    const dir = tmp();
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    await s.append(review('qq1', 3));
    await s.append(review('qq2', 4));
    const path = join(dir, LOG_FILE);
    const original = readFileSync(path, 'utf8') + '{"v":1,"kind":"review","eid":"abc';
    writeFileSync(path, original);
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(events.length, 2);
    assert.ok(recovery);
    assert.equal(recovery.rejectedLines, 1);
    assert.match(recovery.reasons[0] ?? '', /line \d+: truncated last line/);
    assert.equal(readFileSync(recovery.backupFile, 'utf8'), original, 'the backup is the file exactly as found');
    const repaired = readFileSync(path, 'utf8');
    assert.equal(repaired.trim().split('\n').length, 2);
    const again = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(again.recovery, undefined, 'the repaired log loads cleanly');
  });

  it('keeps valid events around invalid JSON, wrong types and unknown kinds', async () => {
    const dir = tmp();
    const good = [review('aaa', 3), review('bbb', 1)];
    const lines = [JSON.stringify(good[0]), 'not json at all', JSON.stringify({ v: 1, kind: 'review', eid: 'x', id: 'a', rating: 7, at: 'yesterday' }), JSON.stringify({ v: 1, kind: 'teleport' }), JSON.stringify(good[1])];
    writeFileSync(join(dir, LOG_FILE), lines.join('\n') + '\n');
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.deepEqual(events.map((e) => e.eid), good.map((e) => e.eid));
    assert.equal(recovery?.rejectedLines, 3);
  });

  it('loses nothing when a crash happens between writing the temp file and the rename', async () => {
    const dir = tmp();
    const real = await nodeStoreFs();
    const s = new ProgressStore(dir, real);
    await s.load();
    await s.append(review('qq1', 3));
    const crashing: StoreFs = { ...real, rename: async () => { throw new Error('killed before rename'); } };
    const c = new ProgressStore(dir, crashing);
    const { events } = await c.load();
    await assert.rejects(c.rewrite([...events, review('qq2', 3)]), /killed before rename/);
    const after = await new ProgressStore(dir, real).load();
    assert.deepEqual(after.events.map((e) => e.kind === 'review' && e.id), ['qq1'], 'the old file is intact');
  });

  it('reports a failed write (disk full) instead of pretending it saved', async () => {
    const dir = tmp();
    const real = await nodeStoreFs();
    const full: StoreFs = { ...real, appendFile: async () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); } };
    const s = new ProgressStore(dir, full);
    await s.load();
    await assert.rejects(s.append(review('qq1', 3)), /ENOSPC/);
    assert.equal((await new ProgressStore(dir, real).load()).events.length, 0);
  });

  it('two writers (two VS Code windows) interleaving appends lose nothing', async () => {
    const dir = tmp();
    const a = new ProgressStore(dir, await nodeStoreFs());
    const b = new ProgressStore(dir, await nodeStoreFs());
    await Promise.all([a.load(), b.load()]);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      writes.push(a.append(review(`aa${i}`, 3)));
      writes.push(b.append(review(`bb${i}`, 3)));
    }
    await Promise.all(writes);
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(recovery, undefined);
    assert.equal(events.length, 100);
    // Either this window has not seen the other's last lines yet (readNew brings them), or it read
    // them before its own last append (it knows them already): both ways it sees all 100.
    const fresh = await a.readNew();
    assert.equal(fresh?.replacement, undefined, 'growth by another window is not a replacement');
    assert.equal((fresh?.events ?? a.knownEvents()).length, 100, 'a window sees the other window’s grades');
    assert.equal(a.knownEvents().length, 100);
  });

  it('leaves no temp files behind after a rewrite', async () => {
    const dir = tmp();
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    await s.rewrite([review('qqq', 3)]);
    assert.deepEqual(readdirSync(dir), [LOG_FILE]);
    assert.ok(existsSync(join(dir, LOG_FILE)));
  });
});

describe('progress export and import', () => {
  const known = (id: string) => ['qq1', 'qq2', 'qq3'].includes(id);

  it('round-trips: export then import into an empty store gives the same events', () => {
    const events = [review('qq1', 3, 1_000_000), review('qq2', 1, 2_000_000)];
    const r = importProgress(exportProgress(events, new Date()), [], known);
    assert.equal(r.added, 2);
    assert.deepEqual(r.merged, events);
  });

  it('merges instead of overwriting: keeps local events, skips duplicates', () => {
    const local = [review('qq1', 3, 1_000_000)];
    const other = [local[0] as ProgressEvent, review('qq2', 4, 3_000_000)];
    const r = importProgress(exportProgress(other, new Date()), local, known);
    assert.equal(r.added, 1);
    assert.equal(r.duplicates, 1);
    assert.equal(r.merged.length, 2);
  });

  it('rejects hostile content event by event: wrong types, huge values, unknown ids, resets', () => {
    const file = {
      format: 'interview-practice-progress',
      version: 1,
      exportedAt: 'x',
      events: [
        review('qq1', 3),
        { v: 1, kind: 'review', eid: newEventId(), id: 'qq1', rating: 1e308, at: new Date().toISOString() },
        { v: 1, kind: 'note', eid: newEventId(), id: 'qq1', text: 'x'.repeat(100_000), at: new Date().toISOString() },
        { v: 1, kind: 'review', eid: newEventId(), id: 'not-in-bank', rating: 3, at: new Date().toISOString() },
        { v: 1, kind: 'reset', eid: newEventId(), at: new Date().toISOString() },
        'string',
        null,
        { __proto__: { polluted: true } },
      ],
    };
    const r = importProgress(JSON.stringify(file), [], known);
    assert.equal(r.added, 2, 'the event for an item not loaded now is kept');
    assert.equal(r.rejected, 6);
    assert.equal(r.unknownIds, 1);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses files that are not exports with a readable reason', () => {
    assert.throws(() => importProgress('{', [], known), /not JSON/);
    assert.throws(() => importProgress('{"format":"something-else"}', [], known), /not a progress export/);
    assert.throws(() => importProgress('[]', [], known), /not a progress export/);
  });
});

describe('progress reset', () => {
  it('empties the log but keeps the old one as a backup that can be imported back', async () => {
    const dir = tmp();
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    const graded = review('qq1', 3);
    await s.append(graded);
    const backup = await s.resetWithBackup();
    const after = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.deepEqual(after.events.map((e) => e.kind), ['reset'], 'the log holds only the reset');
    assert.equal(ProgressModel.replay(after.events, scheduler).reviewCount('qq1'), 0);
    assert.match(readFileSync(backup, 'utf8'), new RegExp(graded.eid));
  });
});

describe('progress you can carry (export → reset → import)', () => {
  it('keeps grades and notes of items not loaded at import time; they apply when the pack is back', async () => {
    const dir = tmp();
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    const graded = review('pack-item', 4, Date.now() - 3 * 86_400_000);
    await s.append(graded);
    await s.append({ v: 1, kind: 'note', eid: newEventId(), id: 'pack-item', text: 'my note', at: new Date().toISOString() });
    const exported = exportProgress(s.events(), new Date());
    await s.resetWithBackup();
    // The pack is off: nothing in the bank knows `pack-item`.
    const r = importProgress(exported, s.events(), () => false);
    assert.equal(r.added, 2);
    assert.equal(r.unknownIds, 2);
    await s.rewrite(r.merged);
    // Later, in a new session, the pack is loaded again.
    const { events } = await new ProgressStore(dir, await nodeStoreFs()).load();
    const m = ProgressModel.replay(events, scheduler);
    assert.equal(m.reviewCount('pack-item'), 1, 'the grade is there (not cleared by the earlier reset)');
    assert.equal(m.lastReview('pack-item')?.eid, graded.eid);
    assert.equal(m.note('pack-item'), 'my note');
    assert.notEqual(m.state('pack-item', new Date()), 'new');
  });

  it('an import after a reset is not undone by the reset, and local events after the reset stay', () => {
    const reset: ProgressEvent = { v: 1, kind: 'reset', eid: newEventId(), at: new Date(2_000_000).toISOString() };
    const after = review('qq2', 3, 3_000_000);
    const r = importProgress(exportProgress([review('qq1', 3, 1_000_000)], new Date()), [reset, after], () => true);
    assert.deepEqual(r.merged.map((e) => e.kind === 'review' && e.id), ['qq1', 'qq2']);
    const m = ProgressModel.replay(r.merged, scheduler);
    assert.equal(m.reviewCount('qq1'), 1);
  });
});

describe('progress log changed under a running window', () => {
  it('detects a truncation between two appends: warns, writes back what was lost, saves what it had', async () => {
    const dir = tmp();
    const path = join(dir, LOG_FILE);
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    const first = Array.from({ length: 69 }, (_, i) => review(`qq${i}`, 3, 1_000_000 + i));
    for (const e of first) assert.equal(await s.append(e), undefined, 'appends to an unchanged log say nothing');
    // Another program truncates the log to its first event.
    writeFileSync(path, JSON.stringify(first[0]) + '\n');
    const next = review('after', 4);
    const change = await s.append(next);
    assert.ok(change?.replacement, 'the truncation is reported');
    assert.equal(change.replacement.cause, 'truncated');
    assert.equal(change.replacement.restored, 68);
    assert.match(change.replacement.backupFile, /progress\.recovered-.*\.jsonl$/);
    assert.equal(readFileSync(change.replacement.backupFile, 'utf8').trim().split('\n').length, 69, 'the recovery file holds what the window had');
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(recovery, undefined);
    assert.equal(events.length, 70, 'nothing lost');
    assert.deepEqual(new Set(events.map((e) => e.eid)), new Set([...first, next].map((e) => e.eid)));
    assert.equal(change.events.length, 70);
    // Reported once: the next append finds the log as it left it.
    assert.equal(await s.append(review('later', 3)), undefined);
  });

  it('detects a replacement by another valid log: keeps the union and reports it', async () => {
    const dir = tmp();
    const path = join(dir, LOG_FILE);
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    const mine = [review('aa1', 3, 1_000_000), review('aa2', 3, 2_000_000)];
    for (const e of mine) await s.append(e);
    // Another program renames a different (valid, longer) log over ours.
    const theirs = [review('bb1', 4, 1_500_000), review('bb2', 1, 2_500_000), review('bb3', 2, 2_600_000)];
    writeFileSync(`${path}.other`, theirs.map((e) => JSON.stringify(e)).join('\n') + '\n');
    renameSync(`${path}.other`, path);
    const change = await s.readNew();
    assert.equal(change?.replacement?.cause, 'replaced');
    assert.equal(change.replacement.restored, 2);
    assert.equal(change.replacement.found, 3);
    const { events } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.deepEqual(events.map((e) => e.kind === 'review' && e.id), ['aa1', 'bb1', 'aa2', 'bb2', 'bb3'], 'the union, in time order');
  });

  it('a log replaced in place with the same inode (fake fs without identity) is still caught by its content', async () => {
    const dir = tmp();
    const real = await nodeStoreFs();
    const noIdentity: StoreFs = { ...real, stat: async (p) => { const st = await real.stat(p); return st && { size: st.size }; } };
    const s = new ProgressStore(dir, noIdentity);
    await s.load();
    await s.append(review('aa1', 3, 1_000_000));
    writeFileSync(join(dir, LOG_FILE), JSON.stringify(review('bb1', 3, 2_000_000)) + '\n' + JSON.stringify(review('bb2', 3, 3_000_000)) + '\n');
    const change = await s.append(review('aa2', 3, 4_000_000));
    assert.equal(change?.replacement?.cause, 'replaced');
    const { events } = await new ProgressStore(dir, real).load();
    assert.deepEqual(events.map((e) => e.kind === 'review' && e.id), ['aa1', 'bb1', 'bb2', 'aa2']);
  });

  it('a deleted log is written back', async () => {
    const dir = tmp();
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    await s.append(review('aa1', 3, 1_000_000));
    unlinkSync(join(dir, LOG_FILE));
    const change = await s.append(review('aa2', 3, 2_000_000));
    assert.equal(change?.replacement?.cause, 'deleted');
    assert.equal((await new ProgressStore(dir, await nodeStoreFs()).load()).events.length, 2);
  });

  it('a reset by another window is taken as a reset, not a loss', async () => {
    const dir = tmp();
    const a = new ProgressStore(dir, await nodeStoreFs());
    const b = new ProgressStore(dir, await nodeStoreFs());
    await a.load();
    await a.append(review('aa1', 3, Date.now() - 10_000));
    await b.load();
    await a.resetWithBackup();
    const change = await b.append(review('bb1', 3));
    assert.equal(change?.replacement, undefined, 'no warning, nothing written back');
    const m = ProgressModel.replay((await new ProgressStore(dir, await nodeStoreFs()).load()).events, scheduler);
    assert.equal(m.reviewCount('aa1'), 0);
    assert.equal(m.reviewCount('bb1'), 1);
  });

  it('an import by another window (rewrite with everything this one had) is not a loss', async () => {
    const dir = tmp();
    const a = new ProgressStore(dir, await nodeStoreFs());
    const b = new ProgressStore(dir, await nodeStoreFs());
    await a.load();
    await a.append(review('aa1', 3, 1_000_000));
    await b.load();
    await a.rewrite([...a.events(), review('imp', 3, 500_000)]);
    const change = await b.readNew();
    assert.equal(change?.replacement, undefined);
    assert.equal(change?.events.length, 2);
  });
});

describe('progress events are checked before they are written', () => {
  it('refuses an event that would not be read back (a two-letter defect id) and names the field', async () => {
    const dir = tmp();
    const s = new ProgressStore(dir, await nodeStoreFs());
    await s.load();
    const bad = { v: 1, kind: 'sample', eid: newEventId(), id: 'sample-one', at: new Date().toISOString(), score: 100, found: ['ab'], missed: [] } as ProgressEvent;
    await assert.rejects(s.append(bad), (e: unknown) => e instanceof InvalidProgressEvent && e.field === 'found.0' && /found\.0/.test(e.message));
    assert.throws(() => checkEvent(bad), InvalidProgressEvent);
    assert.equal(existsSync(join(dir, LOG_FILE)), false, 'nothing was written');
    const good = { ...bad, eid: newEventId(), found: ['race-condition'] } as ProgressEvent;
    await s.append(good);
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(recovery, undefined);
    assert.deepEqual(events.map((e) => e.eid), [good.eid], 'what was acknowledged reads back');
  });
});
