// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagClient } from './flags.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    /** @param {number} ms */
    advance: (ms) => { t += ms; },
  };
}

/** A flag service the test controls: what it serves, whether it is up, how often it was asked. */
function fakeService(/** @type {Record<string, any>} */ flags) {
  const service = {
    flags,
    up: true,
    calls: 0,
    fetchFlags: async () => {
      service.calls++;
      if (!service.up) throw new Error('connect ECONNREFUSED flags.internal:443');
      return structuredClone(service.flags);
    },
  };
  return service;
}

const quiet = { onError: () => {} };
/** @param {number} n */
const users = (n) => Array.from({ length: n }, (_, i) => `user-${i}`);

/** @param {FlagClient} client @param {string} flag @param {string[]} ids */
async function countOn(client, flag, ids) {
  let on = 0;
  for (const id of ids) if (await client.isEnabled(flag, id)) on++;
  return on;
}

test('the same user gets the same answer on every request', async () => {
  const client = new FlagClient({ fetchFlags: fakeService({ f: { rolloutPercent: 50 } }).fetchFlags, ...quiet });
  for (const id of users(200)) {
    const first = await client.isEnabled('f', id);
    for (let i = 0; i < 10; i++) assert.equal(await client.isEnabled('f', id), first, `${id} flipped between requests`);
  }
});

test('a 10% rollout reaches about 10% of users', async () => {
  const client = new FlagClient({ fetchFlags: fakeService({ f: { rolloutPercent: 10 } }).fetchFlags, ...quiet });
  const on = await countOn(client, 'f', users(10_000));
  assert.ok(on >= 850 && on <= 1150, `${on} of 10,000 users got a 10% flag`);
});

test('0% reaches nobody and 100% reaches everybody', async () => {
  const client = new FlagClient({ fetchFlags: fakeService({ none: { rolloutPercent: 0 }, all: { rolloutPercent: 100 } }).fetchFlags, ...quiet });
  assert.equal(await countOn(client, 'none', users(2_000)), 0);
  assert.equal(await countOn(client, 'all', users(2_000)), 2_000);
});

test('raising the percentage keeps everyone who already had the feature', async () => {
  const service = fakeService({ f: { rolloutPercent: 10 } });
  const clock = manualClock();
  const client = new FlagClient({ fetchFlags: service.fetchFlags, now: clock.now, ...quiet });
  const ids = users(2_000);
  const before = [];
  for (const id of ids) if (await client.isEnabled('f', id)) before.push(id);
  service.flags.f.rolloutPercent = 30;
  clock.advance(10 * 60_000);
  for (const id of before) assert.equal(await client.isEnabled('f', id), true, `${id} lost the feature when the rollout grew`);
});

test('with the flag service down and nothing cached, a flag is off', async () => {
  const service = fakeService({});
  service.up = false;
  const client = new FlagClient({ fetchFlags: service.fetchFlags, ...quiet });
  assert.equal(await client.isEnabled('new-checkout', 'user-1'), false);
  assert.equal(await client.isEnabled('new-checkout', 'user-2'), false);
});

test('a change in the flag service is picked up without a restart', async () => {
  const service = fakeService({ f: { rolloutPercent: 0 } });
  const clock = manualClock();
  const client = new FlagClient({ fetchFlags: service.fetchFlags, now: clock.now, ...quiet });
  assert.equal(await client.isEnabled('f', 'user-1'), false);
  service.flags.f.rolloutPercent = 100;
  clock.advance(10 * 60_000);
  assert.equal(await client.isEnabled('f', 'user-1'), true);
});

test('once the service has answered, an outage keeps the last known flags', async () => {
  const service = fakeService({ f: { rolloutPercent: 100 } });
  const clock = manualClock();
  const client = new FlagClient({ fetchFlags: service.fetchFlags, now: clock.now, ...quiet });
  assert.equal(await client.isEnabled('f', 'user-1'), true);
  service.up = false;
  clock.advance(10 * 60_000);
  assert.equal(await client.isEnabled('f', 'user-1'), true);
});

test('turning a flag off in the flag service switches it off for everyone', async () => {
  const service = fakeService({ f: { rolloutPercent: 100, enabled: false } });
  const clock = manualClock();
  const client = new FlagClient({ fetchFlags: service.fetchFlags, now: clock.now, ...quiet });
  assert.equal(await countOn(client, 'f', users(500)), 0);
  service.flags.f.enabled = true;
  clock.advance(10 * 60_000);
  assert.equal(await countOn(client, 'f', users(500)), 500);
  service.flags.f.enabled = false;
  clock.advance(10 * 60_000);
  assert.equal(await countOn(client, 'f', users(500)), 0);
});
