// @ts-check

/**
 * Billing consumer for order events: creates an invoice when an order is
 * placed and refunds it when the order is cancelled.
 *
 * Delivery is at-least-once, so every handler is idempotent: a redelivered or
 * replayed event finds its work already done and is acked without side effects.
 * A message is acked only after its work is stored; failures are retried with
 * backoff and dead-lettered after `maxAttempts`; malformed events go straight
 * to the dead-letter queue.
 */

/**
 * @typedef {object} Message
 * @property {string} id                        broker message id
 * @property {number} attempt                   delivery attempt, starting at 1
 * @property {Record<string, string>} headers   includes `traceparent`
 * @property {string} body                      JSON-encoded event
 *
 * @typedef {object} Delivery
 * @property {() => Promise<void>} ack                      done: never deliver again
 * @property {(delayMs: number) => Promise<void>} retry     deliver again after a delay
 * @property {(reason: string) => Promise<void>} deadLetter move to the dead-letter queue
 *
 * @typedef {object} Invoice
 * @property {string} id
 * @property {string} orderId
 * @property {string} customerId
 * @property {string} currency
 * @property {number} totalCents
 * @property {'open' | 'refunded'} status
 *
 * @typedef {object} InvoiceStore
 * @property {(invoice: Omit<Invoice, 'id'>) => Promise<Invoice>} create
 * @property {(orderId: string) => Promise<Invoice | undefined>} findByOrderId
 * @property {(id: string, patch: Partial<Invoice>) => Promise<void>} update
 *
 * @typedef {object} Payments
 * @property {(refund: { customerId: string, amountCents: number, idempotencyKey?: string }) => Promise<void>} refund
 *
 * @typedef {object} Logger
 * @property {(msg: string, fields?: object) => void} info
 * @property {(msg: string, fields?: object) => void} warn
 * @property {(msg: string, fields?: object) => void} error
 */

class InvalidEventError extends Error {}

/** @param {unknown} v */
const isNonEmptyString = (v) => typeof v === 'string' && v !== '';

/**
 * Tolerant reader: checks the fields billing needs and ignores any others, as
 * the BACKWARD-compatible contract requires.
 * @param {string} body
 * @returns {any}
 */
function parseEvent(body) {
  let event;
  try {
    event = JSON.parse(body);
  } catch {
    throw new InvalidEventError('body is not JSON');
  }
  if (event === null || typeof event !== 'object') throw new InvalidEventError('event is not an object');
  for (const key of ['type', 'eventId', 'orderId']) {
    if (!isNonEmptyString(event[key])) throw new InvalidEventError(`missing ${key}`);
  }
  if (event.type === 'OrderPlaced') {
    if (!isNonEmptyString(event.customerId) || !isNonEmptyString(event.currency)) throw new InvalidEventError('missing customerId or currency');
    const linesOk = Array.isArray(event.lines) && event.lines.length > 0 && event.lines.every(
      (/** @type {any} */ l) => Number.isInteger(l?.quantity) && l.quantity > 0 && Number.isInteger(l.unitPriceCents) && l.unitPriceCents >= 0,
    );
    if (!linesOk) throw new InvalidEventError('invalid lines');
  }
  return event;
}

/**
 * @param {{ invoices: InvoiceStore, payments: Payments, logger: Logger, maxAttempts?: number, backoffMs?: (attempt: number) => number }} deps
 * @returns {(message: Message, delivery: Delivery) => Promise<void>}
 */
export function createBillingConsumer({ invoices, payments, logger, maxAttempts = 5, backoffMs = (n) => Math.min(60_000, 1000 * 2 ** n) }) {
  /**
   * @param {any} event
   * @param {Record<string, unknown>} ctx
   */
  async function createInvoice(event, ctx) {
    const totalCents = event.lines.reduce((/** @type {number} */ sum, /** @type {any} */ l) => sum + l.quantity * l.unitPriceCents, 0);
    const invoice = await invoices.create({
      orderId: event.orderId,
      customerId: event.customerId,
      currency: event.currency,
      totalCents,
      status: 'open',
    });
    logger.info('invoice created', { ...ctx, invoiceId: invoice.id, totalCents });
  }

  /**
   * @param {any} event
   * @param {Record<string, unknown>} ctx
   */
  async function refundOrder(event, ctx) {
    const invoice = await invoices.findByOrderId(event.orderId);
    if (!invoice) {
      logger.warn('no invoice to refund', ctx);
      return;
    }
    if (invoice.status === 'refunded') {
      logger.info('invoice already refunded, skipping duplicate event', { ...ctx, invoiceId: invoice.id });
      return;
    }
    // The key makes the refund itself idempotent, covering a crash between
    // the refund and the status update below.
    await payments.refund({ customerId: invoice.customerId, amountCents: invoice.totalCents, idempotencyKey: `refund:${invoice.id}` });
    await invoices.update(invoice.id, { status: 'refunded' });
    logger.info('invoice refunded', { ...ctx, invoiceId: invoice.id, amountCents: invoice.totalCents });
  }

  return async function handle(message, delivery) {
    const base = { messageId: message.id, attempt: message.attempt, traceparent: message.headers?.traceparent };
    let event;
    try {
      event = parseEvent(message.body);
    } catch (err) {
      logger.error('invalid event, dead-lettering', { ...base, error: String(err) });
      await delivery.deadLetter(`invalid event: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }

    const ctx = { ...base, eventId: event.eventId, eventType: event.type, orderId: event.orderId };
    try {
      if (event.type === 'OrderPlaced') await createInvoice(event, ctx);
      else if (event.type === 'OrderCancelled') await refundOrder(event, ctx);
      else logger.info('ignoring event type', ctx);
      await delivery.ack();
    } catch (err) {
      const error = err instanceof Error ? err.stack : String(err);
      if (message.attempt >= maxAttempts) {
        logger.error('processing failed, dead-lettering', { ...ctx, error });
        await delivery.deadLetter(`failed after ${message.attempt} attempts: ${String(err)}`);
      } else {
        logger.warn('processing failed, will retry', { ...ctx, error });
        await delivery.retry(backoffMs(message.attempt));
      }
    }
  };
}
