// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBillingConsumer } from './invoice-consumer.js';

/**
 * In-memory invoice store (no unique constraint, like the current table), refund recorder and logger.
 * @param {{ createFailures?: number, updateFailures?: number }} [options]
 */
function makeDeps({ createFailures = 0, updateFailures = 0 } = {}) {
  /** @type {any[]} */
  const invoices = [];
  /** @type {any[]} */
  const refunds = [];
  /** @type {{ level: string, msg: string, fields: any }[]} */
  const logs = [];
  const state = { acked: false, createFailures, updateFailures, ackedBeforeCreate: /** @type {boolean | undefined} */ (undefined) };
  /** @param {string} level */
  const log = (level) => (/** @type {string} */ msg, /** @type {any} */ fields) => { logs.push({ level, msg, fields }); };
  return {
    invoices: {
      async create(/** @type {any} */ inv) {
        state.ackedBeforeCreate = state.acked;
        if (state.createFailures > 0) { state.createFailures--; throw new Error('connection reset by peer'); }
        const invoice = { id: `inv-${invoices.length + 1}`, ...inv };
        invoices.push(invoice);
        return { ...invoice };
      },
      async findByOrderId(/** @type {string} */ orderId) {
        const found = invoices.find((i) => i.orderId === orderId);
        return found && { ...found };
      },
      async update(/** @type {string} */ id, /** @type {any} */ patch) {
        if (state.updateFailures > 0) { state.updateFailures--; throw new Error('database timeout'); }
        Object.assign(invoices.find((i) => i.id === id), patch);
      },
    },
    payments: { async refund(/** @type {any} */ r) { refunds.push(r); } },
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    store: invoices,
    refunds,
    logs,
    state,
  };
}

/** Records what the consumer told the broker. @param {{ state: { acked: boolean } }} deps */
function makeDelivery(deps) {
  /** @type {{ acks: number, retries: number[], deadLetters: string[] }} */
  const d = { acks: 0, retries: [], deadLetters: [] };
  return {
    d,
    delivery: {
      ack: async () => { d.acks++; deps.state.acked = true; },
      retry: async (/** @type {number} */ ms) => { d.retries.push(ms); },
      deadLetter: async (/** @type {string} */ reason) => { d.deadLetters.push(reason); },
    },
  };
}

const placed = {
  type: 'OrderPlaced', eventId: 'evt-1', orderId: 'ord-1', customerId: 'cus-1', currency: 'EUR',
  lines: [{ sku: 'SKU-1', quantity: 2, unitPriceCents: 1500 }], placedAt: '2025-03-18T10:00:00Z',
};
const cancelled = { type: 'OrderCancelled', eventId: 'evt-2', orderId: 'ord-1', reason: 'customer request' };

/** @param {any} event @param {number} [attempt] @param {string} [body] */
const msg = (event, attempt = 1, body = JSON.stringify(event)) => ({
  id: `msg-${event?.eventId ?? 'x'}-${attempt}`, attempt, body,
  headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
});

test('a redelivered OrderPlaced creates one invoice and is acked both times', async () => {
  const deps = makeDeps();
  const { d, delivery } = makeDelivery(deps);
  const handle = createBillingConsumer(deps);
  await handle(msg(placed), delivery);
  await handle(msg(placed, 2), delivery);
  assert.equal(deps.store.length, 1);
  assert.equal(d.acks, 2);
  assert.equal(d.deadLetters.length, 0);
});

test('the message is acked only after the invoice is stored', async () => {
  const deps = makeDeps();
  const { d, delivery } = makeDelivery(deps);
  await createBillingConsumer(deps)(msg(placed), delivery);
  assert.equal(deps.state.ackedBeforeCreate, false, 'acked before the invoice was written');
  assert.equal(d.acks, 1);
});

test('a transient failure is retried with a delay, not acked', async () => {
  const deps = makeDeps({ createFailures: 1 });
  const { d, delivery } = makeDelivery(deps);
  const handle = createBillingConsumer(deps);
  await handle(msg(placed, 1), delivery);
  assert.equal(d.acks, 0, 'a failed message was acked: the invoice is lost');
  assert.equal(d.retries.length, 1);
  assert.ok(d.retries[0] > 0);
  await handle(msg(placed, 2), delivery);
  assert.equal(deps.store.length, 1);
  assert.equal(d.acks, 1);
});

test('a message that keeps failing goes to the dead-letter queue', async () => {
  const deps = makeDeps({ createFailures: 100 });
  const { d, delivery } = makeDelivery(deps);
  await createBillingConsumer({ ...deps, maxAttempts: 3 })(msg(placed, 3), delivery);
  assert.equal(d.deadLetters.length, 1);
  assert.equal(d.acks, 0);
});

test('a malformed message goes to the dead-letter queue at once', async () => {
  const deps = makeDeps();
  const { d, delivery } = makeDelivery(deps);
  const handle = createBillingConsumer(deps);
  await handle(msg(null, 1, '{not json'), delivery);
  await handle(msg({ ...placed, eventId: 'evt-9', lines: 'none' }), delivery);
  assert.equal(d.deadLetters.length, 2);
  assert.equal(d.retries.length, 0);
  assert.equal(d.acks, 0);
});

test('an OrderPlaced with a new optional field is processed', async () => {
  const deps = makeDeps();
  const { d, delivery } = makeDelivery(deps);
  await createBillingConsumer(deps)(msg({ ...placed, giftMessage: 'Happy birthday!', salesChannel: 'app' }), delivery);
  assert.equal(deps.store.length, 1);
  assert.equal(d.acks, 1);
  assert.equal(d.deadLetters.length, 0);
});

test('a redelivered OrderCancelled refunds once', async () => {
  const deps = makeDeps();
  const { delivery } = makeDelivery(deps);
  const handle = createBillingConsumer(deps);
  await handle(msg(placed), delivery);
  await handle(msg(cancelled), delivery);
  await handle(msg(cancelled, 2), delivery);
  assert.equal(deps.refunds.length, 1);
  assert.equal(deps.store[0].status, 'refunded');
});

test('a refund retried after a crash reuses its idempotency key', async () => {
  const deps = makeDeps({ updateFailures: 1 });
  const { d, delivery } = makeDelivery(deps);
  const handle = createBillingConsumer(deps);
  await handle(msg(placed), delivery);
  await handle(msg(cancelled, 1), delivery); // refund sent, status update fails
  await handle(msg(cancelled, 2), delivery);
  assert.ok(d.retries.length >= 1);
  assert.ok(deps.refunds.length >= 1);
  const keys = new Set(deps.refunds.map((r) => r.idempotencyKey));
  assert.equal(keys.size, 1, 'each refund attempt used a different key');
  assert.ok(typeof [...keys][0] === 'string' && [...keys][0] !== '', 'refund sent without an idempotency key');
});

test('logs carry the order id, event id and trace context as fields', async () => {
  const deps = makeDeps();
  const { delivery } = makeDelivery(deps);
  await createBillingConsumer(deps)(msg(placed), delivery);
  const entry = deps.logs.find((l) => l.fields?.orderId === 'ord-1');
  assert.ok(entry, 'no log entry has an orderId field');
  assert.equal(entry.fields.eventId, 'evt-1');
  assert.match(String(entry.fields.traceparent), /^00-4bf92f35/);
});
