import type { Agent } from '../agents/agent';
import type { CloseReason, Conversation } from '../conversations/conversation';
import type { Customer } from '../customers/customer';
import type { Incident } from '../incidents/incident';
import type { Article } from '../knowledge/article';
import type { Message } from '../messages/message';
import type { Review } from '../quality/review';
import type { SlaClock } from '../sla/sla-clock';
import type { EscalationAction, SlaTarget } from '../sla/sla-policy';
import type { Survey } from '../surveys/survey';
import type { Ticket, TicketStatus } from '../tickets/ticket';
import type { Priority } from '../vocabulary/channels-and-priorities';

/**
 * The data each domain event carries, by event type.
 *
 * @example
 * desk.on('conversation.assigned', (event) => {
 *   const data: DomainEventDataMap['conversation.assigned'] = event.data;
 *   console.log(data.agentId);
 * });
 */
export interface DomainEventDataMap {
  'customer.upserted': { customer: Customer; created: boolean };
  'agent.upserted': { agent: Agent; created: boolean };
  /** The customer's personal data was erased (`desk.privacy.eraseCustomer`); once per customer. */
  'customer.erased': {
    customerId: string;
    erasedAt: number;
    requestedAt: number;
    requestedBy: { kind: 'agent' | 'admin' | 'system' | 'customer'; id: string };
    reason: string;
  };
  'conversation.started': { conversation: Conversation };
  'conversation.handed_off': { conversation: Conversation };
  'conversation.assigned': { conversation: Conversation; agentId: string };
  'conversation.transferred': {
    conversation: Conversation;
    fromAgentId: string | null;
    toAgentId: string | null;
    toTeam: string | null;
    reason: string | null;
    by: string | null;
  };
  'conversation.pending': { conversation: Conversation };
  'conversation.reactivated': { conversation: Conversation };
  'conversation.resolved': { conversation: Conversation };
  'conversation.reopened': { conversation: Conversation; by: 'customer' | 'agent' };
  'conversation.closed': { conversation: Conversation; reason: CloseReason };
  'conversation.abandoned': { conversation: Conversation };
  'conversation.overflowed': { conversation: Conversation };
  'conversation.priority_changed': { conversation: Conversation; from: Priority; to: Priority };
  'conversation.tags_changed': { conversation: Conversation; added: string[]; removed: string[] };
  'message.posted': { message: Message };
  /**
   * A supervisor started watching the conversation (`desk.supervision.watch`). It carries no
   * conversation snapshot, so nothing about it is sent to the customer's connections.
   */
  'conversation.watched': { conversationId: string; supervisorId: string };
  /** A supervisor took the conversation over (`desk.supervision.bargeIn`), after its transfer. */
  'conversation.barged_in': {
    conversation: Conversation;
    supervisorId: string;
    fromAgentId: string | null;
    reason: string | null;
  };
  /** An article was created, edited or moved through review (`action` says which). */
  'article.changed': { article: Article; action: string };
  /** A quality review was started, scored or moved through its workflow (`action` says which). */
  'review.changed': { review: Review; action: string };
  'ticket.created': { ticket: Ticket };
  /** A workflow step: `action` says which (triaged, resolution proposed, rejected…). */
  'ticket.transitioned': { ticket: Ticket; action: string; from: TicketStatus; to: TicketStatus };
  /** Owner, department, severity, escalation, notes, repeat flag: changes outside the workflow. */
  'ticket.updated': { ticket: Ticket; action: string };
  /** More tickets of one category (and region) inside the window than the threshold: 预警. */
  'tickets.spike': {
    categoryId: string;
    region: string | null;
    count: number;
    threshold: number;
    windowMs: number;
  };
  'survey.scheduled': { survey: Survey };
  'survey.sent': { survey: Survey };
  'survey.answered': { survey: Survey };
  'survey.expired': { survey: Survey };
  /** A disappointed answer; `ticketId` names the follow-up ticket when one was opened. */
  'survey.low_score': { survey: Survey; ticketId: string | null };
  'sla.warning': SlaEventData & { threshold: number };
  'sla.breached': SlaEventData;
  'sla.met': SlaEventData & { breached: boolean };
  'sla.escalated': {
    conversation: Conversation | null;
    ticket: Ticket | null;
    policyId: string;
    level: number;
    trigger: 'warning' | 'breach';
    actions: EscalationAction[];
  };
  /** The desk entered incident mode (应急): banner, maybe held routing, SLA clocks paused. */
  'incident.started': { incident: Incident };
  /** The desk left incident mode: routing and SLA clocks resume. */
  'incident.ended': { incident: Incident };
}

