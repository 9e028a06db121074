// @ts-check

/**
 * Billing consumer for order events: creates an invoice when an order is
 * placed and refunds it when the order is cancelled.
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

const ORDER_PLACED_FIELDS = ['type', 'eventId', 'orderId', 'customerId', 'currency', 'lines', 'placedAt'];

/**
 * Parses and validates an event body.
 * @param {string} body
 * @returns {any}
 */
function parseEvent(body) {
  const event = JSON.parse(body);
  if (event.type === 'OrderPlaced') {
    for (const key of Object.keys(event)) {
      if (!ORDER_PLACED_FIELDS.includes(key)) {
        throw new Error(`Unexpected field in OrderPlaced: ${key}`);
      }
    }
    for (const key of ORDER_PLACED_FIELDS) {
      if (event[key] === undefined) throw new Error(`Missing field in OrderPlaced: ${key}`);
    }
  }
  return event;
}

/**
 * @param {{ invoices: InvoiceStore, payments: Payments, logger: Logger }} deps
 * @returns {(message: Message, delivery: Delivery) => Promise<void>}
 */
export function createBillingConsumer({ invoices, payments, logger }) {
  return async function handle(message, delivery) {
    // Ack straight away so the broker doesn't redeliver while we're still working.
    await delivery.ack();

    try {
      const event = parseEvent(message.body);

      if (event.type === 'OrderPlaced') {
        const totalCents = event.lines.reduce(
          (/** @type {number} */ sum, /** @type {any} */ line) => sum + line.quantity * line.unitPriceCents,
          0,
        );
        const invoice = await invoices.create({
          orderId: event.orderId,
          customerId: event.customerId,
          currency: event.currency,
          totalCents,
          status: 'open',
        });
        logger.info(`Created invoice ${invoice.id}`);
      } else if (event.type === 'OrderCancelled') {
        const invoice = await invoices.findByOrderId(event.orderId);
        if (invoice) {
          await payments.refund({ customerId: invoice.customerId, amountCents: invoice.totalCents });
          await invoices.update(invoice.id, { status: 'refunded' });
          logger.info(`Refunded invoice ${invoice.id}`);
        }
      }
    } catch (err) {
      logger.error(`Failed to process message ${message.id}: ${err}`);
    }
  };
}
