import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../vocabulary/channels-and-priorities';
import { orderQueue, type QueueEntry } from './queue-order';

const MINUTE = 60_000;
const entry = (id: string, overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  conversationId: id,
  priority: 'normal',
  tier: 'standard',
  queuedAt: 0,
  leftMessage: false,
  ...overrides,
});

describe('queue order', () => {
  it('serves left messages, then urgent and VIP, then by waiting time', () => {
    const queue = [
      entry('normal-early', { queuedAt: 0 }),
      entry('normal-late', { queuedAt: MINUTE }),
      entry('urgent', { priority: 'urgent', queuedAt: 2 * MINUTE }),
      entry('vip', { tier: 'vip', queuedAt: 2 * MINUTE }),
      entry('left', { leftMessage: true, priority: 'low', queuedAt: 3 * MINUTE }),
    ];
    expect(orderQueue(queue, 3 * MINUTE).map((e) => e.conversationId)).toEqual([
      'left',
      'urgent',
      'vip',
      'normal-early',
      'normal-late',
    ]);
  });

  it('ages waiting conversations upward: a low one waiting long enough passes a fresh urgent one', () => {
    const queue = [
      entry('low-old', { priority: 'low', queuedAt: 0 }),
      entry('urgent-new', { priority: 'urgent', queuedAt: 31 * MINUTE }),
    ];
    expect(orderQueue(queue, 31 * MINUTE)[0]?.conversationId).toBe('low-old');
    const earlier = [
      entry('low-old', { priority: 'low', queuedAt: 0 }),
      entry('urgent-new', { priority: 'urgent', queuedAt: 29 * MINUTE }),
    ];
    expect(orderQueue(earlier, 29 * MINUTE)[0]?.conversationId).toBe('urgent-new');
  });

  it('never starves anyone: every entry eventually reaches the front against later arrivals', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRIORITIES),
        fc.constantFrom('standard', 'vip'),
        fc.array(fc.tuple(fc.constantFrom(...PRIORITIES), fc.constantFrom('standard', 'vip')), {
          maxLength: 30,
        }),
        (priority, tier, others) => {
          const waiting = entry('waiting', { priority, tier, queuedAt: 0 });
          // Whoever arrives later, after 2 hours the one who waited is first.
          const now = 120 * MINUTE;
          const later = others.map(([p, t], i) =>
            entry(`later-${i}`, { priority: p, tier: t, queuedAt: now - i }),
          );
          expect(orderQueue([...later, waiting], now)[0]?.conversationId).toBe('waiting');
        },
      ),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            priority: fc.constantFrom(...PRIORITIES),
            tier: fc.constantFrom('standard', 'vip'),
            queuedAt: fc.integer({ min: 0, max: 60 * MINUTE }),
            leftMessage: fc.boolean(),
          }),
          { maxLength: 20 },
        ),
        (rows) => {
          const entries = rows.map((row, i) => entry(`c${i}`, row));
          const a = orderQueue(entries, 60 * MINUTE).map((e) => e.conversationId);
          const b = orderQueue([...entries].reverse(), 60 * MINUTE).map((e) => e.conversationId);
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
