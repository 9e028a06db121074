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
 */

/**
 * @typedef {object} PricingClient
 * @property {(currency: string) => Promise<{ currency: string, rate: number }>} getExchangeRate
 * @property {(code: string, amountCents: number) => Promise<{ discountAmount: number }>} applyCoupon
 */

/**
 * @typedef {object} Deps
 * @property {{ getPrices(skus: string[]): Promise<Map<string, number>> }} catalog  unit prices in USD cents
 * @property {PricingClient} pricing
 * @property {{ info(msg: string, fields?: object): void, error(msg: string, fields?: object): void }} logger
 */

const RATE_CACHE_TTL_MS = 60_000;

// Cache the exchange rate so we don't call the pricing service on every request.
/** @type {number | null} */
let cachedRate = null;
let cachedAt = 0;

/**
 * Returns the USD -> currency exchange rate, cached for a minute.
 *
 * @param {PricingClient} pricing
 * @param {string} currency
 * @returns {Promise<number>}
 */
async function getRate(pricing, currency) {
  if (currency === 'USD') return 1;
  if (cachedRate !== null && Date.now() - cachedAt < RATE_CACHE_TTL_MS) {
    return cachedRate;
  }
  const { rate } = await pricing.getExchangeRate(currency);
  cachedRate = rate;
  cachedAt = Date.now();
  return rate;
}

/**
 * @param {Deps} deps
 * @returns {(req: QuoteRequest) => Promise<QuoteResponse>}
 */
export function createQuoteHandler({ catalog, pricing, logger }) {
  return async function handleCreateQuote(req) {
    try {
      const { items, currency = 'USD', couponCode } = req.body;
      if (items.length === 0) {
        return { status: 400, body: { error: 'Cart is empty' } };
      }

      const prices = await catalog.getPrices(items.map((/** @type {any} */ item) => item.sku));
      const rate = await getRate(pricing, currency);

      const lines = items.map((/** @type {any} */ item) => {
        const unitPrice = Math.round(prices.get(item.sku) * rate);
        return { sku: item.sku, quantity: item.quantity, unitPrice, lineTotal: unitPrice * item.quantity };
      });
      const subtotal = lines.reduce((/** @type {number} */ sum, /** @type {any} */ line) => sum + line.lineTotal, 0);

      let discount = 0;
      if (couponCode) {
        const result = await pricing.applyCoupon(couponCode, subtotal);
        discount = result.discountAmount;
      }

      const total = subtotal - discount;
      logger.info('quote created', { items: items.length, currency, total });
      return { status: 200, body: { currency, lines, subtotal, discount, total } };
    } catch (err) {
      logger.error('failed to create quote', { error: String(err) });
      return { status: 500, body: { error: 'Internal server error' } };
    }
  };
}
