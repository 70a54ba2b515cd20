/**
 * Every way a Kefu operation can fail, as a closed set callers can switch on.
 *
 * @example
 * KEFU_ERROR_CODES.includes('VALIDATION'); // true
 */
export const KEFU_ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'CAPACITY',
  'ADAPTER',
  'UNAVAILABLE',
] as const;

/**
 * One of `KEFU_ERROR_CODES`.
 *
 * @example
 * const retryable: KefuErrorCode[] = ['CONFLICT', 'UNAVAILABLE', 'RATE_LIMITED'];
 */
export type KefuErrorCode = (typeof KEFU_ERROR_CODES)[number];

/**
 * One problem with one field of an input, as reported by validation.
 *
 * @example
 * if (isKefuError(error, 'VALIDATION')) {
 *   for (const issue of error.issues) console.log(issue.path, issue.message);
 * }
 */
export interface KefuIssue {
  path: string;
  message: string;
}

/**
 * What a `KefuError` carries besides its code and message.
 *
 * @example
 * throw new KefuError('NOT_FOUND', 'No order SO-1 for this customer', { details: { orderRef: 'SO-1' } });
 */
export interface KefuErrorOptions {
  cause?: unknown;
  issues?: readonly KefuIssue[];
  details?: Record<string, unknown>;
}

// A registry symbol, so two copies of @kefu/core (ESM and CJS, or two bundles) agree on the brand.
const KEFU_ERROR_BRAND: unique symbol = Symbol.for('kefu.error') as never;

/**
 * The one error type Kefu throws. `code` says what kind of failure it is; `message` says what to do.
 *
 * @example
 * try {
 *   await desk.conversations.assign({ conversationId, agentId });
 * } catch (error) {
 *   if (isKefuError(error) && error.code === 'INVALID_TRANSITION') showToast(error.message);
 *   else throw error;
 * }
 */
export class KefuError extends Error {
  readonly code: KefuErrorCode;
  readonly issues: readonly KefuIssue[];
  readonly details: Readonly<Record<string, unknown>>;
  readonly [KEFU_ERROR_BRAND] = true;

  constructor(code: KefuErrorCode, message: string, options: KefuErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KefuError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  /** A plain object safe to log or send over the wire (no stack, no cause). */
  toJSON(): { name: string; code: KefuErrorCode; message: string; issues: readonly KefuIssue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}

/**
 * True for any `KefuError`, also one created by another copy of the library.
 *
 * @example
 * if (isKefuError(error, 'NOT_FOUND')) return null;
 */
export function isKefuError(value: unknown, code?: KefuErrorCode): value is KefuError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[KEFU_ERROR_BRAND] !== true) return false;
  return code === undefined || (value as KefuError).code === code;
}
