import type { Conversation, DomainEvent, Message, Survey, Ticket } from '@kefu/core';
import {
  isInAgentInbox,
  toWireConversation,
  toWireMessage,
  toWireSurvey,
  toWireTicket,
} from '@kefu/core/protocol';
import type { SubscriberHandle } from './gateway-context';
import type { AgentViews } from './privacy-views';

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * Who hears what: connections subscribed to a conversation, agents watching their inbox, and
 * customers watching their tickets. Turns desk events into the frames each may see.
 */
export class SubscriptionRegistry {
  /**
   * @param wireMessage how a stored message goes on the wire (with its agent's name), per audience.
   * @param mayWatch whether an agent may hear a conversation in their inbox (`authorizeAgent`).
   */
  constructor(
    private readonly wireMessage: (message: Message, forAgent: boolean) => object = toWireMessage,
    private readonly mayWatch: (
      agentId: string,
      conversation: Conversation,
    ) => boolean | Promise<boolean> = () => true,
    /** How tickets and conversations go to agents (masked: see privacy-views.ts). */
    private readonly forAgents: AgentViews = {
      ticket: (ticket) => ticket,
      conversation: (conversation, details = true) =>
        toWireConversation(conversation, { forAgent: details }),
    },
  ) {}

  /** Per inbox connection: decisions still pending, so its frames keep their order. */
  readonly #pending = new Map<SubscriberHandle, Promise<void>>();

  readonly #byConversation = new Map<string, Set<SubscriberHandle>>();
  /** Agent id → connections watching that agent's inbox. */
  readonly #inboxes = new Map<string, Set<SubscriberHandle>>();
  /** Per inbox connection: the conversation ids it was last told are in its inbox. */
  readonly #inboxIds = new Map<SubscriberHandle, Set<string>>();
  /** Customer id → connections watching that customer's tickets. */
  readonly #tickets = new Map<string, Set<SubscriberHandle>>();

