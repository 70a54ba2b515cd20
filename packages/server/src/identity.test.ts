import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  issueVisitorToken,
  readVisitorToken,
  signCustomerId,
  verifyCustomerSignature,
  verifyVisitorToken,
} from './identity';

const SECRET = 'shop-secret';
const DAY = 86_400_000;

describe('visitor tokens', () => {
  it('prove the same visitor until they expire, and not after', () => {
    const now = Date.UTC(2026, 10, 11);
    const { customerId, token } = issueVisitorToken(SECRET, { now });
    expect(token.startsWith(`v2.${customerId}.`)).toBe(true);
    expect(readVisitorToken(token, SECRET, { now: now + DAY })).toEqual({
      customerId,
      issuedAt: now,
    });
    expect(verifyVisitorToken(token, SECRET, { now: now + 30 * DAY })).toBe(customerId);
    expect(verifyVisitorToken(token, SECRET, { now: now + 30 * DAY + 1 })).toBeNull();
    expect(verifyVisitorToken(token, SECRET, { now: now + 2 * DAY, ttlMs: DAY })).toBeNull();
    // Issued in the future (beyond a minute of skew): refused.
    expect(verifyVisitorToken(token, SECRET, { now: now - 120_000 })).toBeNull();
  });

  it('refuse tampering: another id, another time, another secret, the old v1 format', () => {
    const now = Date.now();
    const { customerId, token } = issueVisitorToken(SECRET, { now });
    const [, , issued, signature] = token.split('.');
    expect(verifyVisitorToken(`v2.vis_someoneelse.${issued}.${signature}`, SECRET)).toBeNull();
    const later = (now + 1000).toString(36);
    expect(verifyVisitorToken(`v2.${customerId}.${later}.${signature}`, SECRET)).toBeNull();
    expect(verifyVisitorToken(token, 'other-secret')).toBeNull();
    const v1 = `v1.${customerId}.${signCustomerId(`visitor:${customerId}`, SECRET)}`;
    expect(verifyVisitorToken(v1, SECRET)).toBeNull();
    expect(verifyVisitorToken(`${token}.extra`, SECRET)).toBeNull();
  });

  it('are signed with a key of their own: never valid as a customer signature, nor back', () => {
    const now = Date.now();
    const { customerId, token } = issueVisitorToken(SECRET, { now });
    const [, , issued, signature = ''] = token.split('.');
    const asHex = Buffer.from(signature, 'base64url').toString('hex');
    for (const id of [customerId, `visitor:${customerId}`, `${customerId}.${issued}`]) {
      expect(verifyCustomerSignature(id, asHex, SECRET)).toBe(false);
    }
    // A customer signature over what a visitor token signs does not make a visitor token.
    const forged = createHmac('sha256', SECRET)
      .update(`${customerId}.${issued}`)
      .digest('base64url');
    expect(verifyVisitorToken(`v2.${customerId}.${issued}.${forged}`, SECRET)).toBeNull();
  });
});
