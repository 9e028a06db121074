// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, logRequest, logPaymentAttempt, withErrorLogging } from './logger.js';

function capture() {
  /** @type {string[]} */
  const lines = [];
  const logger = createLogger({ service: 'checkout-api', write: (line) => { lines.push(line); } });
  /** @returns {any[]} */
  const parsed = () => lines.map((line) => JSON.parse(line));
  return { lines, logger, parsed };
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SECRET_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig';

/** @returns {any} */
const loginRequest = () => ({
  method: 'POST',
  url: '/checkout/pay?session=abc',
  headers: {
    authorization: `Bearer ${SECRET_TOKEN}`,
    cookie: 'sid=s%3Aq8fJ2kLm',
    'user-agent': 'Mozilla/5.0',
    'x-request-id': 'req-77',
    traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
  },
  body: { email: 'jane.doe@example.com', password: 'hunter2!', card: { number: '4111111111111111', cvc: '123' } },
  user: { id: 'u-123', email: 'jane.doe@example.com' },
});

test('every line is JSON with an ISO timestamp, level, service and message', () => {
  const { logger, parsed } = capture();
  logger.info('cart loaded', { cart_id: 'c-42' });
  logger.child({ region: 'eu' }).warn('slow cart');
  for (const entry of parsed()) {
    assert.equal(typeof entry.timestamp, 'string');
    assert.equal(new Date(entry.timestamp).toISOString(), entry.timestamp);
    assert.equal(entry.service, 'checkout-api');
    assert.ok(['info', 'warn'].includes(entry.level));
    assert.equal(typeof entry.message, 'string');
  }
  assert.equal(parsed()[0].cart_id, 'c-42');
  assert.equal(parsed()[1].region, 'eu');
});

test('request logs never contain credentials from headers', () => {
  const { lines, logger } = capture();
  logRequest(logger, loginRequest(), { statusCode: 200 }, 35);
  assert.ok(!lines[0].includes(SECRET_TOKEN), 'bearer token logged');
  assert.ok(!lines[0].includes('q8fJ2kLm'), 'session cookie logged');
});

test('request logs never contain the request body', () => {
  const { lines, logger } = capture();
  logRequest(logger, loginRequest(), { statusCode: 200 }, 35);
  assert.ok(!lines[0].includes('hunter2'), 'password logged');
  assert.ok(!lines[0].includes('4111111111111111'), 'card number logged');
});

test('request logs do not contain the user email', () => {
  const { lines, logger } = capture();
  const req = loginRequest();
  req.body = undefined;
  logRequest(logger, req, { statusCode: 200 }, 35);
  assert.ok(!lines[0].includes('jane.doe@example.com'), 'email logged');
});

test('request logs carry the trace id from traceparent', () => {
  const { logger, parsed } = capture();
  logRequest(logger, loginRequest(), { statusCode: 502 }, 35);
  assert.equal(parsed()[0].trace_id, TRACE_ID);
  assert.equal(parsed()[0].level, 'error');
});

test('the user id has the same field name everywhere', () => {
  const { logger, parsed } = capture();
  logRequest(logger, loginRequest(), { statusCode: 200 }, 35);
  logPaymentAttempt(logger, { orderId: 'ord-9', userId: 'u-123', amountCents: 1999, currency: 'EUR' });
  for (const entry of parsed()) {
    assert.equal(entry.user_id, 'u-123');
    assert.equal('userId' in entry, false);
  }
});

test('a failing task is logged at error level with its stack', async () => {
  const { logger, parsed } = capture();
  await withErrorLogging(logger, 'sync-prices', async () => { throw new TypeError('price is undefined'); }).catch(() => {});
  const entry = parsed().find((e) => e.level === 'error');
  assert.ok(entry, 'no error-level line');
  assert.match(JSON.stringify(entry), /TypeError: price is undefined\\n\s+at /);
});

test('a failing task still fails for the caller', async () => {
  const { logger } = capture();
  const boom = new Error('boom');
  await assert.rejects(withErrorLogging(logger, 'sync-prices', async () => { throw boom; }), (err) => err === boom);
  assert.equal(await withErrorLogging(logger, 'ok-task', async () => 42), 42);
});