  add(conversationId: string, subscriber: SubscriberHandle): void {
    addTo(this.#byConversation, conversationId, subscriber);
  }

  remove(conversationId: string, subscriber: SubscriberHandle): void {
    removeFrom(this.#byConversation, conversationId, subscriber);
  }

  of(conversationId: string): Iterable<SubscriberHandle> {
    return this.#byConversation.get(conversationId) ?? [];
  }

  /** Conversations with at least one subscriber. */
  subscribedConversations(): Iterable<string> {
    return this.#byConversation.keys();
  }

  /** The agent's connection hears its inbox; `ids` (added to earlier ones) are those it was sent. */
  watchInbox(agentId: string, subscriber: SubscriberHandle, ids: Iterable<string>): void {
    addTo(this.#inboxes, agentId, subscriber);
    const known = this.#inboxIds.get(subscriber) ?? new Set<string>();
    for (const id of ids) known.add(id);
    this.#inboxIds.set(subscriber, known);
  }

  watchTickets(customerId: string, subscriber: SubscriberHandle): void {
    addTo(this.#tickets, customerId, subscriber);
  }

  /** A connection closed: it hears nothing more. */
  forget(subscriber: SubscriberHandle): void {
    const id = subscriber.principal?.id;
    if (id === undefined) return;
    removeFrom(this.#inboxes, id, subscriber);
    this.#inboxIds.delete(subscriber);
    this.#pending.delete(subscriber);
    removeFrom(this.#tickets, id, subscriber);
  }

  /** Sends what a desk event means to the connections that may hear it. */
  dispatch(event: DomainEvent): void {
    switch (event.subject.kind) {
      case 'conversation':
        this.#conversationEvent(event);
        return;
      case 'ticket':
        if ('ticket' in event.data && event.data.ticket) this.#ticketEvent(event.data.ticket);
        return;
      case 'survey':
        if ('survey' in event.data) this.#surveyEvent(event.data.survey);
        return;
      default:
        return;
    }
  }

  /** Its customer's watching connections get their view; agents on its conversations all of it. */
  #ticketEvent(ticket: Ticket): void {
    const forCustomer = { type: 'ticket', ticket: toWireTicket(ticket) };
    for (const subscriber of this.#tickets.get(ticket.customerId) ?? []) {
      subscriber.deliver(forCustomer);
    }
    let forAgents: object | null = null;
    const told = new Set<SubscriberHandle>();
    for (const conversationId of ticket.conversationIds) {
      for (const subscriber of this.#byConversation.get(conversationId) ?? []) {
        if (subscriber.principal?.role !== 'agent' || told.has(subscriber)) continue;
        told.add(subscriber);
        forAgents ??= { type: 'agent_ticket', ticket: this.forAgents.ticket(ticket) };
        subscriber.deliver(forAgents);
      }
    }
  }

  #surveyEvent(survey: Survey): void {
    const frame = { type: 'survey', survey: toWireSurvey(survey) };
    const audience = survey.conversationId
      ? this.#byConversation.get(survey.conversationId)
      : this.#tickets.get(survey.customerId);
    for (const subscriber of audience ?? []) {
      if (subscriber.principal?.role !== 'agent') subscriber.deliver(frame);
    }
  }

  #conversationEvent(event: DomainEvent): void {
    const subscribers = this.#byConversation.get(event.subject.id);
    if (event.type === 'message.posted') {
      if (!subscribers) return;
      const { message } = event.data;
      // One frame per audience: agents get the masked text, customers the text as typed.
      const frames = new Map<boolean, object>();
      for (const subscriber of subscribers) {
        const agent = subscriber.principal?.role === 'agent';
        // Internal notes never reach a customer connection.
        if (message.internal && !agent) continue;
        let frame = frames.get(agent);
        if (!frame) {
          frame = { type: 'message', message: this.wireMessage(message, agent) };
          frames.set(agent, frame);
        }
        subscriber.deliver(frame);
      }
      return;
    }
    if (!('conversation' in event.data) || !event.data.conversation) return;
    const conversation = event.data.conversation;
    let forCustomer: object | null = null;
    let forAgent: object | null = null;
    const frameFor = (subscriber: SubscriberHandle) => {
      if (subscriber.principal?.role === 'agent') {
        forAgent ??= {
          type: 'conversation',
          conversation: this.forAgents.conversation(conversation),
        };
        return forAgent;
      }
      forCustomer ??= { type: 'conversation', conversation: toWireConversation(conversation) };
      return forCustomer;
    };
    const told = new Set<SubscriberHandle>();
    for (const subscriber of subscribers ?? []) {
      subscriber.deliver(frameFor(subscriber));
      told.add(subscriber);
    }
    // Inboxes hear a conversation that is in them now, or was: it arrives, changes or leaves.
    for (const [agentId, watchers] of this.#inboxes) {
      const inside = isInAgentInbox(conversation, agentId);
      for (const watcher of watchers) {
        const ids = this.#inboxIds.get(watcher);
        if (!ids || (!inside && !ids.has(conversation.id))) continue;
        if (told.has(watcher)) {
          if (inside) ids.add(conversation.id);
          else ids.delete(conversation.id);
          continue;
        }
        const frame = frameFor(watcher);
        // Leaving an inbox is announced even to an agent who may no longer see the conversation
        // (claimed by another agent, with roles enforced), without the agent-only details (and
        // with its topic masked: it goes to an agent connection all the same).
        const leaving = !inside;
        this.#inboxDeliver(
          watcher,
          agentId,
          conversation,
          (allowed) => {
            if (inside) ids.add(conversation.id);
            else ids.delete(conversation.id);
            watcher.deliver(
              allowed
                ? frame
                : {
                    type: 'conversation',
                    conversation: this.forAgents.conversation(conversation, false),
                  },
            );
          },
          leaving,
        );
      }
    }
  }

  /**
   * Runs `deliver(true)` when the agent may hear the conversation, else `deliver(false)` if
   * `evenIfRefused`; in order per connection.
   */
  #inboxDeliver(
    watcher: SubscriberHandle,
    agentId: string,
    conversation: Conversation,
    deliver: (allowed: boolean) => void,
    evenIfRefused: boolean,
  ): void {
    const pending = this.#pending.get(watcher);
    const decision = pending ? null : this.mayWatch(agentId, conversation);
    if (typeof decision === 'boolean') {
      if (decision || evenIfRefused) deliver(decision);
      return;
    }
    const next = (pending ?? Promise.resolve())
      .then(() => decision ?? this.mayWatch(agentId, conversation))
      .then(
        (allowed) => {
          if ((allowed || evenIfRefused) && this.#inboxIds.has(watcher)) deliver(allowed);
        },
        () => undefined,
      )
      .finally(() => {
        if (this.#pending.get(watcher) === next) this.#pending.delete(watcher);
      });
    this.#pending.set(watcher, next);
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
