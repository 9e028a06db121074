// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucketLimiter, MemoryStore } from './rate-limiter.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start = 0) {
  let t = start;
  return {
    now: () => t,
    /** @param {number} ms */
    set: (ms) => { t = ms; },
    /** @param {number} ms */
    advance: (ms) => { t += ms; },
  };
}

/** A store with network-like latency that hands out copies, the way Redis would. */
class SlowStore {
  constructor() {
    /** @type {Map<string, { tokens: number, lastRefill: number }>} */
    this.data = new Map();
  }
  /** @param {string} key */
  async get(key) {
    await new Promise((resolve) => setImmediate(resolve));
    const s = this.data.get(key);
    return s && { ...s };
  }
  /** @param {string} key @param {{ tokens: number, lastRefill: number }} state */
  async set(key, state) {
    await new Promise((resolve) => setImmediate(resolve));
    this.data.set(key, { ...state });
  }
}

/** @param {TokenBucketLimiter} limiter @param {string} key @param {number} n */
async function countAllowed(limiter, key, n) {
  let allowed = 0;
  for (let i = 0; i < n; i++) if (await limiter.tryRemove(key)) allowed++;
  return allowed;
}

test('an idle bucket never holds more than capacity', async () => {
  const clock = manualClock();
  const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 1, now: clock.now });
  assert.equal(await limiter.tryRemove('k'), true);
  clock.advance(60 * 60 * 1000); // one idle hour
  assert.equal(await countAllowed(limiter, 'k', 10), 3);
  assert.ok((await limiter.available('k')) <= 3);
});

test('refill rate is per second, not per millisecond', async () => {
  const clock = manualClock();
  const limiter = new TokenBucketLimiter({ capacity: 10, refillPerSecond: 2, now: clock.now });
  assert.equal(await countAllowed(limiter, 'k', 10), 10);
  assert.equal(await limiter.tryRemove('k'), false);
  clock.advance(500); // half a second at 2 tokens/s earns exactly one token
  assert.equal(await countAllowed(limiter, 'k', 5), 1);
  clock.advance(250); // a quarter second earns half a token: not enough
  assert.equal(await limiter.tryRemove('k'), false);
  clock.advance(250);
  assert.equal(await limiter.tryRemove('k'), true);
});

test('a clock that steps backwards neither removes nor invents tokens', async () => {
  const clock = manualClock(10_000);
  const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1, now: clock.now });
  assert.equal(await limiter.tryRemove('k'), true);
  clock.set(5_000); // NTP step or VM migration: time goes back five seconds
  assert.equal(await limiter.tryRemove('k'), false);
  assert.ok((await limiter.available('k')) >= 0, 'tokens went negative');
  clock.advance(1_000); // one real second later the client has earned one token
  assert.equal(await limiter.tryRemove('k'), true);
  assert.equal(await limiter.tryRemove('k'), false);
});

test('concurrent requests for one key cannot overspend the bucket', async () => {
  const limiter = new TokenBucketLimiter({ capacity: 5, refillPerSecond: 0, store: new SlowStore(), now: () => 0 });
  const results = await Promise.all(Array.from({ length: 20 }, () => limiter.tryRemove('k')));
  assert.equal(results.filter(Boolean).length, 5);
});

test('concurrent requests are also safe with the default store', async () => {
  const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 0, now: () => 0 });
  const results = await Promise.all(Array.from({ length: 10 }, () => limiter.tryRemove('k')));
  assert.equal(results.filter(Boolean).length, 2);
});

test('the default store does not grow without bound', async () => {
  const limiter = new TokenBucketLimiter({ capacity: 5, refillPerSecond: 1, now: () => 0 });
  for (let i = 0; i < 12_000; i++) await limiter.tryRemove(`ip-${i}`);
  assert.ok(limiter.store instanceof MemoryStore);
  assert.ok(limiter.store.buckets.size <= 10_000, `store holds ${limiter.store.buckets.size} buckets`);
});

test('cost must be positive, finite and no larger than capacity', async () => {
  const limiter = new TokenBucketLimiter({ capacity: 5, refillPerSecond: 0, now: () => 0 });
  for (const bad of [0, -1, -100, Number.NaN, Number.POSITIVE_INFINITY, 6]) {
    await assert.rejects(limiter.tryRemove('k', bad), RangeError, `cost ${bad} was accepted`);
  }
  assert.equal(await limiter.tryRemove('k', 5), true);
  assert.equal(await limiter.tryRemove('k', 1), false);
});
