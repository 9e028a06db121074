// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capturePayment } from './capture.js';

/** @param {Partial<import('./payment-repository.js').Payment>} [overrides] */
function makeDeps(overrides = {}) {
  /** @type {any[]} */
  const saved = [];
  /** @type {any[]} */
  const gatewayCalls = [];
  const payment = {
    id: 'pay_1', authorizationId: 'auth_1', authorizedCents: 5000, capturedCents: 0,
    status: /** @type {const} */ ('authorized'), version: 1, ...overrides,
  };
  return {
    saved,
    gatewayCalls,
    repo: {
      get: async () => ({ ...payment }),
      save: async (/** @type {any} */ p) => { saved.push(p); },
    },
    gateway: {
      capture: async (/** @type {any} */ req) => { gatewayCalls.push(req); return { captureId: 'cap_1' }; },
    },
    logger: { info() {}, warn() {} },
  };
}

test('captures the full amount', async () => {
  const deps = makeDeps();
  const result = await capturePayment(deps, { paymentId: 'pay_1', amount: 50 });

  assert.equal(result.ok, true);
  assert.equal(deps.gatewayCalls.length, 1);
  assert.equal(deps.saved.length, 1);
});

test('supports partial captures', async () => {
  const deps = makeDeps();
  const result = await capturePayment(deps, { paymentId: 'pay_1', amount: 20 });

  assert.equal(result.ok, true);
  assert.equal(deps.saved[0].status, 'partially_captured');
});

test('does not fail the checkout when the gateway errors', async () => {
  const deps = makeDeps();
  deps.gateway.capture = async () => { throw new Error('gateway timeout'); };
  const result = await capturePayment(deps, { paymentId: 'pay_1', amount: 50 });

  assert.equal(result.ok, true);
  assert.equal(deps.saved.length, 0);
});
