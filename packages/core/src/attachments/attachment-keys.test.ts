import { describe, expect, it } from 'vitest';
import { attachmentId, attachmentKey, customerBlobPrefix } from './attachment-keys';

describe('attachment keys', () => {
  it('maps an id to a key under the customer prefix, for any customer id', () => {
    for (const customer of ['cus_1', '顾客/../x', 'a b+c=']) {
      const key = attachmentKey(attachmentId(customer, 'V1StGXR8_Z5jdHi6B-myT'));
      expect(key.startsWith(customerBlobPrefix(customer))).toBe(true);
      expect(key).toMatch(/^customers\/[A-Za-z0-9_-]+\/V1StGXR8_Z5jdHi6B-myT$/);
    }
    expect(customerBlobPrefix('a')).not.toBe(customerBlobPrefix('b'));
  });

  it('refuses what is not an id', () => {
    for (const id of ['', 'abc', '../x.yyyyyyyyyyyy', 'a.b/c', 'a.short']) {
      expect(() => attachmentKey(id)).toThrow(/not an attachment id/);
    }
  });
});
