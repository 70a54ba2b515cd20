import type { Conversation } from './conversation';

/** Every field of `T`, optional ones included: a copy that forgets a field does not compile. */
type EveryField<T> = { [K in keyof T]-?: T[K] };

/**
 * A fresh, unfrozen copy of a conversation, every field written by name. The conversation
 * machine copies with it on every event: stores hand out frozen records, and V8 spreads a frozen
 * object slowly (about 0.9 µs for this record against 0.1 µs for the literal).
 */
export function copyConversation(c: Conversation): Conversation {
  const copy: EveryField<Conversation> = {
    id: c.id,
    customerId: c.customerId,
    clientId: c.clientId,
    channel: c.channel,
    topic: c.topic,
    priority: c.priority,
    tags: c.tags,
    status: c.status,
    skills: c.skills,
    team: c.team,
    leftMessage: c.leftMessage,
    overflowedAt: c.overflowedAt,
    assigneeId: c.assigneeId,
    lastSeq: c.lastSeq,
    reopenCount: c.reopenCount,
    transferCount: c.transferCount,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    queuedAt: c.queuedAt,
    assignedAt: c.assignedAt,
    firstResponseAt: c.firstResponseAt,
    lastCustomerMessageAt: c.lastCustomerMessageAt,
    lastAgentMessageAt: c.lastAgentMessageAt,
    pendingSince: c.pendingSince,
    resolvedAt: c.resolvedAt,
    reopenUntil: c.reopenUntil,
    closedAt: c.closedAt,
    closeReason: c.closeReason,
    abandonedAt: c.abandonedAt,
    sla: c.sla,
    botMisses: c.botMisses,
    survey: c.survey,
    version: c.version,
    schemaVersion: c.schemaVersion,
  };
  return copy;
}
