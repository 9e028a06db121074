// @ts-check
import { createHash } from 'node:crypto';

/**
 * Feature-flag client with percentage rollouts.
 *
 * Flag definitions come from the flag service (`fetchFlags`) and are cached in
 * memory for `cacheTtlMs`, so evaluating a flag on the request path costs no
 * network call, and a change made in the flag service (including turning a flag
 * off) reaches every process within one TTL, without a deploy.
 *
 * Usage:
 *   const flags = new FlagClient({ fetchFlags: () => flagService.getAll() });
 *   if (await flags.isEnabled('new-checkout', req.user.id)) { ... }
 *
 * Kill switch: set `enabled: false` on the flag in the flag service.
 */

/**
 * @typedef {object} FlagConfig
 * @property {number} rolloutPercent   share of users who get the feature, 0–100
 * @property {boolean} [enabled]       false turns the flag off for everyone (the kill switch)
 * @property {string} [owner]          team that owns the flag
 * @property {string} [removeBy]       date by which the flag should be deleted
 */

/** @typedef {Record<string, FlagConfig>} FlagSet */

/**
 * One evaluation, for logs, metrics and span attributes.
 * @typedef {object} Evaluation
 * @property {string} flag
 * @property {boolean} value
 * @property {'rollout' | 'disabled' | 'unknown' | 'fallback'} reason
 * @property {boolean} stale   true when the flags are older than the TTL (the service is failing)
 */

/**
 * @typedef {object} FlagClientOptions
 * @property {() => Promise<FlagSet>} fetchFlags        loads every flag from the flag service
 * @property {number} [cacheTtlMs]                      how long cached flags stay valid (default 30 s)
 * @property {number} [retryMs]                         wait between fetches while the service is failing (default 5 s)
 * @property {Record<string, boolean>} [fallbacks]      value per flag before the service has ever answered (default off)
 * @property {(e: Evaluation) => void} [onEvaluation]   receives every evaluation (log it, or set it on the active span)
 * @property {(message: string, error: unknown) => void} [onError]  receives flag-service failures
 * @property {() => number} [now]                       clock in milliseconds, injectable for tests
 */

export class FlagClient {
  /** @type {Promise<void> | undefined} */
  #inFlight;

  /** @param {FlagClientOptions} options */
  constructor({
    fetchFlags,
    cacheTtlMs = 30_000,
    retryMs = 5_000,
    fallbacks = {},
    onEvaluation = () => {},
    onError = (message, error) => console.warn(message, error),
    now = () => Date.now(),
  }) {
    if (!Number.isFinite(cacheTtlMs) || cacheTtlMs <= 0) throw new RangeError('cacheTtlMs must be a positive number');
    this.fetchFlags = fetchFlags;
    this.cacheTtlMs = cacheTtlMs;
    this.retryMs = Math.min(retryMs, cacheTtlMs);
    this.fallbacks = fallbacks;
    this.onEvaluation = onEvaluation;
    this.onError = onError;
    this.now = now;
    /** @type {FlagSet | undefined} */
    this.cache = undefined;
    this.fetchedAt = 0;
    this.nextFetchAt = 0;
    /** Evaluation counts by `flag:value:reason`, for a metrics endpoint. */
    /** @type {Map<string, number>} */
    this.counts = new Map();
  }

  /**
   * Whether `flagKey` is on for `userId`. The same user always gets the same
   * answer for the same flag and rollout percentage.
   *
   * @param {string} flagKey
   * @param {string} userId
   * @returns {Promise<boolean>}
   */
  async isEnabled(flagKey, userId) {
    const flags = await this.#flags();
    /** @type {boolean} */
    let value;
    /** @type {Evaluation['reason']} */
    let reason;
    if (!flags) {
      // Never heard from the flag service: use the flag's safe default, which is off.
      value = this.fallbacks[flagKey] ?? false;
      reason = 'fallback';
    } else if (!flags[flagKey]) {
      value = false;
      reason = 'unknown';
    } else if (flags[flagKey].enabled === false) {
      value = false;
      reason = 'disabled';
    } else {
      value = bucket(flagKey, userId) < flags[flagKey].rolloutPercent / 100;
      reason = 'rollout';
    }
    this.#record({ flag: flagKey, value, reason, stale: this.now() - this.fetchedAt >= this.cacheTtlMs });
    return value;
  }

  /**
   * The cached flags, refreshed once they are older than the TTL. While the
   * service fails, the last known flags keep being served (and retried every
   * `retryMs`); a stale answer is better than a guess.
   *
   * @returns {Promise<FlagSet | undefined>}
   */
  async #flags() {
    if (this.now() >= this.nextFetchAt) {
      this.#inFlight ??= this.#refresh().finally(() => {
        this.#inFlight = undefined;
      });
      await this.#inFlight;
    }
    return this.cache;
  }

  async #refresh() {
    try {
      this.cache = await this.fetchFlags();
      this.fetchedAt = this.now();
      this.nextFetchAt = this.fetchedAt + this.cacheTtlMs;
    } catch (error) {
      this.nextFetchAt = this.now() + this.retryMs;
      this.onError(this.cache ? 'flag service unreachable, serving cached flags' : 'flag service unreachable, serving fallbacks', error);
    }
  }

  /** @param {Evaluation} e */
  #record(e) {
    const key = `${e.flag}:${e.value}:${e.reason}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.onEvaluation(e);
  }
}

/**
 * A stable position in [0, 1) for this user and this flag. Hashing the flag key
 * too keeps rollouts independent: the first 5% of one flag are not always the
 * same users as the first 5% of every other flag.
 *
 * @param {string} flagKey
 * @param {string} userId
 * @returns {number}
 */
export function bucket(flagKey, userId) {
  const digest = createHash('sha256').update(`${flagKey}:${userId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}
