import { urlAlphabet } from 'nanoid';
import { describe, expect, it } from 'vitest';
import { newId } from './new-id';

describe('newId', () => {
  it('is the prefix and the requested number of characters from the URL-safe alphabet', () => {
    const id = newId('msg_');
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{16}$/);
    expect(newId('inc_', 12)).toMatch(/^inc_[A-Za-z0-9_-]{12}$/);
    expect(newId('', 21)).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it('repeats no id over many pool refills', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(newId('evt_'));
    expect(ids.size).toBe(50_000);
  });

  it('uses every character of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i++) {
      for (const char of newId('', 16)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    // 64,000 characters over 64 symbols: 1,000 each expected, a standard deviation of about 31.
    expect([...counts.keys()].sort()).toEqual([...urlAlphabet].sort());
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(800);
      expect(count).toBeLessThan(1_200);
    }
  });

  it('refuses a random part that is empty, fractional or longer than 64', () => {
    for (const size of [0, -1, 1.5, 65, Number.NaN]) {
      expect(() => newId('msg_', size)).toThrow(RangeError);
    }
    expect(newId('x', 64)).toHaveLength(65);
  });
});
