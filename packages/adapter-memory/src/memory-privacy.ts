import type {
  AuditEntry,
  AuditEntryDraft,
  AuditFilter,
  Conversation,
  DomainEvent,
  EventsAboutQuery,
  Message,
  PrivacyReader,
  PrivacyWriter,
} from '@kefu/core';
import { KefuError, newId, rateLimitKeyNames } from '@kefu/core';
import { frozenCopy } from './deep-freeze';
import { type MemoryState, pairKey } from './memory-state';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function matchesAudit(entry: AuditEntry, filter: AuditFilter): boolean {
  return (
    (filter.actorId === undefined || entry.actor.id === filter.actorId) &&
    (filter.actions === undefined || filter.actions.includes(entry.action)) &&
    (filter.customerId === undefined || entry.customerId === filter.customerId) &&
    (filter.from === undefined || entry.at >= filter.from) &&
    (filter.to === undefined || entry.at < filter.to)
  );
}

/** Does this event carry data about the customer, or belong to one of the conversations? */
function isAbout(
  event: DomainEvent,
  customerId: string | undefined,
  conversations: ReadonlySet<string>,
): boolean {
  const data = event.data as Record<string, unknown>;
  const field = (key: string, inner: string) =>
    (data[key] as Record<string, unknown> | null | undefined)?.[inner];
  if (event.subject.kind === 'conversation' && conversations.has(event.subject.id)) return true;
  const messageConversation = field('message', 'conversationId');
  if (typeof messageConversation === 'string' && conversations.has(messageConversation)) {
    return true;
  }
  if (customerId === undefined) return false;
  return (
    (event.subject.kind === 'customer' && event.subject.id === customerId) ||
    field('customer', 'id') === customerId ||
    field('conversation', 'customerId') === customerId ||
    field('ticket', 'customerId') === customerId ||
    field('survey', 'customerId') === customerId
  );
}

/** Privacy reads over committed memory state. */
export function createMemoryPrivacyReader(state: MemoryState, open: () => void): PrivacyReader {
  return {
    async listAudit(filter, { after = 0, limit }) {
      open();
      const page: AuditEntry[] = [];
      for (let index = Math.max(0, after); index < state.audit.length; index++) {
        if (page.length >= limit) break;
        const entry = state.audit[index];
        if (entry && matchesAudit(entry, filter)) page.push(entry);
      }
      return page;
    },
    async eventsAbout(query: EventsAboutQuery, after, limit) {
      open();
      const conversations = new Set(query.conversationIds ?? []);
      if (query.customerId !== undefined) {
        for (const c of state.conversations.values()) {
          if (c.customerId === query.customerId) conversations.add(c.id);
        }
      }
      const page: DomainEvent[] = [];
      for (let index = Math.max(0, after); index < state.events.length; index++) {
        if (page.length >= limit) break;
        const event = state.events[index];
        if (event && isAbout(event, query.customerId, conversations)) page.push(event);
      }
      return page;
    },
    async eventsBefore(before, after, limit) {
      open();
      const page: DomainEvent[] = [];
      for (let index = Math.max(0, after); index < state.events.length; index++) {
        const event = state.events[index];
        if (!event || event.at >= before || page.length >= limit) break;
        page.push(event);
      }
      return page;
    },
    async endedConversationsBefore(before, limit) {
      open();
      const endedAt = (c: Conversation) => c.closedAt ?? c.abandonedAt;
      return [...state.conversations.values()]
        .filter((c) => {
          const at = endedAt(c);
          return at !== null && at < before;
        })
        .sort((a, b) => (endedAt(a) ?? 0) - (endedAt(b) ?? 0) || byId(a, b))
        .slice(0, limit);
    },
    async messagesBefore(before, limit) {
      open();
      const found: Message[] = [];
      for (const list of state.messages.values()) {
        for (const message of list) if (message && message.createdAt < before) found.push(message);
      }
      return found
        .sort(
          (a, b) =>
            a.createdAt - b.createdAt ||
            (a.conversationId < b.conversationId
              ? -1
              : a.conversationId > b.conversationId
                ? 1
                : 0) ||
            a.seq - b.seq,
        )
        .slice(0, limit);
    },
  };
}

