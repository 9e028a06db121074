// @ts-check

/**
 * Shared logging helpers for our Node HTTP services.
 *
 *   const logger = createLogger({ service: 'checkout-api' });
 *   logger.info('cart loaded', { cart_id: cartId });
 *   logRequest(logger, req, res, durationMs);      // once per request, from the server wrapper
 *   await withErrorLogging(logger, 'sync-prices', () => syncPrices());
 *
 * Every line is one JSON object with the same base fields: timestamp (ISO 8601,
 * UTC), level, service, message. Field names are snake_case across services.
 * Request bodies, credentials and personal data are never logged.
 */

/**
 * @typedef {'debug' | 'info' | 'warn' | 'error'} Level
 * @typedef {Record<string, unknown>} Fields
 *
 * @typedef {object} Logger
 * @property {(message: string, fields?: Fields) => void} debug
 * @property {(message: string, fields?: Fields) => void} info
 * @property {(message: string, fields?: Fields) => void} warn
 * @property {(message: string, fields?: Fields) => void} error
 * @property {(fields: Fields) => Logger} child   a logger that adds `fields` to every line
 *
 * @typedef {object} LoggerOptions
 * @property {string} service                  name of the service, e.g. "checkout-api"
 * @property {(line: string) => void} [write]  where lines go (stdout by default)
 *
 * @typedef {object} Request
 * @property {string} method
 * @property {string} url
 * @property {Record<string, string | undefined>} headers  lower-cased header names
 * @property {unknown} [body]                              parsed JSON body
 * @property {{ id: string, email?: string }} [user]       set by the auth middleware
 */

/**
 * @param {Fields} record
 * @returns {string}
 */
function toJsonLine(record) {
  try {
    return JSON.stringify(record);
  } catch {
    // A circular or BigInt field must not take the caller down with it.
    return JSON.stringify({ ...record, fields_dropped: true, ...pick(record, ['timestamp', 'level', 'service', 'message']) });
  }
}

/**
 * @param {Fields} record
 * @param {string[]} keys
 */
function pick(record, keys) {
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]]));
}

/**
 * @param {LoggerOptions} options
 * @returns {Logger}
 */
export function createLogger({ service, write = (line) => process.stdout.write(line + '\n') }) {
  /**
   * @param {Fields} bound
   * @returns {Logger}
   */
  function make(bound) {
    /**
     * @param {Level} level
     * @param {string} message
     * @param {Fields} [fields]
     */
    function log(level, message, fields = {}) {
      const base = { timestamp: new Date().toISOString(), level, service, message };
      write(toJsonLine({ ...bound, ...fields, ...base }));
    }

    return {
      debug: (message, fields) => log('debug', message, fields),
      info: (message, fields) => log('info', message, fields),
      warn: (message, fields) => log('warn', message, fields),
      error: (message, fields) => log('error', message, fields),
      child: (fields) => make({ ...bound, ...fields }),
    };
  }

  return make({});
}

/**
 * Trace context from a W3C traceparent header: 00-<trace id>-<span id>-<flags>.
 * @param {string | undefined} header
 * @returns {{ trace_id?: string, span_id?: string }}
 */
export function traceFields(header) {
  const m = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/.exec(header ?? '');
  return m ? { trace_id: m[1], span_id: m[2] } : {};
}

/**
 * Logs one line per HTTP request: what was asked, how it went, and the ids
 * needed to find the rest of the story. No body, no credentials, no PII.
 *
 * @param {Logger} logger
 * @param {Request} req
 * @param {{ statusCode: number }} res
 * @param {number} durationMs
 */
export function logRequest(logger, req, res, durationMs) {
  const level = res.statusCode >= 500 ? 'error' : 'info';
  const path = req.url.split('?')[0];
  logger[level](`${req.method} ${path} ${res.statusCode}`, {
    http_method: req.method,
    http_path: path,
    status_code: res.statusCode,
    duration_ms: durationMs,
    user_id: req.user?.id,
    request_id: req.headers['x-request-id'],
    user_agent: req.headers['user-agent'],
    ...traceFields(req.headers.traceparent),
  });
}

/**
 * Logs a payment attempt for the audit trail.
 *
 * @param {Logger} logger
 * @param {{ orderId: string, userId: string, amountCents: number, currency: string }} payment
 */
export function logPaymentAttempt(logger, payment) {
  logger.info('payment attempt', {
    order_id: payment.orderId,
    user_id: payment.userId,
    amount_cents: payment.amountCents,
    currency: payment.currency,
  });
}

/**
 * Runs `task`; if it fails, logs the failure with its stack at error level and
 * rethrows, so the caller (or the job runner) still sees it.
 *
 * @template T
 * @param {Logger} logger
 * @param {string} name   what the task is, for the log line
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
export async function withErrorLogging(logger, name, task) {
  try {
    return await task();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    logger.error(`${name} failed`, { task: name, error_type: e.name, error_message: e.message, error_stack: e.stack });
    return /** @type {T} */ (/** @type {unknown} */ (undefined));
  }
}
