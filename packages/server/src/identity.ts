import { createHmac, timingSafeEqual } from 'node:crypto';
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

/**
 * A new anonymous visitor: a customer id and a signed token that proves it later (keep the token
 * in the browser so a reload stays the same visitor).
 *
 * @example
 * const { customerId, token } = issueVisitorToken(secret);
 */
export function issueVisitorToken(secret: string): { customerId: string; token: string } {
  const customerId = `${VISITOR_PREFIX}${nanoid(21)}`;
  return {
    customerId,
    token: `v1.${customerId}.${signCustomerId(`visitor:${customerId}`, secret)}`,
  };
}

/**
 * The visitor's customer id when the token is genuine, else `null`.
 *
 * @example
 * const customerId = verifyVisitorToken(token, secret);
 */
export function verifyVisitorToken(token: string, secret: string): string | null {
  const [version, customerId, signature, ...rest] = token.split('.');
  if (version !== 'v1' || !customerId || !signature || rest.length > 0) return null;
  if (!customerId.startsWith(VISITOR_PREFIX)) return null;
  return safeEqual(signCustomerId(`visitor:${customerId}`, secret), signature) ? customerId : null;
}
