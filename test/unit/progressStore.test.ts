import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, type ProgressEvent } from '../../src/core/progress/events';
import { ProgressModel } from '../../src/core/progress/model';
import { Scheduler } from '../../src/core/progress/scheduler';
import { LOG_FILE, nodeStoreFs, ProgressStore, type StoreFs } from '../../src/core/progress/store';
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
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      writes.push(a.append(review(`aa${i}`, 3)));
      writes.push(b.append(review(`bb${i}`, 3)));
    }
    await Promise.all(writes);
    const { events, recovery } = await new ProgressStore(dir, await nodeStoreFs()).load();
    assert.equal(recovery, undefined);
    assert.equal(events.length, 100);
    const fresh = await a.readNew();
    assert.equal(fresh?.length, 100, 'a window sees the other window’s grades');
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
    assert.equal(r.added, 1);
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
    assert.equal((await new ProgressStore(dir, await nodeStoreFs()).load()).events.length, 0);
    assert.match(readFileSync(backup, 'utf8'), new RegExp(graded.eid));
  });
});
