import type { Desk, QueuePosition } from '@kefu/core';
import type { SubscriptionRegistry } from './fan-out';

/** The `queue` frame for a conversation's place (or `null` once it left the queue). */
export function queueFrame(conversationId: string, entry: QueuePosition | null) {
  return {
    type: 'queue',
    conversationId,
    position: entry?.position ?? null,
    estimatedWaitMs: entry?.estimatedWaitMs ?? null,
  };
}

/** Waits are rounded to this before comparing, so a jittery estimate does not flood sockets. */
const WAIT_STEP_MS = 15_000;
const keyOf = (entry: QueuePosition) =>
  `${entry.position}:${entry.estimatedWaitMs === null ? '-' : Math.round(entry.estimatedWaitMs / WAIT_STEP_MS)}`;

/**
 * Tells the subscribers of each queued conversation its place and expected wait whenever the
 * desk's queue snapshot moves, and `position: null` when it leaves the queue. Returns the stop
 * function.
 */
export function watchQueue(desk: Desk, registry: SubscriptionRegistry): () => void {
  const sent = new Map<string, string>();
  const update = () => {
    const queued = new Set<string>();
    for (const entry of desk.routing.getSnapshot().entries) {
      const id = entry.conversationId;
      queued.add(id);
      const subscribers = [...registry.of(id)];
      if (subscribers.length === 0) {
        sent.delete(id);
        continue;
      }
      const key = keyOf(entry);
      if (sent.get(id) === key) continue;
      sent.set(id, key);
      const frame = queueFrame(id, entry);
      for (const subscriber of subscribers) subscriber.deliver(frame);
    }
    for (const id of [...sent.keys()]) {
      if (queued.has(id)) continue;
      sent.delete(id);
      const frame = queueFrame(id, null);
      for (const subscriber of registry.of(id)) subscriber.deliver(frame);
    }
  };
  return desk.routing.subscribe(update);
}