/**
 * What every `sla.*` event says about the clock.
 *
 * @example
 * ```ts
 * desk.on('sla.breached', (event) => {
 *   const data: SlaEventData = event.data;
 *   notify(data.conversation?.assigneeId, data.target);
 * });
 * ```
 */
export interface SlaEventData {
  /** The conversation the clock belongs to, or null for a ticket's clock. */
  conversation: Conversation | null;
  /** The ticket the clock belongs to, or null for a conversation's clock. */
  ticket: Ticket | null;
  policyId: string;
  target: SlaTarget;
  dueAt: number | null;
  /** Time counted (business or calendar, as the target says) when the event happened. */
  elapsedMs: number;
  clock: SlaClock;
}

/**
 * The type of a domain event, e.g. `conversation.assigned`.
 *
 * @example
 * const watched: DomainEventType[] = ['ticket.resolved', 'sla.breached'];
 */
export type DomainEventType = keyof DomainEventDataMap;

/**
 * Every domain event type.
 *
 * @example
 * DOMAIN_EVENT_TYPES.includes('message.posted'); // true
 */
export const DOMAIN_EVENT_TYPES = [
  'customer.upserted',
  'agent.upserted',
  'customer.erased',
  'conversation.started',
  'conversation.handed_off',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.pending',
  'conversation.reactivated',
  'conversation.resolved',
  'conversation.reopened',
  'conversation.closed',
  'conversation.abandoned',
  'conversation.overflowed',
  'conversation.priority_changed',
  'conversation.tags_changed',
  'message.posted',
  'conversation.watched',
  'conversation.barged_in',
  'article.changed',
  'review.changed',
  'ticket.created',
  'ticket.transitioned',
  'ticket.updated',
  'tickets.spike',
  'survey.scheduled',
  'survey.sent',
  'survey.answered',
  'survey.expired',
  'survey.low_score',
  'sla.warning',
  'sla.breached',
  'sla.met',
  'sla.escalated',
  'incident.started',
  'incident.ended',
] as const satisfies readonly DomainEventType[];

/**
 * What an event is about, so consumers can filter by aggregate.
 *
 * @example
 * ```ts
 * const about: EventSubject = { kind: 'conversation', id: 'cnv_42' };
 * const mine = events.filter((event) => event.subject.id === about.id);
 * ```
 */
export interface EventSubject {
  kind: 'customer' | 'agent' | 'conversation' | 'ticket' | 'survey' | 'article' | 'review' | 'desk';
  id: string;
}

/**
 * An event before storage gives it a position.
 *
 * @example
 * ```ts
 * const draft: DomainEventDraft<'customer.erased'> = {
 *   type: 'customer.erased',
 *   subject: { kind: 'customer', id: 'cus_lin' },
 *   at: Date.now(),
 *   data: erasedData,
 * };
 * ```
 */
export type DomainEventDraft<T extends DomainEventType = DomainEventType> = {
  [K in T]: { type: K; subject: EventSubject; at: number; data: DomainEventDataMap[K] };
}[T];

/**
 * A stored domain event. `position` is global, gap-free and increasing: read the log from any
 * position with `desk.events.read({ after })`.
 *
 * @example
 * const events: DomainEvent[] = await desk.events.read({ after: 0, limit: 10 });
 * for (const event of events) console.log(event.position, event.type);
 */
export type DomainEvent<T extends DomainEventType = DomainEventType> = {
  [K in T]: {
    position: number;
    id: string;
    type: K;
    subject: EventSubject;
    at: number;
    data: DomainEventDataMap[K];
  };
}[T];
