// @ts-check

/**
 * Token-bucket rate limiter for API requests.
 *
 * Every key (an API key, a user id, a client IP) gets its own bucket. A bucket
 * holds at most `capacity` tokens and refills continuously at `refillPerSecond`.
 * A request spends `cost` tokens; when the bucket cannot cover the cost, the
 * request is rejected and the caller should answer 429 Too Many Requests.
 *
 * Usage:
 *   const limiter = new TokenBucketLimiter({ capacity: 100, refillPerSecond: 10 });
 *   if (!(await limiter.tryRemove(req.apiKey))) return res.status(429).end();
 */

/**
 * @typedef {object} BucketState
 * @property {number} tokens      tokens left in the bucket
 * @property {number} lastRefill  clock reading at the last refill, in milliseconds
 */

/**
 * Anything that can hold bucket state: the in-memory store below, or Redis.
 * @typedef {object} BucketStore
 * @property {(key: string) => Promise<BucketState | undefined>} get
 * @property {(key: string, state: BucketState) => Promise<void>} set
 */

/**
 * Default store: keeps buckets in process memory. Fast, and needs no setup.
 * @implements {BucketStore}
 */
export class MemoryStore {
  constructor() {
    /** @type {Map<string, BucketState>} */
    this.buckets = new Map();
  }

  /**
   * @param {string} key
   * @returns {Promise<BucketState | undefined>}
   */
  async get(key) {
    return this.buckets.get(key);
  }

  /**
   * @param {string} key
   * @param {BucketState} state
   * @returns {Promise<void>}
   */
  async set(key, state) {
    this.buckets.set(key, state);
  }
}

/**
 * @typedef {object} LimiterOptions
 * @property {number} capacity          maximum number of tokens a bucket holds (the burst size)
 * @property {number} refillPerSecond   tokens added to a bucket per second
 * @property {BucketStore} [store]      where bucket state lives (defaults to memory)
 * @property {() => number} [now]       clock in milliseconds, injectable for tests
 */

export class TokenBucketLimiter {
  /** @param {LimiterOptions} options */
  constructor({ capacity, refillPerSecond, store = new MemoryStore(), now = () => Date.now() }) {
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.store = store;
    this.now = now;
  }

  /**
   * Tries to spend `cost` tokens from the bucket for `key`.
   *
   * @param {string} key     who is being limited
   * @param {number} [cost]  how many tokens this request costs (default 1)
   * @returns {Promise<boolean>} true if the request may proceed
   */
  async tryRemove(key, cost = 1) {
    const now = this.now();
    const state = (await this.store.get(key)) ?? { tokens: this.capacity, lastRefill: now };

    // Top the bucket up with the tokens earned since the last request.
    const elapsed = now - state.lastRefill;
    const refilled = elapsed * this.refillPerSecond;
    const tokens = state.tokens + refilled;

    if (tokens < cost) {
      await this.store.set(key, { tokens, lastRefill: now });
      return false;
    }

    await this.store.set(key, { tokens: tokens - cost, lastRefill: now });
    return true;
  }

  /**
   * Tokens currently available for `key`, without spending any.
   *
   * @param {string} key
   * @returns {Promise<number>}
   */
  async available(key) {
    const state = await this.store.get(key);
    if (!state) return this.capacity;
    const elapsed = this.now() - state.lastRefill;
    return Math.floor(state.tokens + elapsed * this.refillPerSecond);
  }
}
