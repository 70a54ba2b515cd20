import type { Conversation } from '../conversations/conversation';
import type { ConversationMachineEvent } from '../conversations/conversation-events';
import { KefuError } from '../errors/kefu-error';
import type { StorageTransaction } from '../storage/storage-adapter';

/** The agent whose load a conversation counts toward: its assignee while it is `active`. */
export function loadHolder(conversation: Conversation): string | null {
  return conversation.status === 'active' ? conversation.assigneeId : null;
}

const GIVES_WORK: ReadonlySet<ConversationMachineEvent['type']> = new Set(['ASSIGN', 'TRANSFER']);

/**
 * Keeps `agent.load` equal to the agent's active conversations, in the same transaction as the
 * conversation change. Giving an agent work (assign, transfer) refuses with `CAPACITY` when the
 * agent is full; both rows carry version checks, so two nodes assigning at once cannot both take
 * the last place. A customer answering a pending conversation counts again without a check: the
 * agent already had it.
 */
export async function moveLoad(
  tx: StorageTransaction,
  before: Conversation,
  after: Conversation,
  event: ConversationMachineEvent,
): Promise<void> {
  const from = loadHolder(before);
  const to = loadHolder(after);
  if (from === to) return;
  if (from !== null) await changeLoad(tx, from, -1, null);
  if (to !== null) await changeLoad(tx, to, +1, GIVES_WORK.has(event.type) ? event.at : null);
}

async function changeLoad(
  tx: StorageTransaction,
  agentId: string,
  delta: 1 | -1,
  assignedAt: number | null,
): Promise<void> {
  const agent = await tx.agents.get(agentId, { forUpdate: true });
  if (!agent) {
    throw new KefuError(
      'NOT_FOUND',
      `No agent "${agentId}". Create it with desk.agents.upsert first.`,
    );
  }
  if (assignedAt !== null && agent.load >= agent.capacity) {
    throw new KefuError(
      'CAPACITY',
      `Agent "${agentId}" already has ${agent.load} of ${agent.capacity} open conversations; choose another agent or resolve one first.`,
      { details: { agentId, load: agent.load, capacity: agent.capacity } },
    );
  }
  await tx.agents.update(
    {
      ...agent,
      load: Math.max(0, agent.load + delta),
      lastAssignedAt: assignedAt ?? agent.lastAssignedAt,
      version: agent.version + 1,
    },
    agent.version,
  );
}
