import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';

/**
 * Signs a customer id for the gateway: HMAC-SHA256 with the shared secret, hex. Run this on the
 * shop's server (never in the browser) and hand the signature to the page with the customer id.
 *
 * @example
 * import { signCustomerId } from '@kefu/server';
 * const signature = signCustomerId('cus_lin', process.env.KEFU_IDENTITY_SECRET ?? '');
 * res.json({ customerId: 'cus_lin', signature });
 */
export function signCustomerId(customerId: string, secret: string): string {
  return createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');
}

/** Compares in constant time, so response timing tells an attacker nothing. */
function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * True when `signature` is `signCustomerId(customerId, secret)`.
 *
 * @example
 * verifyCustomerSignature('cus_lin', signature, secret); // true or false
 */
export function verifyCustomerSignature(
  customerId: string,
  signature: string | undefined,
  secret: string,
): boolean {
  if (!signature) return false;
  return safeEqual(signCustomerId(customerId, secret), signature.toLowerCase());
}

const VISITOR_PREFIX = 'vis_';
const DAY = 86_400_000;
/**
 * How long a visitor token is valid by default: 30 days.
 *
 * @example
 * ```ts
 * const claims = readVisitorToken(token, secret, { ttlMs: DEFAULT_VISITOR_TOKEN_TTL_MS });
 * ```
 */
export const DEFAULT_VISITOR_TOKEN_TTL_MS = 30 * DAY;

/**
 * The key visitor tokens are signed with: HKDF-SHA256 from the secret for this purpose only, so a
 * visitor token's signature is never a customer signature (nor the other way round).
 */
function visitorKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kefu', 'kefu visitor token v2', 32));
}

function visitorSignature(customerId: string, issuedAt: number, secret: string): string {
  return createHmac('sha256', visitorKey(secret))
    .update(`${customerId}.${issuedAt.toString(36)}`, 'utf8')
    .digest('base64url');
}

/**
 * A genuine visitor token's contents.
 *
 * @example
 * ```ts
 * const claims: VisitorTokenClaims | null = readVisitorToken(token, secret);
 * if (claims && Date.now() - claims.issuedAt > 7 * 86_400_000) rotate(claims.customerId);
 * ```
 */
export interface VisitorTokenClaims {
  customerId: string;
  /** When it was issued, epoch ms: rotate a token once it is old. */
  issuedAt: number;
}

/**
 * A visitor token for `customerId` (a new anonymous visitor when left out), issued `now`. Keep it
 * in the browser so a reload stays the same visitor; it expires (see `verifyVisitorToken`), and the
 * gateway hands out a fresh one for the same visitor as it ages.
 *
 * @example
 * const { customerId, token } = issueVisitorToken(secret);
 */
export function issueVisitorToken(
  secret: string,
  options: { customerId?: string; now?: number } = {},
): { customerId: string; token: string } {
  const customerId = options.customerId ?? `${VISITOR_PREFIX}${nanoid(21)}`;
  const issuedAt = Math.floor(options.now ?? Date.now());
  const signature = visitorSignature(customerId, issuedAt, secret);
  return { customerId, token: `v2.${customerId}.${issuedAt.toString(36)}.${signature}` };
}

/**
 * The claims of a genuine, unexpired visitor token (format `v2`), else `null`. Tokens older than
 * `ttlMs` (default 30 days) or issued in the future are refused.
 *
 * @example
 * const claims = readVisitorToken(token, secret); // { customerId, issuedAt } | null
 */
export function readVisitorToken(
  token: string,
  secret: string,
  options: { now?: number; ttlMs?: number } = {},
): VisitorTokenClaims | null {
  const [version, customerId, issued, signature, ...rest] = token.split('.');
  if (version !== 'v2' || !customerId || !issued || !signature || rest.length > 0) return null;
  if (!customerId.startsWith(VISITOR_PREFIX) || !/^[0-9a-z]{1,11}$/.test(issued)) return null;
  const issuedAt = Number.parseInt(issued, 36);
  if (!safeEqual(visitorSignature(customerId, issuedAt, secret), signature)) return null;
  const now = options.now ?? Date.now();
  const ttlMs = options.ttlMs ?? DEFAULT_VISITOR_TOKEN_TTL_MS;
  // A minute of clock skew between gateway nodes is tolerated.
  if (issuedAt > now + 60_000 || now - issuedAt > ttlMs) return null;
  return { customerId, issuedAt };
}

/**
 * The visitor's customer id when the token is genuine and unexpired, else `null`.
 *
 * @example
 * const customerId = verifyVisitorToken(token, secret);
 */
export function verifyVisitorToken(
  token: string,
  secret: string,
  options: { now?: number; ttlMs?: number } = {},
): string | null {
  return readVisitorToken(token, secret, options)?.customerId ?? null;
}
