import type { Conversation } from '../conversation/conversation';
import type { DomainEvent } from '../events/domain-events';
import type { Message } from '../message/message';
import type { SlaTarget } from '../sla/sla-policy';
import type { Ticket } from '../tickets/ticket';

/** What the log says about one conversation, independent of the order events arrived in. */
export interface ConversationFacts {
  /** The snapshot with the highest version: the latest state the log knows. */
  latest: Conversation;
  /** When a person first got it (transfers move `assignedAt`, not this). */
  firstAssignedAt: number | null;
  /** The first agent reply (not an internal note), from the messages themselves. */
  firstResponseAt: number | null;
  /** Gaps between the oldest unanswered customer message and the next agent reply, in seq order. */
  responseTimes: number[];
  /** Per SLA target: breached if ever breached, else met if met. */
  sla: Partial<Record<SlaTarget, 'met' | 'breached'>>;
}

export interface SurveyAnswer {
  kind: 'csat' | 'nps' | 'ces';
  score: number;
  conversationId: string | null;
  at: number;
}

export interface LogFacts {
  conversations: Map<string, ConversationFacts>;
  tickets: Map<string, Ticket>;
  surveysSent: { kind: 'csat' | 'nps' | 'ces'; conversationId: string | null; at: number }[];
  surveyAnswers: SurveyAnswer[];
  /** Agent presence changes, in time order: [agentId, at, online]. */
  presence: { agentId: string; at: number; online: boolean; capacity: number; version: number }[];
}

const newer = <T extends { version: number }>(current: T | undefined, candidate: T) =>
  !current || candidate.version > current.version ? candidate : current;

/**
 * Folds the event log into facts. Only state that does not depend on the order of events with
 * equal timestamps is kept: snapshots by version, messages by seq, outcomes as sets.
 */
export function collectFacts(events: Iterable<DomainEvent>): LogFacts {
  const latest = new Map<string, Conversation>();
  const messages = new Map<string, Message[]>();
  const sla = new Map<string, Partial<Record<SlaTarget, 'met' | 'breached'>>>();
  const firstAssigned = new Map<string, number>();
  const tickets = new Map<string, Ticket>();
  const facts: LogFacts = {
    conversations: new Map(),
    tickets,
    surveysSent: [],
    surveyAnswers: [],
    presence: [],
  };

  for (const event of events) {
    const data = event.data as { conversation?: Conversation | null; ticket?: Ticket | null };
    if (data.conversation)
      latest.set(data.conversation.id, newer(latest.get(data.conversation.id), data.conversation));
    if (data.ticket) tickets.set(data.ticket.id, newer(tickets.get(data.ticket.id), data.ticket));
    if (event.type === 'conversation.assigned') {
      const id = event.data.conversation.id;
      firstAssigned.set(id, Math.min(firstAssigned.get(id) ?? event.at, event.at));
    }
    if (event.type === 'message.posted') {
      const list = messages.get(event.data.message.conversationId) ?? [];
      list.push(event.data.message);
      messages.set(event.data.message.conversationId, list);
    }
    if ((event.type === 'sla.met' || event.type === 'sla.breached') && event.data.conversation) {
      const outcomes = sla.get(event.data.conversation.id) ?? {};
      const breached =
        event.type === 'sla.breached' || (event.type === 'sla.met' && event.data.breached);
      outcomes[event.data.target] =
        breached || outcomes[event.data.target] === 'breached' ? 'breached' : 'met';
      sla.set(event.data.conversation.id, outcomes);
    }
    if (event.type === 'agent.upserted') {
      const { agent } = event.data;
      facts.presence.push({
        agentId: agent.id,
        at: agent.updatedAt,
        online: agent.presence === 'online',
        capacity: agent.capacity,
        version: agent.version,
      });
    }
    if (event.type === 'survey.sent') {
      const { survey } = event.data;
      facts.surveysSent.push({
        kind: survey.kind,
        conversationId: survey.conversationId,
        at: event.at,
      });
    }
    if (event.type === 'survey.answered' && event.data.survey.score !== null) {
      const { survey } = event.data;
      facts.surveyAnswers.push({
        kind: survey.kind,
        score: survey.score ?? 0,
        conversationId: survey.conversationId,
        at: event.at,
      });
    }
  }
  facts.presence.sort((a, b) => a.at - b.at || a.version - b.version);
  for (const [id, conversation] of latest) {
    facts.conversations.set(id, {
      latest: conversation,
      firstAssignedAt: firstAssigned.get(id) ?? null,
      firstResponseAt: firstReply(messages.get(id) ?? []) ?? conversation.firstResponseAt,
      responseTimes: responseTimes(messages.get(id) ?? []),
      sla: sla.get(id) ?? {},
    });
  }
  return facts;
}

function firstReply(messages: Message[]): number | null {
  let first: number | null = null;
  for (const message of messages) {
    if (message.internal || message.author.kind !== 'agent') continue;
    if (first === null || message.createdAt < first) first = message.createdAt;
  }
  return first;
}

function responseTimes(messages: Message[]): number[] {
  const times: number[] = [];
  let waitingSince: number | null = null;
  // The log usually has them in seq order already; sort (our own array) only when it does not.
  if (messages.some((message, i) => i > 0 && (messages[i - 1]?.seq ?? 0) > message.seq)) {
    messages.sort((a, b) => a.seq - b.seq);
  }
  for (const message of messages) {
    if (message.internal) continue;
    if (message.author.kind === 'customer') waitingSince ??= message.createdAt;
    if (message.author.kind === 'agent' && waitingSince !== null) {
      times.push(Math.max(0, message.createdAt - waitingSince));
      waitingSince = null;
    }
  }
  return times;
}
