import type { Conversation } from '../conversations/conversation';
import type { DomainEvent } from '../events/domain-events';
import type { Message } from '../messages/message';
import type { SlaTarget } from '../sla/sla-policy';
import type { Ticket } from '../tickets/ticket';

/**
 * What the log says about one conversation, independent of the order events arrived in.
 *
 * @example
 * ```ts
 * const facts = collectFacts(events);
 * const one: ConversationFacts | undefined = facts.conversations.get('cnv_42');
 * console.log(one?.firstAssignedAt);
 * ```
 */
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

/**
 * One survey answer, as the metrics count it.
 *
 * @example
 * ```ts
 * const csat = facts.surveyAnswers.filter((answer: SurveyAnswer) => answer.kind === 'csat');
 * ```
 */
export interface SurveyAnswer {
  kind: 'csat' | 'nps' | 'ces';
  score: number;
  conversationId: string | null;
  at: number;
}

/**
 * What the metrics read from the event log: conversations, tickets, surveys and presence changes.
 *
 * @example
 * ```ts
 * const facts: LogFacts = collectFacts(await storage.events.read(0, 100_000));
 * console.log(facts.conversations.size, facts.surveyAnswers.length);
 * ```
 */
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

/** What the log has said so far about one conversation, while {@link collectFacts} reads it. */
interface ConversationLog {
  id: string;
  latest: Conversation | undefined;
  firstAssignedAt: number | null;
  messages: Message[];
  sla: Partial<Record<SlaTarget, 'met' | 'breached'>> | null;
}

/**
 * Folds the event log into facts. Only state that does not depend on the order of events with
 * equal timestamps is kept: snapshots by version, messages by seq, outcomes as sets.
 *
 * @example
 * ```ts
 * const facts = collectFacts(await storage.events.read(0, 100_000));
 * ```
 */
export function collectFacts(events: Iterable<DomainEvent>): LogFacts {
  // One record per conversation rather than one Map per fact: this loop runs over the whole log,
  // and each event now costs a single lookup by id instead of a get and a set per fact.
  const logs = new Map<string, ConversationLog>();
  // Conversations in the order their first snapshot arrived, which is the order of the facts.
  const withSnapshot: ConversationLog[] = [];
  const logOf = (id: string) => {
    let log = logs.get(id);
    if (!log) {
      log = { id, latest: undefined, firstAssignedAt: null, messages: [], sla: null };
      logs.set(id, log);
    }
    return log;
  };
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
    const snapshot = data.conversation;
    const log = snapshot ? logOf(snapshot.id) : undefined;
    if (log && snapshot) {
      if (!log.latest) withSnapshot.push(log);
      log.latest = newer(log.latest, snapshot);
    }
    if (data.ticket) tickets.set(data.ticket.id, newer(tickets.get(data.ticket.id), data.ticket));
    switch (event.type) {
      case 'conversation.assigned':
        if (log) log.firstAssignedAt = Math.min(log.firstAssignedAt ?? event.at, event.at);
        break;
      case 'message.posted':
        logOf(event.data.message.conversationId).messages.push(event.data.message);
        break;
      case 'sla.met':
      case 'sla.breached':
        if (log) {
          const breached = event.type === 'sla.breached' || event.data.breached;
          log.sla ??= {};
          log.sla[event.data.target] =
            breached || log.sla[event.data.target] === 'breached' ? 'breached' : 'met';
        }
        break;
      case 'agent.upserted': {
        const { agent } = event.data;
        facts.presence.push({
          agentId: agent.id,
          at: agent.updatedAt,
          online: agent.presence === 'online',
          capacity: agent.capacity,
          version: agent.version,
        });
        break;
      }
      case 'survey.sent': {
        const { survey } = event.data;
        facts.surveysSent.push({
          kind: survey.kind,
          conversationId: survey.conversationId,
          at: event.at,
        });
        break;
      }
      case 'survey.answered': {
        const { survey } = event.data;
        if (survey.score === null) break;
        facts.surveyAnswers.push({
          kind: survey.kind,
          score: survey.score ?? 0,
          conversationId: survey.conversationId,
          at: event.at,
        });
        break;
      }
    }
  }
  facts.presence.sort((a, b) => a.at - b.at || a.version - b.version);
  for (const log of withSnapshot) {
    const conversation = log.latest as Conversation;
    facts.conversations.set(log.id, {
      latest: conversation,
      firstAssignedAt: log.firstAssignedAt,
      firstResponseAt: firstReply(log.messages) ?? conversation.firstResponseAt,
      responseTimes: responseTimes(log.messages),
      sla: log.sla ?? {},
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
  if (!inSeqOrder(messages)) messages.sort((a, b) => a.seq - b.seq);
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

function inSeqOrder(messages: readonly Message[]): boolean {
  for (let i = 1; i < messages.length; i++) {
    if ((messages[i - 1] as Message).seq > (messages[i] as Message).seq) return false;
  }
  return true;
}
