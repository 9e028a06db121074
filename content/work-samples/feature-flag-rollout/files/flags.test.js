// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagClient } from './flags.js';

/** @param {Record<string, { rolloutPercent: number }>} flags */
const serving = (flags) => async () => flags;

test('a flag rolled out to 100% is on', async () => {
  const client = new FlagClient({ fetchFlags: serving({ 'new-checkout': { rolloutPercent: 100 } }) });
  assert.equal(await client.isEnabled('new-checkout', 'user-1'), true);
});

test('a flag at 0% is off', async () => {
  const client = new FlagClient({ fetchFlags: serving({ 'new-checkout': { rolloutPercent: 0 } }) });
  assert.equal(await client.isEnabled('new-checkout', 'user-1'), false);
});

test('an unknown flag is off', async () => {
  const client = new FlagClient({ fetchFlags: serving({}) });
  assert.equal(await client.isEnabled('does-not-exist', 'user-1'), false);
});

test('flags are cached, so the flag service is called once', async () => {
  let calls = 0;
  const client = new FlagClient({
    fetchFlags: async () => {
      calls++;
      return { 'new-checkout': { rolloutPercent: 100 } };
    },
  });
  await client.isEnabled('new-checkout', 'user-1');
  await client.isEnabled('new-checkout', 'user-2');
  await client.isEnabled('new-checkout', 'user-3');
  assert.equal(calls, 1);
});

test('features keep working when the flag service is down', async () => {
  const client = new FlagClient({
    fetchFlags: async () => {
      throw new Error('connect ECONNREFUSED flags.internal:443');
    },
  });
  assert.equal(await client.isEnabled('new-checkout', 'user-1'), true);
});
