// @ts-check

/**
 * Captures money against an existing card authorization.
 *
 * A payment can be captured in several parts (split shipments): each call
 * captures `amount` and the payment moves to `partially_captured` until the
 * whole authorized amount has been captured.
 *
 * Guarantees:
 *   - one request per idempotency key reaches the gateway; a retry gets the
 *     stored answer, and the key is passed on so the gateway dedupes too;
 *   - one capture per payment is in flight at a time, enforced by a
 *     compare-and-set on the row version (the `capturing` status);
 *   - money is integer cents from the moment it enters this module;
 *   - a failure is reported as a failure.
 */

/**
 * @typedef {import('./payment-repository.js').Payment} Payment
 * @typedef {import('./payment-repository.js').InMemoryPaymentRepository} PaymentRepository
 *
 * @typedef {object} Gateway
 * @property {(request: { authorizationId: string, amountCents: number, idempotencyKey?: string }) => Promise<{ captureId: string }>} capture
 *
 * @typedef {object} Logger
 * @property {(msg: string, fields?: object) => void} info
 * @property {(msg: string, fields?: object) => void} warn
 *
 * @typedef {object} CaptureRequest
 * @property {string} paymentId
 * @property {number} amount            in major units, as sent by the checkout API (e.g. 19.99)
 * @property {string} [idempotencyKey]  sent by the checkout service on every attempt
 *
 * @typedef {{ ok: true, captureId: string, capturedCents: number, status: string } | { ok: false, error: string, retryable?: boolean }} CaptureResult
 */

/** Gateway answers that will not change if the same request is sent again. */
const FINAL_GATEWAY_ERRORS = new Set(['card_declined', 'authorization_expired', 'amount_too_large']);

/**
 * Converts a major-unit amount to integer cents, or null if it is not a
 * positive amount with at most two decimals.
 * @param {unknown} amount
 * @returns {number | null}
 */
export function toCents(amount) {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) return null;
  return amount * 100;
}

/**
 * @param {string} error
 * @param {boolean} [retryable]
 * @returns {CaptureResult}
 */
const fail = (error, retryable = false) => (retryable ? { ok: false, error, retryable } : { ok: false, error });

/**
 * @param {{ repo: PaymentRepository, gateway: Gateway, logger: Logger }} deps
 * @param {CaptureRequest} request
 * @returns {Promise<CaptureResult>}
 */
export async function capturePayment(deps, { paymentId, amount, idempotencyKey }) {
  const { repo } = deps;
  if (typeof idempotencyKey !== 'string' || idempotencyKey === '') return fail('idempotency_key_required');
  const amountCents = toCents(amount);
  if (amountCents === null) return fail('invalid_amount');

  if (!(await repo.claimIdempotencyKey(idempotencyKey, { paymentId, amountCents }))) {
    const record = await repo.getIdempotencyRecord(idempotencyKey);
    if (!record || record.paymentId !== paymentId || record.amountCents !== amountCents) return fail('idempotency_key_reused');
    if (record.status === 'done') return /** @type {CaptureResult} */ (record.response);
    return fail('capture_in_progress', true);
  }

  const result = await captureOnce(deps, paymentId, amountCents, idempotencyKey);
  if ('retryable' in result && result.retryable) await repo.releaseIdempotencyKey(idempotencyKey);
  else await repo.completeIdempotencyKey(idempotencyKey, result);
  return result;
}

/**
 * @param {{ repo: PaymentRepository, gateway: Gateway, logger: Logger }} deps
 * @param {string} paymentId
 * @param {number} amountCents
 * @param {string} idempotencyKey
 * @returns {Promise<CaptureResult>}
 */
async function captureOnce({ repo, gateway, logger }, paymentId, amountCents, idempotencyKey) {
  const payment = await repo.get(paymentId);
  if (!payment) return fail('payment_not_found');
  if (payment.status === 'capturing') return fail('capture_in_progress', true);
  if (payment.status !== 'authorized' && payment.status !== 'partially_captured') return fail('not_capturable');
  if (amountCents > payment.authorizedCents - payment.capturedCents) return fail('exceeds_authorization');

  // Claim the payment. If another request wrote the row since we read it, the
  // version no longer matches and we stop before touching the gateway.
  if (!(await repo.saveIfVersion({ ...payment, status: 'capturing' }, payment.version))) {
    return fail('capture_in_progress', true);
  }
  const claimedVersion = payment.version + 1;

  let captureId;
  try {
    ({ captureId } = await gateway.capture({ authorizationId: payment.authorizationId, amountCents, idempotencyKey }));
  } catch (err) {
    await repo.saveIfVersion(payment, claimedVersion); // release the claim, nothing was captured
    const code = /** @type {any} */ (err)?.code;
    logger.warn('capture failed', { paymentId, idempotencyKey, amountCents, code, error: String(err) });
    return FINAL_GATEWAY_ERRORS.has(code) ? fail(code) : fail('gateway_unavailable', true);
  }

  const capturedCents = payment.capturedCents + amountCents;
  const status = capturedCents === payment.authorizedCents ? 'captured' : 'partially_captured';
  if (!(await repo.saveIfVersion({ ...payment, capturedCents, status }, claimedVersion))) {
    // Nobody else may write a payment in `capturing`; if it happened, the
    // gateway has the money and reconciliation must fix our record.
    logger.warn('capture recorded out of band', { paymentId, captureId, amountCents });
  }
  logger.info('payment captured', { paymentId, captureId, amountCents, capturedCents, status });
  return { ok: true, captureId, capturedCents, status };
}
