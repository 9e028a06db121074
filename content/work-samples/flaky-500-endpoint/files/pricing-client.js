// @ts-check

/**
 * Client for the internal pricing service. Owned by the Pricing team.
 *
 * Changelog
 *   3.0.0  applyCoupon(code, amountCents) removed: the service no longer
 *          computes discounted totals. Call getCouponDiscount(code) and apply
 *          the percentage yourself. All methods accept an AbortSignal.
 *   2.4.0  getExchangeRate(currency) added.
 */

export class PricingError extends Error {
  /**
   * @param {string} message
   * @param {number} status  HTTP status returned by the pricing service
   * @param {string} code    machine-readable reason, e.g. COUPON_NOT_FOUND
   */
  constructor(message, status, code) {
    super(message);
    this.name = 'PricingError';
    this.status = status;
    this.code = code;
  }
}

/**
 * @typedef {object} CallOptions
 * @property {AbortSignal} [signal]  aborts the HTTP request; there is no built-in timeout
 */

export class PricingClient {
  /**
   * @param {{ baseUrl: string, fetchImpl?: typeof fetch }} options
   */
  constructor({ baseUrl, fetchImpl = fetch }) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.fetchImpl = fetchImpl;
  }

  /**
   * Exchange rate from USD to `currency` (an upper-case ISO 4217 code).
   * Throws PricingError 400 UNSUPPORTED_CURRENCY for codes it does not know.
   *
   * @param {string} currency
   * @param {CallOptions} [options]
   * @returns {Promise<{ currency: string, rate: number }>}
   */
  async getExchangeRate(currency, options = {}) {
    return this.#get(`/v3/fx/USD/${encodeURIComponent(currency)}`, options.signal);
  }

  /**
   * Looks up a coupon. Throws PricingError 404 COUPON_NOT_FOUND or
   * 410 COUPON_EXPIRED when the shopper cannot use it.
   *
   * @param {string} code
   * @param {CallOptions} [options]
   * @returns {Promise<{ code: string, percentOff: number }>}
   */
  async getCouponDiscount(code, options = {}) {
    return this.#get(`/v3/coupons/${encodeURIComponent(code)}`, options.signal);
  }

  /**
   * @param {string} path
   * @param {AbortSignal | undefined} signal
   * @returns {Promise<any>}
   */
  async #get(path, signal) {
    const res = await this.fetchImpl(this.baseUrl + path, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new PricingError(body.message ?? `pricing service returned ${res.status}`, res.status, body.code ?? 'UNKNOWN');
    }
    return res.json();
  }
}
