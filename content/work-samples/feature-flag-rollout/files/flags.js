// @ts-check

/**
 * Feature-flag client with percentage rollouts.
 *
 * Flag definitions come from the flag service (`fetchFlags`) and are cached in
 * memory, so evaluating a flag on the request path costs no network call. A flag
 * is on for a user when the user falls inside the flag's rollout percentage.
 *
 * Usage:
 *   const flags = new FlagClient({ fetchFlags: () => flagService.getAll() });
 *   if (await flags.isEnabled('new-checkout', req.user.id)) { ... }
 *
 * Kill switch: set FEATURE_FLAGS_OFF=true in the deployment and roll it out to
 * turn every flag off at once.
 */

/**
 * @typedef {object} FlagConfig
 * @property {number} rolloutPercent   share of users who get the feature, 0–100
 * @property {string} [owner]          team that owns the flag
 * @property {string} [removeBy]       date by which the flag should be deleted
 */

/** @typedef {Record<string, FlagConfig>} FlagSet */

const KILL_SWITCH = process.env.FEATURE_FLAGS_OFF === 'true';

/**
 * @typedef {object} FlagClientOptions
 * @property {() => Promise<FlagSet>} fetchFlags   loads every flag from the flag service
 * @property {number} [cacheTtlMs]                 how long cached flags stay valid (default 60 s)
 * @property {() => number} [now]                  clock in milliseconds, injectable for tests
 */

export class FlagClient {
  /** @param {FlagClientOptions} options */
  constructor({ fetchFlags, cacheTtlMs = 60_000, now = () => Date.now() }) {
    this.fetchFlags = fetchFlags;
    this.cacheTtlMs = cacheTtlMs;
    this.now = now;
    /** @type {FlagSet | undefined} */
    this.cache = undefined;
    this.fetchedAt = 0;
  }

  /**
   * Whether `flagKey` is on for `userId`.
   *
   * @param {string} flagKey
   * @param {string} userId
   * @returns {Promise<boolean>}
   */
  async isEnabled(flagKey, userId) {
    if (KILL_SWITCH) return false;

    let flags;
    try {
      flags = await this.#load();
    } catch {
      // Flag service unreachable: keep features on so users are not affected.
      return true;
    }

    const flag = flags[flagKey];
    if (!flag) return false;
    return inRollout(flag, userId);
  }

  /** @returns {Promise<FlagSet>} */
  async #load() {
    if (!this.cache) {
      this.cache = await this.fetchFlags();
      this.fetchedAt = this.now();
    }
    return this.cache;
  }
}

/**
 * Decides whether one evaluation falls inside the rollout.
 *
 * @param {FlagConfig} flag
 * @param {string} userId
 * @returns {boolean}
 */
function inRollout(flag, userId) {
  const roll = Math.random();
  return roll < flag.rolloutPercent;
}
