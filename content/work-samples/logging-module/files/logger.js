// @ts-check

/**
 * Shared logging helpers for our Node HTTP services.
 *
 *   const logger = createLogger({ service: 'checkout-api' });
 *   logger.info('cart loaded', { cartId });
 *   logRequest(logger, req, res, durationMs);      // once per request, from the server wrapper
 *   await withErrorLogging(logger, 'sync-prices', () => syncPrices());
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
      const time = new Date().toLocaleString();
      const all = { ...bound, ...fields };
      const extras = Object.entries(all)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      write(`[${time}] ${level.toUpperCase()}: ${message} ${extras}`.trim());
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
 * Logs one line per HTTP request with everything needed to debug it.
 *
 * @param {Logger} logger
 * @param {Request} req
 * @param {{ statusCode: number }} res
 * @param {number} durationMs
 */
export function logRequest(logger, req, res, durationMs) {
  const level = res.statusCode >= 500 ? 'error' : 'info';
  logger[level](`${req.method} ${req.url} -> ${res.statusCode} (${durationMs}ms)`, {
    headers: req.headers,
    body: req.body,
    userId: req.user?.id,
    email: req.user?.email,
  });
}

/**
 * Logs a payment attempt for the audit trail.
 *
 * @param {Logger} logger
 * @param {{ orderId: string, userId: string, amountCents: number, currency: string }} payment
 */
export function logPaymentAttempt(logger, payment) {
  logger.info(`Payment attempt for order ${payment.orderId}`, {
    user_id: payment.userId,
    amount_cents: payment.amountCents,
    currency: payment.currency,
  });
}

/**
 * Runs `task` and logs any failure, so a background job never crashes the process.
 *
 * @template T
 * @param {Logger} logger
 * @param {string} name   what the task is, for the log line
 * @param {() => Promise<T>} task
 * @returns {Promise<T | undefined>}
 */
export async function withErrorLogging(logger, name, task) {
  try {
    return await task();
  } catch (err) {
    logger.info(`something went wrong in ${name}`, { error: err instanceof Error ? err.message : String(err) });
    console.log(err);
    return undefined;
  }
}