/**
 * One transaction's privacy writes, applied at commit. Replacements and deletes look at
 * committed state: privacy work runs in transactions of its own.
 */
export class MemoryPrivacyWriter implements PrivacyWriter {
  readonly #state: MemoryState;
  readonly #audit: AuditEntry[] = [];
  readonly #messages = new Map<string, Message>();
  readonly #events = new Map<number, DomainEvent>();
  readonly #deletedMessages = new Map<string, { conversationId: string; seq: number }>();
  readonly #deletedConversations = new Set<string>();
  readonly #forgottenRateLimits = new Set<string>();

  constructor(state: MemoryState) {
    this.#state = state;
  }

  async appendAudit(draft: AuditEntryDraft): Promise<AuditEntry> {
    const seq = this.#state.audit.length + this.#audit.length + 1;
    const entry = frozenCopy({ ...draft, id: newId('aud_'), seq });
    this.#audit.push(entry);
    return entry;
  }

  async replaceMessage(message: Message): Promise<void> {
    const stored = this.#state.messages.get(message.conversationId)?.[message.seq - 1];
    if (!stored || stored.id !== message.id) {
      throw new KefuError(
        'CONFLICT',
        `No message ${message.seq} "${message.id}" in "${message.conversationId}" to replace.`,
      );
    }
    this.#messages.set(pairKey(message.conversationId, String(message.seq)), frozenCopy(message));
  }

  async replaceEventData(position: number, data: DomainEvent['data']): Promise<void> {
    const stored = this.#events.get(position) ?? this.#state.events[position - 1];
    if (!stored) throw new KefuError('CONFLICT', `No event at position ${position} to replace.`);
    this.#events.set(position, frozenCopy({ ...stored, data } as DomainEvent));
  }

  async deleteMessages(keys: readonly { conversationId: string; seq: number }[]): Promise<number> {
    let count = 0;
    for (const key of keys) {
      const id = pairKey(key.conversationId, String(key.seq));
      if (this.#deletedMessages.has(id)) continue;
      if (!this.#state.messages.get(key.conversationId)?.[key.seq - 1]) continue;
      this.#deletedMessages.set(id, key);
      count++;
    }
    return count;
  }

  async deleteConversations(ids: readonly string[]): Promise<number> {
    let count = 0;
    for (const id of ids) {
      if (this.#deletedConversations.has(id) || !this.#state.conversations.has(id)) continue;
      this.#deletedConversations.add(id);
      count++;
    }
    return count;
  }

  async deleteRateLimits(subject: string): Promise<number> {
    let count = 0;
    for (const key of this.#state.rateLimits.keys()) {
      if (!rateLimitKeyNames(key, subject) || this.#forgottenRateLimits.has(key)) continue;
      this.#forgottenRateLimits.add(key);
      count++;
    }
    return count;
  }

  commit(): void {
    const state = this.#state;
    state.audit.push(...this.#audit);
    for (const key of this.#forgottenRateLimits) state.rateLimits.delete(key);
    for (const [position, event] of this.#events) state.events[position - 1] = event;
    for (const message of this.#messages.values()) {
      const list = state.messages.get(message.conversationId);
      if (list) list[message.seq - 1] = message;
    }
    const dropMessage = (message: Message | undefined) => {
      if (message?.clientId != null) {
        state.messageClientIds.delete(pairKey(message.conversationId, message.clientId));
      }
    };
    for (const { conversationId, seq } of this.#deletedMessages.values()) {
      const list = state.messages.get(conversationId);
      if (!list) continue;
      dropMessage(list[seq - 1]);
      delete list[seq - 1];
    }
    for (const id of this.#deletedConversations) {
      const conversation = state.conversations.get(id);
      if (!conversation) continue;
      for (const message of state.messages.get(id) ?? []) dropMessage(message);
      state.messages.delete(id);
      state.conversations.delete(id);
      if (conversation.clientId !== null) {
        state.conversationClientIds.delete(pairKey(conversation.customerId, conversation.clientId));
      }
    }
  }
}
