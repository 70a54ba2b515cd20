import { describe, expect, it } from 'vitest';
import type { RateLimitStore } from '../../storage/rate-limits';
import type { GetAdapter } from './conformance-helpers';

const RULE = { limit: 3, windowMs: 60_000 };
const T0 = 1_800_000_000_000;

/**
 * Optional `rateLimits`: token buckets shared by every node on the storage. Run for adapters that
 * offer it (`StorageConformanceOptions.rateLimits`, on by default).
 */
export function rateLimitsConformance(adapter: GetAdapter): void {
  const store = (): RateLimitStore => {
    const limits = adapter().rateLimits;
    if (!limits) throw new Error('This adapter has no rateLimits; pass rateLimits: false.');
    return limits;
  };

  describe('rate limits', () => {
    it("deletes a subject's buckets in a transaction (erasure), leaving everyone else's", async () => {
      const rule = { limit: 1, windowMs: 60_000 };
      for (const key of [
        'kefu:messages:cus_lin',
        'kefu:conversations:cus_lin',
        'kefu:messages:xcus_lin',
        'cus_amy',
      ]) {
        expect(await store().take(key, rule, T0)).toEqual({ allowed: true });
      }
      const deleted = await adapter().transaction((tx) => tx.privacy.deleteRateLimits('cus_lin'));
      expect(deleted).toBe(2);
      // Deleted buckets are full again; the others still hold their take.
      expect(await store().take('kefu:messages:cus_lin', rule, T0)).toEqual({ allowed: true });
      expect(await store().take('kefu:conversations:cus_lin', rule, T0)).toEqual({ allowed: true });
      expect(await store().take('kefu:messages:xcus_lin', rule, T0)).toMatchObject({
        allowed: false,
      });
      expect(await store().take('cus_amy', rule, T0)).toMatchObject({ allowed: false });
      // A transaction that throws deletes nothing.
      await expect(
        adapter().transaction(async (tx) => {
          await tx.privacy.deleteRateLimits('cus_amy');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store().take('cus_amy', rule, T0)).toMatchObject({ allowed: false });
    });

    it('allows a burst up to the limit, then refuses with the time until the next token', async () => {
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await store().take('messages:cus_lin', RULE, T0));
      expect(decisions.slice(0, 3)).toEqual([
        { allowed: true },
        { allowed: true },
        { allowed: true },
      ]);
      expect(decisions[3]).toEqual({ allowed: false, retryAfterMs: 20_000 });
      // Other keys have buckets of their own.
      expect(await store().take('messages:cus_amy', RULE, T0)).toEqual({ allowed: true });
    });

    it('refills evenly over the window, never above the limit', async () => {
      for (let i = 0; i < 3; i++) await store().take('k', RULE, T0);
      expect(await store().take('k', RULE, T0 + 19_999)).toMatchObject({ allowed: false });
      expect(await store().take('k', RULE, T0 + 20_000)).toEqual({ allowed: true });
      expect(await store().take('k', RULE, T0 + 20_001)).toMatchObject({ allowed: false });
      // A long quiet spell refills to the limit only.
      const later = T0 + 10 * RULE.windowMs;
      for (let i = 0; i < 3; i++)
        expect(await store().take('k', RULE, later)).toEqual({ allowed: true });
      expect(await store().take('k', RULE, later)).toMatchObject({ allowed: false });
    });

    it('takes a cost, refuses more than the limit, and a refusal takes nothing', async () => {
      const bytes = { limit: 1000, windowMs: 1000 };
      expect(await store().take('bytes', bytes, T0, 600)).toEqual({ allowed: true });
      expect(await store().take('bytes', bytes, T0, 600)).toEqual({
        allowed: false,
        retryAfterMs: 200,
      });
      expect(await store().take('bytes', bytes, T0, 400)).toEqual({ allowed: true });
      expect(await store().take('huge', bytes, T0, 1001)).toEqual({
        allowed: false,
        retryAfterMs: 1000,
      });
      expect(await store().take('huge', bytes, T0, 1000)).toEqual({ allowed: true });
    });

    it('does not run backwards when callers disagree about the time', async () => {
      for (let i = 0; i < 3; i++) await store().take('skew', RULE, T0 + 30_000);
      // An earlier clock neither refills nor breaks the bucket.
      expect(await store().take('skew', RULE, T0)).toMatchObject({ allowed: false });
      expect(await store().take('skew', RULE, T0 + 50_000)).toEqual({ allowed: true });
    });

    it('hands out each token once under concurrent takes', async () => {
      const rule = { limit: 10, windowMs: 3_600_000 };
      const decisions = await Promise.all(
        Array.from({ length: 25 }, () => store().take('race', rule, T0)),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    });
  });
}
