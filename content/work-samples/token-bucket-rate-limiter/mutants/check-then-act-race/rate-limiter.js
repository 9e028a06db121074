// @ts-check
import { performance } from 'node:perf_hooks';

/**
 * Token-bucket rate limiter for API requests.
 *
 * Every key (an API key, a user id, a client IP) gets its own bucket. A bucket
 * holds at most `capacity` tokens and refills continuously at `refillPerSecond`.
 * A request spends `cost` tokens; when the bucket cannot cover the cost, the
 * request is rejected and the caller should answer 429 Too Many Requests.
 *
 * The in-memory store limits one process only. Behind a load balancer, pass a
 * shared store whose read-refill-write runs as one atomic operation (for
 * example a Redis Lua script), or every replica grants its own `capacity`.
 */

/**
 * @typedef {object} BucketState
 * @property {number} tokens      tokens left in the bucket
 * @property {number} lastRefill  clock reading at the last refill, in milliseconds
 */

/**
 * @typedef {object} BucketStore
 * @property {(key: string) => Promise<BucketState | undefined>} get
 * @property {(key: string, state: BucketState) => Promise<void>} set
 */

/**
 * Process-local store with a bounded number of buckets. When it is full, the
 * least recently used bucket is dropped: an idle bucket refills to capacity
 * anyway, so forgetting it costs at most one fresh burst for that key.
 * @implements {BucketStore}
 */
export class MemoryStore {
  /** @param {{ maxKeys?: number }} [options] */
  constructor({ maxKeys = 10_000 } = {}) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('maxKeys must be a positive integer');
    this.maxKeys = maxKeys;
    /** @type {Map<string, BucketState>} */
    this.buckets = new Map();
  }

  /**
   * @param {string} key
   * @returns {Promise<BucketState | undefined>}
   */
  async get(key) {
    const state = this.buckets.get(key);
    if (state === undefined) return undefined;
    this.buckets.delete(key); // re-insert: Map order doubles as recency order
    this.buckets.set(key, state);
    return { ...state };
  }

  /**
   * @param {string} key
   * @param {BucketState} state
   * @returns {Promise<void>}
   */
  async set(key, state) {
    this.buckets.delete(key);
    this.buckets.set(key, { ...state });
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}

/**
 * @typedef {object} LimiterOptions
 * @property {number} capacity          maximum number of tokens a bucket holds (the burst size)
 * @property {number} refillPerSecond   tokens added to a bucket per second
 * @property {BucketStore} [store]      where bucket state lives (defaults to memory)
 * @property {() => number} [now]       monotonic clock in milliseconds, injectable for tests
 */

export class TokenBucketLimiter {
  /** @type {Map<string, Promise<unknown>>} */
  #queues = new Map();

  /** @param {LimiterOptions} options */
  constructor({ capacity, refillPerSecond, store = new MemoryStore(), now = () => performance.now() }) {
    if (!Number.isFinite(capacity) || capacity <= 0) throw new RangeError('capacity must be a positive number');
    if (!Number.isFinite(refillPerSecond) || refillPerSecond < 0) throw new RangeError('refillPerSecond must be zero or more');
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
    if (!Number.isFinite(cost) || cost <= 0 || cost > this.capacity) {
      throw new RangeError(`cost must be greater than 0 and at most ${this.capacity}, got ${cost}`);
    }
    const { tokens, at } = await this.#refill(key);
    const allowed = tokens >= cost;
    await this.store.set(key, { tokens: allowed ? tokens - cost : tokens, lastRefill: at });
    return allowed;
  }

  /**
   * Tokens currently available for `key`, without spending any.
   *
   * @param {string} key
   * @returns {Promise<number>}
   */
  async available(key) {
    const { tokens } = await this.#refill(key);
    return Math.floor(tokens);
  }

  /**
   * @param {string} key
   * @returns {Promise<{ tokens: number, at: number }>}
   */
  async #refill(key) {
    const at = this.now();
    const state = await this.store.get(key);
    if (!state) return { tokens: this.capacity, at };
    // A clock that steps backwards earns nothing; it must never take tokens away.
    const elapsedMs = Math.max(0, at - state.lastRefill);
    const earned = (elapsedMs / 1000) * this.refillPerSecond;
    return { tokens: Math.min(this.capacity, state.tokens + earned), at };
  }

  /**
   * Runs `task` after every earlier task for the same key has finished, so two
   * requests never both read the same token count.
   *
   * @template T
   * @param {string} key
   * @param {() => Promise<T>} task
   * @returns {Promise<T>}
   */
  async #serialized(key, task) {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.#queues.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    }
  }
}
