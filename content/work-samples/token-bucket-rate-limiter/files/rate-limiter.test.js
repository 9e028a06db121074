// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucketLimiter } from './rate-limiter.js';

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('allows requests up to capacity, then rejects', async () => {
  // refillPerSecond: 0 keeps the test deterministic.
  const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0 });

  assert.equal(await limiter.tryRemove('user-1'), true);
  assert.equal(await limiter.tryRemove('user-1'), true);
  assert.equal(await limiter.tryRemove('user-1'), true);
  assert.equal(await limiter.tryRemove('user-1'), false);
});

test('tracks each key in its own bucket', async () => {
  const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0 });

  assert.equal(await limiter.tryRemove('user-a'), true);
  assert.equal(await limiter.tryRemove('user-b'), true);

  const state = await limiter.store.get('user-a');
  assert.equal(state?.tokens, 0);
});

test('refills tokens over time', async () => {
  const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 50 });

  assert.equal(await limiter.tryRemove('user-1'), true);
  await sleep(30);
  assert.equal(await limiter.tryRemove('user-1'), true);
});
