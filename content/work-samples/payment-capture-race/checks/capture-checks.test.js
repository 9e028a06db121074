// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturePayment } from './capture.js';
import { InMemoryPaymentRepository } from './payment-repository.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A repository holding one payment, and a gateway that records every call.
 * @param {{ authorizedCents?: number, capturedCents?: number, failWith?: string[] }} [options]
 *   failWith: error codes the gateway throws on its first calls, in order ('' for a network error)
 */
async function setup({ authorizedCents = 1000, capturedCents = 0, failWith = [] } = {}) {
  const repo = new InMemoryPaymentRepository();
  await repo.insert({ id: 'pay_1', authorizationId: 'auth_1', authorizedCents, capturedCents, status: 'authorized' });
  /** @type {{ authorizationId: string, amountCents: number, idempotencyKey?: string }[]} */
  const calls = [];
  const failures = [...failWith];
  const gateway = {
    /** @param {{ authorizationId: string, amountCents: number, idempotencyKey?: string }} req */
    async capture(req) {
      calls.push(req);
      await tick();
      if (failures.length > 0) {
        const code = failures.shift();
        throw Object.assign(new Error(code || 'socket hang up'), code ? { code } : {});
      }
      return { captureId: `cap_${calls.length}` };
    },
  };
  const deps = { repo, gateway, logger: { info() {}, warn() {} } };
  const stored = async () => /** @type {import('./payment-repository.js').Payment} */ (await repo.get('pay_1'));
  return { repo, deps, calls, stored };
}

test('two concurrent captures of the remaining amount charge the card once', async () => {
  const { deps, calls, stored } = await setup({ authorizedCents: 1000 });
  const results = await Promise.all([
    capturePayment(deps, { paymentId: 'pay_1', amount: 10, idempotencyKey: 'key-a' }),
    capturePayment(deps, { paymentId: 'pay_1', amount: 10, idempotencyKey: 'key-b' }),
  ]);
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.equal(calls.length, 1);
  assert.equal((await stored()).capturedCents, 1000);
  assert.equal((await stored()).status, 'captured');
});

test('many concurrent partial captures never exceed the authorization', async () => {
  const { deps, calls, stored } = await setup({ authorizedCents: 1000 });
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => capturePayment(deps, { paymentId: 'pay_1', amount: 4, idempotencyKey: `key-${i}` })),
  );
  const charged = calls.reduce((sum, c) => sum + c.amountCents, 0);
  const succeeded = results.filter((r) => r.ok).length;
  assert.ok(charged <= 1000, `gateway charged ${charged} cents on a 1000-cent authorization`);
  assert.equal(charged, succeeded * 400);
  assert.equal((await stored()).capturedCents, charged);
});

test('a retry with the same idempotency key returns the first result and charges once', async () => {
  const { deps, calls, stored } = await setup({ authorizedCents: 1000 });
  const first = await capturePayment(deps, { paymentId: 'pay_1', amount: 4, idempotencyKey: 'retry-1' });
  const second = await capturePayment(deps, { paymentId: 'pay_1', amount: 4, idempotencyKey: 'retry-1' });
  assert.equal(first.ok, true);
  assert.deepEqual(second, first);
  assert.equal(calls.length, 1);
  assert.equal((await stored()).capturedCents, 400);
});

test('concurrent requests with one idempotency key charge once', async () => {
  const { deps, calls } = await setup({ authorizedCents: 1000 });
  await Promise.all([
    capturePayment(deps, { paymentId: 'pay_1', amount: 4, idempotencyKey: 'same' }),
    capturePayment(deps, { paymentId: 'pay_1', amount: 4, idempotencyKey: 'same' }),
  ]);
  assert.equal(calls.length, 1);
});

test('the idempotency key is passed on to the gateway', async () => {
  const { deps, calls } = await setup();
  await capturePayment(deps, { paymentId: 'pay_1', amount: 1, idempotencyKey: 'gw-key' });
  assert.equal(calls[0]?.idempotencyKey, 'gw-key');
});

test('decimal amounts become exact integer cents', async () => {
  const { deps, calls, stored } = await setup({ authorizedCents: 1999 });
  const result = await capturePayment(deps, { paymentId: 'pay_1', amount: 19.99, idempotencyKey: 'cents-1' });
  assert.equal(result.ok, true);
  assert.equal(calls[0]?.amountCents, 1999);
  assert.equal((await stored()).capturedCents, 1999);
  assert.equal((await stored()).status, 'captured');
});

test('three partial captures that add up to the authorization complete the payment', async () => {
  const { deps, stored } = await setup({ authorizedCents: 10010 });
  for (const [i, amount] of [33.37, 33.37, 33.36].entries()) {
    const r = await capturePayment(deps, { paymentId: 'pay_1', amount, idempotencyKey: `split-${i}` });
    assert.equal(r.ok, true, `capture ${i} of ${amount} failed`);
  }
  assert.equal((await stored()).capturedCents, 10010);
  assert.equal((await stored()).status, 'captured');
});

test('amounts with fractions of a cent are rejected', async () => {
  const { deps, calls } = await setup();
  const result = await capturePayment(deps, { paymentId: 'pay_1', amount: 1.005, idempotencyKey: 'frac' });
  assert.equal(result.ok, false);
  assert.equal(calls.length, 0);
});

test('a declined capture is reported as a failure and leaves the payment capturable', async () => {
  const { deps, stored } = await setup({ failWith: ['card_declined'] });
  const declined = await capturePayment(deps, { paymentId: 'pay_1', amount: 10, idempotencyKey: 'd-1' });
  assert.equal(declined.ok, false);
  assert.equal((await stored()).capturedCents, 0);
  assert.equal((await stored()).status, 'authorized');
  const retried = await capturePayment(deps, { paymentId: 'pay_1', amount: 10, idempotencyKey: 'd-2' });
  assert.equal(retried.ok, true);
});

test('a network error is a retryable failure, and the retry reuses the key', async () => {
  const { deps, calls } = await setup({ failWith: [''] });
  const first = await capturePayment(deps, { paymentId: 'pay_1', amount: 10, idempotencyKey: 'net-1' });
  assert.equal(first.ok, false);
  const second = await capturePayment(deps, { paymentId: 'pay_1', amount: 10, idempotencyKey: 'net-1' });
  assert.equal(second.ok, true);
  assert.equal(calls.length, 2);
  assert.equal(calls[1]?.idempotencyKey, 'net-1');
});
