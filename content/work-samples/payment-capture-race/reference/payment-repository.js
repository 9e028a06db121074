// @ts-check

/**
 * In-memory stand-in for the payments tables, used by tests and local dev.
 * It mirrors the Postgres repository's interface and guarantees:
 *   - every call waits one I/O tick, and every read returns a copy, like a row
 *     fetched over the network;
 *   - saveIfVersion is a compare-and-set on the version column
 *     (UPDATE payments SET ... WHERE id = $1 AND version = $2);
 *   - claimIdempotencyKey is an insert that fails on conflict
 *     (INSERT INTO idempotency_keys ... ON CONFLICT DO NOTHING).
 */

/**
 * @typedef {'authorized' | 'capturing' | 'partially_captured' | 'captured' | 'voided'} PaymentStatus
 *
 * @typedef {object} Payment
 * @property {string} id
 * @property {string} authorizationId  the gateway authorization to capture against
 * @property {number} authorizedCents  integer minor units
 * @property {number} capturedCents    integer minor units
 * @property {PaymentStatus} status
 * @property {number} version          incremented on every write
 *
 * @typedef {object} IdempotencyRecord
 * @property {string} paymentId
 * @property {number} amountCents
 * @property {'in_progress' | 'done'} status
 * @property {unknown} [response]      stored once the request has finished
 */

const tick = () => new Promise((resolve) => setImmediate(resolve));

export class InMemoryPaymentRepository {
  constructor() {
    /** @type {Map<string, Payment>} */
    this.payments = new Map();
    /** @type {Map<string, IdempotencyRecord>} */
    this.idempotencyKeys = new Map();
  }

  /** @param {Omit<Payment, 'version'>} payment */
  async insert(payment) {
    await tick();
    this.payments.set(payment.id, { ...payment, version: 1 });
  }

  /**
   * @param {string} id
   * @returns {Promise<Payment | undefined>}
   */
  async get(id) {
    await tick();
    const row = this.payments.get(id);
    return row && { ...row };
  }

  /**
   * Unconditional write: last writer wins.
   * @param {Payment} payment
   */
  async save(payment) {
    await tick();
    const current = this.payments.get(payment.id);
    this.payments.set(payment.id, { ...payment, version: (current?.version ?? 0) + 1 });
  }

  /**
   * Writes only if nobody else wrote since `expectedVersion` was read.
   * @param {Payment} payment
   * @param {number} expectedVersion
   * @returns {Promise<boolean>} false if the row changed in between
   */
  async saveIfVersion(payment, expectedVersion) {
    await tick();
    const current = this.payments.get(payment.id);
    if (!current || current.version !== expectedVersion) return false;
    this.payments.set(payment.id, { ...payment, version: expectedVersion + 1 });
    return true;
  }

  /**
   * Records a new idempotency key as in progress.
   * @param {string} key
   * @param {{ paymentId: string, amountCents: number }} request
   * @returns {Promise<boolean>} false if the key already exists
   */
  async claimIdempotencyKey(key, request) {
    await tick();
    if (this.idempotencyKeys.has(key)) return false;
    this.idempotencyKeys.set(key, { ...request, status: 'in_progress' });
    return true;
  }

  /**
   * @param {string} key
   * @returns {Promise<IdempotencyRecord | undefined>}
   */
  async getIdempotencyRecord(key) {
    await tick();
    const record = this.idempotencyKeys.get(key);
    return record && { ...record };
  }

  /** @param {string} key @param {unknown} response */
  async completeIdempotencyKey(key, response) {
    await tick();
    const record = this.idempotencyKeys.get(key);
    if (record) this.idempotencyKeys.set(key, { ...record, status: 'done', response });
  }

  /** Forgets a key whose request failed in a way the client may retry. @param {string} key */
  async releaseIdempotencyKey(key) {
    await tick();
    this.idempotencyKeys.delete(key);
  }
}
