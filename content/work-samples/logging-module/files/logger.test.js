// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, logRequest, logPaymentAttempt, withErrorLogging } from './logger.js';

function capture() {
  /** @type {string[]} */
  const lines = [];
  const logger = createLogger({ service: 'checkout-api', write: (line) => { lines.push(line); } });
  return { lines, logger };
}

test('writes the message and fields', () => {
  const { lines, logger } = capture();
  logger.info('cart loaded', { cartId: 'c-42' });

  assert.equal(lines.length, 1);
  assert.ok(lines[0].includes('cart loaded'));
  assert.ok(lines[0].includes('c-42'));
});

test('logs the method, url and status of a request', () => {
  const { lines, logger } = capture();
  logRequest(logger, { method: 'GET', url: '/orders/7', headers: {} }, { statusCode: 200 }, 12);

  assert.ok(lines[0].includes('GET /orders/7'));
  assert.ok(lines[0].includes('200'));
});

test('logs payment attempts with the order id', () => {
  const { lines, logger } = capture();
  logPaymentAttempt(logger, { orderId: 'ord-9', userId: 'u-1', amountCents: 1999, currency: 'EUR' });

  assert.ok(lines[0].includes('ord-9'));
});

test('withErrorLogging does not let a failing task crash the caller', async () => {
  const { lines, logger } = capture();
  const result = await withErrorLogging(logger, 'sync-prices', async () => { throw new Error('boom'); });

  assert.equal(result, undefined);
  assert.ok(lines.some((line) => line.includes('boom')));
});
