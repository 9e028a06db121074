// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createQuoteHandler } from './handler.js';

function makeDeps() {
  /** @type {string[]} */
  const logs = [];
  return {
    catalog: {
      /** @param {string[]} skus */
      async getPrices(skus) {
        return new Map([['SKU-1', 1000], ['SKU-2', 250]]);
      },
    },
    pricing: {
      /** @param {string} currency */
      async getExchangeRate(currency) {
        return { currency: 'EUR', rate: 0.9 };
      },
      async applyCoupon() {
        return { discountAmount: 0 };
      },
    },
    logger: {
      /** @param {string} msg */
      info: (msg) => { logs.push(msg); },
      /** @param {string} msg */
      error: (msg) => { logs.push(msg); },
    },
    logs,
  };
}

test('creates a quote in the requested currency', async () => {
  const handler = createQuoteHandler(makeDeps());
  const res = await handler({
    headers: {},
    body: { items: [{ sku: 'SKU-1', quantity: 2 }, { sku: 'SKU-2', quantity: 1 }], currency: 'EUR' },
  });

  assert.equal(res.status, 200);
  assert.equal(res.body.currency, 'EUR');
  assert.equal(res.body.subtotal, 2025);
  assert.equal(res.body.total, 2025);
});

test('defaults to USD when no currency is given', async () => {
  const handler = createQuoteHandler(makeDeps());
  const res = await handler({ headers: {}, body: { items: [{ sku: 'SKU-2', quantity: 4 }] } });

  assert.equal(res.status, 200);
  assert.equal(res.body.total, 1000);
});

test('returns 400 for an empty cart', async () => {
  const handler = createQuoteHandler(makeDeps());
  const res = await handler({ headers: {}, body: { items: [] } });

  assert.equal(res.status, 400);
});

test('returns 500 when the catalog is down', async () => {
  const deps = makeDeps();
  deps.catalog.getPrices = async () => { throw new Error('connection refused'); };
  const res = await createQuoteHandler(deps)({ headers: {}, body: { items: [{ sku: 'SKU-1', quantity: 1 }] } });

  assert.equal(res.status, 500);
  assert.ok(deps.logs.includes('failed to create quote'));
});
