import type { Priority } from '../vocabulary/channels-and-priorities';

/**
 * A queued conversation as the queue orders it.
 *
 * @example
 * ```ts
 * const entry: QueueEntry = { conversationId: 'cnv_1', priority: 'high', tier: 'vip', queuedAt: Date.now() - 120_000 };
 * ```
 */
export interface QueueEntry {
  conversationId: string;
  priority: Priority;
  /** Customer tier; `vip` (or any tier listed in `vipTiers`) goes ahead. */
  tier: string;
  queuedAt: number;
  /** Left as a message while nobody was available: served before everything else. */
  leftMessage: boolean;
}

/**
 * How the queue weighs priority, VIP tiers and waiting time.
 *
 * @example
 * ```ts
 * const options: QueueOrderOptions = { ...DEFAULT_QUEUE_ORDER, vipPoints: 300 };
 * const next = orderQueue(entries, Date.now(), options)[0];
 * ```
 */
export interface QueueOrderOptions {
  /** Points per priority: by default urgent 300, high 200, normal 100, low 0. */
  priorityPoints: Record<Priority, number>;
  /** Extra points for VIP customers (default 150: a VIP normal goes before a standard high). */
  vipPoints: number;
  vipTiers: readonly string[];
  /** Points gained per minute of waiting, so nobody starves (default 10: a priority level per 10 min). */
  agingPointsPerMinute: number;
  /** Points for a message left while nobody was available (default 10,000: always first). */
  leftMessagePoints: number;
}

/**
 * The default queue order: urgent 300, high 200, normal 100, low 0, VIP +150, +10 per minute waited.
 *
 * @example
 * ```ts
 * const order = orderQueue(entries, Date.now(), DEFAULT_QUEUE_ORDER);
 * ```
 */
export const DEFAULT_QUEUE_ORDER: QueueOrderOptions = {
  priorityPoints: { urgent: 300, high: 200, normal: 100, low: 0 },
  vipPoints: 150,
  vipTiers: ['vip'],
  agingPointsPerMinute: 10,
  leftMessagePoints: 10_000,
};

/**
 * The entry's score at `now`: priority, plus VIP, plus waiting time. Higher goes first.
 *
 * @example
 * ```ts
 * queueScore({ conversationId: 'cnv_1', priority: 'normal', tier: 'vip', queuedAt: now - 60_000 }, now); // 100 + 150 + 10
 * ```
 */
export function queueScore(entry: QueueEntry, now: number, options = DEFAULT_QUEUE_ORDER): number {
  const waitedMinutes = Math.max(0, now - entry.queuedAt) / 60_000;
  return (
    options.priorityPoints[entry.priority] +
    (options.vipTiers.includes(entry.tier) ? options.vipPoints : 0) +
    (entry.leftMessage ? options.leftMessagePoints : 0) +
    waitedMinutes * options.agingPointsPerMinute
  );
}

/**
 * The queue in serving order at `now`: highest score first, then longest waiting, then id.
 * Because every entry ages at the same rate, two entries' order can only change in favour of the
 * one that waited longer.
 *
 * @example
 * ```ts
 * const [next] = orderQueue(waiting, Date.now());
 * if (next) console.log('next up:', next.conversationId);
 * ```
 */
export function orderQueue<T extends QueueEntry>(
  entries: readonly T[],
  now: number,
  options = DEFAULT_QUEUE_ORDER,
): T[] {
  return entries
    .map((entry) => ({ entry, score: queueScore(entry, now, options) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.queuedAt - b.entry.queuedAt ||
        (a.entry.conversationId < b.entry.conversationId ? -1 : 1),
    )
    .map(({ entry }) => entry);
}
