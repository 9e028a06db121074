// @ts-check

/**
 * POST /api/quotes
 *
 * Prices a shopping cart for display: looks up unit prices in the catalog,
 * converts them to the shopper's currency and applies an optional coupon.
 *
 * Request body:  { items: [{ sku, quantity }], currency?: string, couponCode?: string }
 * Response body: { currency, lines: [{ sku, quantity, unitPrice, lineTotal }], subtotal, discount, total }
 * All amounts are integer minor units (cents) of the response currency.
 *
 * Errors: 400 malformed request, 422 unknown SKU or unusable coupon,
 * 503 pricing service slow or down, 500 only for bugs.
 */

/**
 * @typedef {object} QuoteRequest
 * @property {any} body                      parsed JSON body
 * @property {Record<string, string>} headers
 */

/**
 * @typedef {object} QuoteResponse
 * @property {number} status
 * @property {Record<string, unknown>} body
 * @property {Record<string, string>} [headers]
 */

/**
 * @typedef {object} Deps
 * @property {{ getPrices(skus: string[]): Promise<Map<string, number>> }} catalog  unit prices in USD cents
 * @property {Pick<import('./pricing-client.js').PricingClient, 'getExchangeRate' | 'getCouponDiscount'>} pricing
 * @property {{ info(msg: string, fields?: object): void, error(msg: string, fields?: object): void }} logger
 * @property {number} [timeoutMs]   budget for each pricing call
 * @property {number} [rateTtlMs]   how long an exchange rate is reused
 * @property {() => number} [now]   clock for the rate cache
 */

const MAX_ITEMS = 200;

class TimeoutError extends Error {}

/**
 * @template T
 * @param {(signal: AbortSignal) => Promise<T>} call
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
async function withTimeout(call, ms, what) {
  const controller = new AbortController();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(`${what} took longer than ${ms}ms`));
    }, ms);
  });
  try {
    return /** @type {T} */ (await Promise.race([call(controller.signal), timeout]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @param {unknown} body
 * @returns {{ ok: true, items: { sku: string, quantity: number }[], currency: string, couponCode: string | undefined } | { ok: false, error: string }}
 */
function parseQuoteRequest(body) {
  if (body === null || typeof body !== 'object') return { ok: false, error: 'body must be a JSON object' };
  const { items, currency = 'USD', couponCode } = /** @type {any} */ (body);
  if (!Array.isArray(items) || items.length === 0) return { ok: false, error: 'items must be a non-empty array' };
  if (items.length > MAX_ITEMS) return { ok: false, error: `at most ${MAX_ITEMS} items` };
  for (const item of items) {
    if (item === null || typeof item !== 'object' || typeof item.sku !== 'string' || item.sku === '') {
      return { ok: false, error: 'every item needs a sku' };
    }
    if (!Number.isInteger(item.quantity) || item.quantity < 1) return { ok: false, error: `invalid quantity for ${item.sku}` };
  }
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return { ok: false, error: 'currency must be an ISO 4217 code' };
  if (couponCode !== undefined && (typeof couponCode !== 'string' || couponCode === '')) return { ok: false, error: 'invalid couponCode' };
  return { ok: true, items, currency: currency.toUpperCase(), couponCode };
}

/** @param {unknown} err */
function isPricingClientError(err) {
  const e = /** @type {any} */ (err);
  return e?.name === 'PricingError' && e.status >= 400 && e.status < 500;
}

/**
 * @param {Deps} deps
 * @returns {(req: QuoteRequest) => Promise<QuoteResponse>}
 */
export function createQuoteHandler({ catalog, pricing, logger, timeoutMs = 1500, rateTtlMs = 60_000, now = () => Date.now() }) {
  /** Per handler and keyed by currency: one shopper's currency never leaks into another's quote. */
  /** @type {Map<string, { rate: number, fetchedAt: number }>} */
  const rateCache = new Map();

  /** @param {string} currency */
  async function getRate(currency) {
    if (currency === 'USD') return 1;
    const hit = rateCache.get(currency);
    if (hit && now() - hit.fetchedAt < rateTtlMs) return hit.rate;
    const { rate } = await withTimeout((signal) => pricing.getExchangeRate(currency, { signal }), timeoutMs, 'getExchangeRate');
    rateCache.set(currency, { rate, fetchedAt: now() });
    return rate;
  }

  return async function handleCreateQuote(req) {
    const input = parseQuoteRequest(req?.body);
    if ('error' in input) return { status: 400, body: { error: input.error } };
    const { items, currency, couponCode } = input;
    const requestId = req.headers?.['x-request-id'];

    try {
      const prices = await catalog.getPrices(items.map((item) => item.sku));
      const unknown = items.filter((item) => !Number.isInteger(prices.get(item.sku))).map((item) => item.sku);
      if (unknown.length > 0) return { status: 422, body: { error: 'unknown_sku', skus: unknown } };

      const rate = await getRate(currency);
      const lines = items.map((item) => {
        const unitPrice = Math.round(/** @type {number} */ (prices.get(item.sku)) * rate);
        return { sku: item.sku, quantity: item.quantity, unitPrice, lineTotal: unitPrice * item.quantity };
      });
      const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);

      let discount = 0;
      if (couponCode) {
        const { percentOff } = await withTimeout((signal) => pricing.getCouponDiscount(couponCode, { signal }), timeoutMs, 'getCouponDiscount');
        discount = Math.round((subtotal * percentOff) / 100);
      }

      const total = subtotal - discount;
      logger.info('quote created', { requestId, items: items.length, currency, total });
      return { status: 200, body: { currency, lines, subtotal, discount, total } };
    } catch (err) {
      if (err instanceof TimeoutError) {
        logger.error('pricing timed out', { requestId, error: err.message });
        return { status: 503, headers: { 'retry-after': '2' }, body: { error: 'pricing_unavailable' } };
      }
      if (isPricingClientError(err)) {
        const e = /** @type {any} */ (err);
        const status = e.code === 'UNSUPPORTED_CURRENCY' || e.status === 400 ? 400 : 422;
        return { status, body: { error: String(e.code).toLowerCase(), message: e.message } };
      }
      logger.error('failed to create quote', { requestId, error: err instanceof Error ? err.stack : String(err) });
      return { status: 500, body: { error: 'internal_error' } };
    }
  };
}
