// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createQuoteHandler } from './handler.js';

/** Unit prices in USD cents. */
const PRICES = { 'SKU-1': 1000, 'SKU-2': 250 };

/**
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function pricingError(status, code, message) {
  return Object.assign(new Error(message), { name: 'PricingError', status, code });
}

/**
 * Fakes that follow pricing-client.js v3: getExchangeRate and getCouponDiscount only.
 * @param {{ rates?: Record<string, number>, coupons?: Record<string, number | 'expired'> }} [options]
 */
function makeDeps({ rates = { EUR: 0.5, GBP: 0.25 }, coupons = { SAVE10: 10, OLD: 'expired' } } = {}) {
  /** @type {string[]} */
  const rateCalls = [];
  return {
    rateCalls,
    catalog: {
      /** @param {string[]} skus */
      async getPrices(skus) {
        return new Map(Object.entries(PRICES).filter(([sku]) => skus.includes(sku)));
      },
    },
    pricing: {
      /** @param {string} currency @param {{ signal?: AbortSignal }} [options] */
      async getExchangeRate(currency, options) {
        rateCalls.push(currency);
        const rate = rates[currency];
        if (rate === undefined) throw pricingError(400, 'UNSUPPORTED_CURRENCY', `unsupported currency '${currency}'`);
        return { currency, rate };
      },
      /** @param {string} code @param {{ signal?: AbortSignal }} [options] */
      async getCouponDiscount(code, options) {
        const coupon = coupons[code];
        if (coupon === undefined) throw pricingError(404, 'COUPON_NOT_FOUND', `coupon ${code} not found`);
        if (coupon === 'expired') throw pricingError(410, 'COUPON_EXPIRED', `coupon ${code} has expired`);
        return { code, percentOff: coupon };
      },
    },
    logger: { info() {}, error() {} },
  };
}

/** @param {any} body */
const req = (body) => ({ headers: {}, body });
const oneItem = [{ sku: 'SKU-1', quantity: 1 }];

/**
 * Resolves to the handler's response, or to 'hung' if it has not answered within 50 ms.
 * @param {Promise<any>} response
 */
function within50ms(response) {
  /** @type {Promise<'hung'>} */
  const guard = new Promise((resolve) => setTimeout(() => resolve('hung'), 50));
  return Promise.race([response, guard]);
}

test('malformed bodies get 400, never 500', async () => {
  const handler = createQuoteHandler(makeDeps());
  const bad = [
    undefined, null, 'SKU-1', {}, { items: [] }, { items: 'SKU-1' }, { items: [null] },
    { items: [{ sku: 'SKU-1' }] }, { items: [{ sku: 'SKU-1', quantity: 0 }] },
    { items: [{ sku: 'SKU-1', quantity: -2 }] }, { items: [{ sku: 'SKU-1', quantity: 1.5 }] },
    { items: [{ quantity: 1 }] }, { items: oneItem, currency: 42 },
  ];
  for (const body of bad) {
    const res = await handler(req(body));
    assert.equal(res.status, 400, `body ${JSON.stringify(body)} got ${res.status}`);
  }
});

test('each currency gets its own exchange rate', async () => {
  const handler = createQuoteHandler(makeDeps({ rates: { EUR: 0.5, GBP: 0.25, JPY: 1.5 } }));
  const eur = await handler(req({ items: oneItem, currency: 'EUR' }));
  const gbp = await handler(req({ items: oneItem, currency: 'GBP' }));
  const jpy = await handler(req({ items: oneItem, currency: 'JPY' }));
  assert.equal(eur.body.total, 500);
  assert.equal(gbp.body.total, 250);
  assert.equal(jpy.body.total, 1500);
});

test('two handlers do not share cached rates', async () => {
  const a = createQuoteHandler(makeDeps({ rates: { EUR: 0.8 } }));
  const b = createQuoteHandler(makeDeps({ rates: { EUR: 0.6 } }));
  assert.equal((await a(req({ items: oneItem, currency: 'EUR' }))).body.total, 800);
  assert.equal((await b(req({ items: oneItem, currency: 'EUR' }))).body.total, 600);
});

test('a valid coupon is applied with the v3 pricing API', async () => {
  const handler = createQuoteHandler(makeDeps());
  const res = await handler(req({ items: [{ sku: 'SKU-1', quantity: 2 }], couponCode: 'SAVE10' }));
  assert.equal(res.status, 200);
  assert.equal(res.body.subtotal, 2000);
  assert.equal(res.body.discount, 200);
  assert.equal(res.body.total, 1800);
});

test('unusable coupons and unsupported currencies are client errors', async () => {
  const handler = createQuoteHandler(makeDeps());
  const unknown = await handler(req({ items: oneItem, couponCode: 'NOPE' }));
  const expired = await handler(req({ items: oneItem, couponCode: 'OLD' }));
  const currency = await handler(req({ items: oneItem, currency: 'XYZ' }));
  assert.equal(unknown.status, 422);
  assert.equal(expired.status, 422);
  assert.equal(currency.status, 400);
});

test('a lower-case currency code is accepted', async () => {
  const res = await createQuoteHandler(makeDeps())(req({ items: oneItem, currency: 'eur' }));
  assert.equal(res.status, 200);
  assert.equal(res.body.total, 500);
});

test('an unknown SKU is a 422 that names it, not a NaN price', async () => {
  const res = await createQuoteHandler(makeDeps())(req({ items: [...oneItem, { sku: 'SKU-404', quantity: 1 }] }));
  assert.equal(res.status, 422);
  assert.deepEqual(res.body.skus, ['SKU-404']);
});

test('a hung pricing service gives a fast 503 and aborts the call', async () => {
  const deps = makeDeps();
  /** @type {AbortSignal | undefined} */
  let seen;
  deps.pricing.getExchangeRate = (currency, options) => {
    seen = options?.signal;
    return new Promise(() => {});
  };
  const res = await within50ms(createQuoteHandler({ ...deps, timeoutMs: 10 })(req({ items: oneItem, currency: 'EUR' })));
  assert.notEqual(res, 'hung', 'no answer after 50 ms: the call has no timeout');
  assert.equal(res.status, 503);
  assert.equal(seen?.aborted, true);
});

test('a hung coupon lookup also gives a 503', async () => {
  const deps = makeDeps();
  deps.pricing.getCouponDiscount = () => new Promise(() => {});
  const res = await within50ms(createQuoteHandler({ ...deps, timeoutMs: 10 })(req({ items: oneItem, couponCode: 'SAVE10' })));
  assert.notEqual(res, 'hung', 'no answer after 50 ms: the call has no timeout');
  assert.equal(res.status, 503);
});

test('a real bug is still a 500', async () => {
  const deps = makeDeps();
  deps.catalog.getPrices = async () => { throw new Error('connection reset'); };
  const res = await createQuoteHandler(deps)(req({ items: oneItem }));
  assert.equal(res.status, 500);
});
