export interface BackoffOptions {
  /** First retry delay cap in ms. Default 500. */
  minDelayMs?: number;
  /** Largest delay in ms. Default 30 s. */
  maxDelayMs?: number;
  /** A number in [0, 1); defaults to `Math.random`. */
  random?: () => number;
}

/**
 * "Full jitter" exponential backoff: a random delay up to `min · 2^attempt` (capped), so a
 * thousand clients cut off together do not all come back in the same instant.
 *
 * @example
 * const delay = backoffDelay(3, { minDelayMs: 500, maxDelayMs: 30_000 });
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { minDelayMs = 500, maxDelayMs = 30_000, random = Math.random } = options;
  const cap = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * cap);
}
