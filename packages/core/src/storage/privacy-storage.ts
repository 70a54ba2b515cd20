import type { Conversation } from '../conversations/conversation';
import type { DomainEvent } from '../events/domain-events';
import type { Message } from '../messages/message';
import type { Metadata } from '../validation/common-schemas';

/** Who did something the audit log records.
 *
 * @example
 * const actor: AuditActor = { kind: 'agent', id: 'agt_wang' };
 */
export interface AuditActor {
  kind: 'agent' | 'admin' | 'system' | 'customer';
  id: string;
}

/** What the audit log records.
 *
 * @example
 * const actions: AuditAction[] = ['value.revealed', 'customer.exported'];
 */
export type AuditAction =
  | 'customer.read'
  | 'value.revealed'
  | 'customer.exported'
  | 'customer.erasure_requested'
  | 'customer.erased'
  | 'settings.changed'
  | 'conversation.transferred'
  | 'audit.read';

/** One audit entry before storage numbers it.
 *
 * @example
 * await tx.privacy.appendAudit({ at: now, actor, action: 'customer.read', customerId: 'cus_lin', target: null, origin: null, details: {} });
 */
export interface AuditEntryDraft {
  at: number;
  actor: AuditActor;
  action: AuditAction;
  /** The customer whose data was touched, if any. */
  customerId: string | null;
  /** What was acted on (a conversation, a message span, a job…). */
  target: { kind: string; id: string } | null;
  /** Where the request came from (IP, gateway, script); never personal data of the customer. */
  origin: { ip?: string; via?: string } | null;
  details: Metadata;
}

/** A stored audit entry: `seq` is increasing, in append order.
 *
 * @example
 * const [entry] = await storage.read.privacy.listAudit({}, { limit: 1 }); // entry.seq === 1
 */
export interface AuditEntry extends AuditEntryDraft {
  id: string;
  seq: number;
}

/** Filters for reading the audit log; every given field must match.
 *
 * @example
 * const filter: AuditFilter = { customerId: 'cus_lin', actions: ['value.revealed'] };
 */
export interface AuditFilter {
  actorId?: string;
  actions?: readonly AuditAction[];
  customerId?: string;
  /** Entries at or after this instant. */
  from?: number;
  /** Entries before this instant. */
  to?: number;
}

/** Which events to read for privacy work: those about a customer, or about some conversations.
 *
 * @example
 * const events = await storage.read.privacy.eventsAbout({ customerId: 'cus_lin' }, 0, 200);
 */
export interface EventsAboutQuery {
  customerId?: string;
  conversationIds?: readonly string[];
}

/** Privacy reads: paged and keyset-ordered, so a very large customer is read in slices.
 *
 * @example
 * const old = await storage.read.privacy.messagesBefore(cutoff, 500);
 */
export interface PrivacyReader {
  /** Audit entries with `seq > after`, ascending, at most `limit`. */
  listAudit(filter: AuditFilter, page: { after?: number; limit: number }): Promise<AuditEntry[]>;
  /**
   * Events with `position > after`, ascending, at most `limit`, that carry data about the query:
   * the customer's profile, their conversations, messages, tickets and surveys (by the ids inside
   * `data`), or any event of the given conversations.
   */
  eventsAbout(query: EventsAboutQuery, after: number, limit: number): Promise<DomainEvent[]>;
  /**
   * Events with `position > after`, ascending, at most `limit`, stopping before the first event
   * at or after the instant `before`: the old end of the log, for retention.
   */
  eventsBefore(before: number, after: number, limit: number): Promise<DomainEvent[]>;
  /** Closed or abandoned conversations that ended before `before`, oldest first, at most `limit`. */
  endedConversationsBefore(before: number, limit: number): Promise<Conversation[]>;
  /** Messages created before `before`, oldest first (then by conversation and seq), at most `limit`. */
  messagesBefore(before: number, limit: number): Promise<Message[]>;
}

/**
 * Privacy writes inside a transaction. The audit log can only be appended to; redaction replaces
 * stored documents in place (same ids, seqs and positions); deletes are by key and batched.
 *
 * @example
 * await storage.transaction((tx) => tx.privacy.deleteMessages([{ conversationId, seq: 1 }]));
 */
export interface PrivacyWriter {
  appendAudit(entry: AuditEntryDraft): Promise<AuditEntry>;
  /** Replaces a stored message (same conversation and seq); `CONFLICT` when there is none. */
  replaceMessage(message: Message): Promise<void>;
  /** Replaces the `data` of a stored event, keeping its position; `CONFLICT` when there is none. */
  replaceEventData(position: number, data: DomainEvent['data']): Promise<void>;
  /** Deletes these messages; returns how many existed. */
  deleteMessages(keys: readonly { conversationId: string; seq: number }[]): Promise<number>;
  /** Deletes these conversations and all their messages; returns how many conversations existed. */
  deleteConversations(ids: readonly string[]): Promise<number>;
  /**
   * Deletes the rate-limit buckets (`StorageAdapter.rateLimits`) keyed by this subject, e.g. a
   * customer id: every key that is the subject or ends with `:<subject>` (`rateLimitKeyNames`).
   * Returns how many existed; 0 for an adapter without `rateLimits`.
   */
  deleteRateLimits(subject: string): Promise<number>;
}
