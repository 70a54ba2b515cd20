import { isKefuError, KefuError } from '@kefu/core';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown, also what pg_terminate_backend sends
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections: the server has no slot for another connection
]);
const CONNECTION_MESSAGE =
  /connection terminated|connection error|not queryable|connection ended|terminating connection|cannot use a pool after calling end|too many clients/i;
/** pg-pool's words when `connectionTimeoutMillis` passes with every connection checked out. */
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : '';

/** True when the pool had no free connection in time (all checked out). */
export function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && POOL_TIMEOUT.test(error.message);
}

/** True when the error means the connection (not the statement) failed. */
export function isConnectionError(error: unknown): boolean {
  const code = codeOf(error);
  if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
  return error instanceof Error && CONNECTION_MESSAGE.test(error.message);
}

/**
 * Turns a driver error into a `KefuError`: unique violations are `CONFLICT`; serialisation
 * failures `CONFLICT` with `details.retryable`; a saturated pool or a lost connection
 * `UNAVAILABLE` with `details.retryable: true` (the same request may succeed in a moment);
 * anything else `ADAPTER`.
 */
export function mapError(error: unknown, adapter: string): KefuError {
  if (isKefuError(error)) return error;
  const code = codeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === '23505') {
    return new KefuError('CONFLICT', `${adapter}: the record already exists (${detail}).`, {
      cause: error,
    });
  }
  if (code === '40001' || code === '40P01') {
    return new KefuError('CONFLICT', `${adapter}: a concurrent transaction won; retry.`, {
      cause: error,
      details: { retryable: true, sqlstate: code },
    });
  }
  if (isPoolTimeout(error)) {
    return new KefuError(
      'UNAVAILABLE',
      `${adapter}: every pool connection was busy until the connection timeout (${detail}); retry, ` +
        'and if it persists raise the pool size (max) or find what holds connections.',
      { cause: error, details: { retryable: true, reason: 'pool-timeout' } },
    );
  }
  if (isConnectionError(error)) {
    return new KefuError(
      'UNAVAILABLE',
      `${adapter}: the database connection was lost (${detail}); retry when it is back.`,
      {
        cause: error,
        details: {
          retryable: true,
          reason: 'connection-lost',
          ...(code ? { sqlstate: code } : {}),
        },
      },
    );
  }
  return new KefuError('ADAPTER', `${adapter}: the database refused the statement (${detail}).`, {
    cause: error,
    details: code ? { sqlstate: code } : {},
  });
}
