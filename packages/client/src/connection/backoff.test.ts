import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const top = () => 0.999_999;
    expect(
      [0, 1, 2, 3, 10].map((attempt) =>
        backoffDelay(attempt, { minDelayMs: 100, maxDelayMs: 1_000, random: top }),
      ),
    ).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(5, { random: () => 0 })).toBe(0);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
