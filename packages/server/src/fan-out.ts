import type { DomainEvent } from '@kefu/core';
import { toWireConversation, toWireMessage } from '@kefu/core/protocol';
import type { SubscriberHandle } from './gateway-context';

/** Conversation id → the connections subscribed to it. */
export class SubscriptionRegistry {
  readonly #byConversation = new Map<string, Set<SubscriberHandle>>();

  add(conversationId: string, subscriber: SubscriberHandle): void {
    const set = this.#byConversation.get(conversationId);
    if (set) set.add(subscriber);
    else this.#byConversation.set(conversationId, new Set([subscriber]));
  }

  remove(conversationId: string, subscriber: SubscriberHandle): void {
    const set = this.#byConversation.get(conversationId);
    if (!set) return;
    set.delete(subscriber);
    if (set.size === 0) this.#byConversation.delete(conversationId);
  }

  of(conversationId: string): Iterable<SubscriberHandle> {
    return this.#byConversation.get(conversationId) ?? [];
  }

  /** Sends what a desk event means to the connections subscribed to its conversation. */
  dispatch(event: DomainEvent): void {
    if (event.subject.kind !== 'conversation') return;
    const subscribers = this.#byConversation.get(event.subject.id);
    if (!subscribers || subscribers.size === 0) return;
    if (event.type === 'message.posted') {
      const { message } = event.data;
      const frame = { type: 'message', message: toWireMessage(message) };
      for (const subscriber of subscribers) {
        // Internal notes never reach a customer connection.
        if (message.internal && subscriber.principal?.role !== 'agent') continue;
        subscriber.deliver(frame);
      }
      return;
    }
    // SLA events of tickets carry no conversation.
    if (!('conversation' in event.data) || !event.data.conversation) return;
    const frame = {
      type: 'conversation',
      conversation: toWireConversation(event.data.conversation),
    };
    for (const subscriber of subscribers) subscriber.deliver(frame);
  }
}

/**
 * Positions recently delivered from this node's own events, so events read back from the log
 * after a bus notification are not sent twice. Bounded: old positions fall out.
 */
export class RecentPositions {
  readonly #set = new Set<number>();
  constructor(private readonly capacity = 10_000) {}

  add(position: number): void {
    this.#set.add(position);
    if (this.#set.size > this.capacity) {
      const oldest = this.#set.values().next().value;
      if (oldest !== undefined) this.#set.delete(oldest);
    }
  }

  has(position: number): boolean {
    return this.#set.has(position);
  }
}
