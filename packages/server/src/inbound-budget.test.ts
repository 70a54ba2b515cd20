import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './gateway-options';
import { InboundBudget, nestingExceeds, OnePerTurn, RecentKeys } from './inbound-budget';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('nestingExceeds', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(nestingExceeds('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestingExceeds('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(nestingExceeds(JSON.stringify({ text: '[[[[[[{{{{{{' }), 1)).toBe(false);
    expect(nestingExceeds(JSON.stringify({ text: 'quote \\" then [[[[' }), 1)).toBe(false);
    expect(nestingExceeds(nested(16), 16)).toBe(false);
    expect(nestingExceeds(nested(17), 16)).toBe(true);
    // Deep enough to break a recursive parser: refused by counting alone.
    expect(nestingExceeds(nested(100_000), 16)).toBe(true);
  });
});

describe('InboundBudget', () => {
  const limits = {
    ...DEFAULT_LIMITS,
    maxFrameBytes: 1000,
    inboundBytesPerMinute: 4000,
    framesPerMinute: 10,
  };

  it('refuses oversized and too deep frames before parsing', () => {
    const budget = new InboundBudget(limits, () => 0);
    expect(budget.admit('x'.repeat(1001), 1001)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(budget.admit(nested(17), 34)).toMatchObject({ code: 'VALIDATION' });
    expect(budget.admit(nested(16), 32)).toBeNull();
  });

  it('admits a quarter of the minute of bytes at once, then asks to pause until refilled', () => {
    let now = 0;
    const budget = new InboundBudget(limits, () => now);
    expect(budget.admit('{}', 1000)).toBeNull();
    const refusal = budget.admit('{}', 1000);
    // 1000 bytes at 4000 a minute: 15 s until there is room again.
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 15_000, pauseMs: 15_000 });
    now = 15_000;
    expect(budget.admit('{}', 1000)).toBeNull();
  });

  it('limits frames per minute, and a refused frame takes no bytes', () => {
    let now = 0;
    const budget = new InboundBudget({ ...limits, inboundBytesPerMinute: 1_000_000 }, () => now);
    for (let i = 0; i < 10; i++) expect(budget.admit('{}', 2)).toBeNull();
    expect(budget.admit('{}', 2)).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 6000 });
    now = 6000;
    expect(budget.admit('{}', 2)).toBeNull();
  });
});

describe('RecentKeys', () => {
  it('forgets keys after their time and beyond its capacity', () => {
    let now = 0;
    const keys = new RecentKeys(1000, 2, () => now);
    keys.add('a');
    keys.add('b');
    expect(keys.has('a')).toBe(true);
    keys.add('c');
    expect(keys.has('a')).toBe(false);
    expect(keys.has('c')).toBe(true);
    now = 1000;
    expect(keys.has('b')).toBe(false);
  });
});

const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('OnePerTurn', () => {
  it('runs one item per turn of the event loop, in order', async () => {
    const ran: string[] = [];
    const queue = new OnePerTurn<string>((item) => ran.push(item));
    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(ran).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['a']);
    await turns(3);
    expect(ran).toEqual(['a', 'b', 'c']);
    queue.push('d');
    queue.clear();
    await turns(3);
    expect(ran).toEqual(['a', 'b', 'c']);
  });
});
