// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBillingConsumer } from './invoice-consumer.js';

function makeDeps() {
  /** @type {any[]} */
  const created = [];
  /** @type {any[]} */
  const refunds = [];
  return {
    created,
    refunds,
    invoices: {
      create: async (/** @type {any} */ inv) => { const invoice = { id: `inv-${created.length + 1}`, ...inv }; created.push(invoice); return invoice; },
      findByOrderId: async (/** @type {string} */ orderId) => created.find((i) => i.orderId === orderId),
      update: async (/** @type {string} */ id, /** @type {any} */ patch) => { Object.assign(created.find((i) => i.id === id), patch); },
    },
    payments: { refund: async (/** @type {any} */ r) => { refunds.push(r); } },
    logger: { info() {}, warn() {}, error() {} },
  };
}

const delivery = { ack: async () => {}, retry: async () => {}, deadLetter: async () => {} };

const orderPlaced = {
  type: 'OrderPlaced', eventId: 'evt-1', orderId: 'ord-1', customerId: 'cus-1', currency: 'EUR',
  lines: [{ sku: 'SKU-1', quantity: 2, unitPriceCents: 1500 }, { sku: 'SKU-2', quantity: 1, unitPriceCents: 499 }],
  placedAt: '2025-03-18T10:00:00Z',
};

/** @param {object} event */
const msg = (event) => ({ id: 'msg-1', attempt: 1, headers: {}, body: JSON.stringify(event) });

test('creates an invoice for OrderPlaced', async () => {
  const deps = makeDeps();
  await createBillingConsumer(deps)(msg(orderPlaced), delivery);

  assert.equal(deps.created.length, 1);
  assert.equal(deps.created[0].totalCents, 3499);
  assert.equal(deps.created[0].status, 'open');
});

test('refunds the invoice on OrderCancelled', async () => {
  const deps = makeDeps();
  const handle = createBillingConsumer(deps);
  await handle(msg(orderPlaced), delivery);
  await handle(msg({ type: 'OrderCancelled', eventId: 'evt-2', orderId: 'ord-1', reason: 'customer' }), delivery);

  assert.equal(deps.refunds.length, 1);
  assert.equal(deps.refunds[0].amountCents, 3499);
  assert.equal(deps.created[0].status, 'refunded');
});

test('does not crash on a malformed message', async () => {
  const deps = makeDeps();
  await assert.doesNotReject(createBillingConsumer(deps)({ id: 'msg-x', attempt: 1, headers: {}, body: '{not json' }, delivery));
  assert.equal(deps.created.length, 0);
});
