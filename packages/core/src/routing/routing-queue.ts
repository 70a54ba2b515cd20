import type { Agent } from '../agents/agent';
import type { Conversation } from '../conversations/conversation';
import type { StorageReader } from '../storage/storage-adapter';
import { DEFAULT_QUEUE_ORDER, orderQueue, type QueueEntry } from './queue-order';
import type { RoutingRequest } from './routing-candidate';
import type { RoutingSettings } from './routing-settings';

export interface QueuedConversation extends QueueEntry {
  conversation: Conversation;
}

const PAGE = 500;

/** Every queued conversation with its customer's tier, in serving order at `now`. */
export async function readQueue(read: StorageReader, now: number): Promise<QueuedConversation[]> {
  const queued: Conversation[] = [];
  for (let after: { createdAt: number; id: string } | undefined; ; ) {
    const page = await read.conversations.list({ status: ['queued'] }, { limit: PAGE, after });
    queued.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  const tiers = new Map<string, string>();
  for (const customerId of new Set(queued.map((c) => c.customerId))) {
    tiers.set(customerId, (await read.customers.get(customerId))?.tier ?? 'standard');
  }
  return orderQueue(
    queued.map((conversation) => ({
      conversationId: conversation.id,
      priority: conversation.priority,
      tier: tiers.get(conversation.customerId) ?? 'standard',
      queuedAt: conversation.queuedAt ?? conversation.createdAt,
      leftMessage: conversation.leftMessage,
      conversation,
    })),
    now,
    DEFAULT_QUEUE_ORDER,
  );
}

/** What routing looks for: the conversation's own needs, or the fallback once it overflowed. */
export function routingRequestFor(
  conversation: Conversation,
  settings: RoutingSettings,
  now: number,
  previousAgent: RoutingRequest['previousAgent'] = null,
): RoutingRequest {
  const overflow = conversation.overflowedAt !== null ? settings.overflow : null;
  return {
    conversationId: conversation.id,
    customerId: conversation.customerId,
    skills: overflow ? overflow.skills : conversation.skills,
    team: overflow ? overflow.team : conversation.team,
    previousAgent,
    now,
  };
}

/** The customer's most recent other conversation that had an agent, for sticky routing. */
export async function previousAgentOf(
  read: StorageReader,
  conversation: Conversation,
): Promise<RoutingRequest['previousAgent']> {
  const recent = await read.conversations.list(
    { customerId: conversation.customerId },
    { limit: 20 },
  );
  const previous = recent.find((c) => c.id !== conversation.id && c.assigneeId !== null);
  if (!previous?.assigneeId) return null;
  return {
    agentId: previous.assigneeId,
    at: previous.closedAt ?? previous.resolvedAt ?? previous.updatedAt,
  };
}

export const candidateOf = (agent: Agent) => ({
  agent,
  load: agent.load,
  lastAssignedAt: agent.lastAssignedAt,
});
