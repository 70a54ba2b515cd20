import { KefuError } from '../errors/kefu-error';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Conversation } from './conversation';

/** Fails with `NOT_FOUND` unless the agent exists. */
export async function requireAgent(tx: StorageTransaction, agentId: string): Promise<void> {
  if (!(await tx.agents.get(agentId))) {
    throw new KefuError(
      'NOT_FOUND',
      `No agent "${agentId}". Create it with desk.agents.upsert first.`,
    );
  }
}

/** Fails with `INVALID_TRANSITION` once a conversation is closed or abandoned. */
export function requireOpen(conversation: Conversation): void {
  if (conversation.status === 'closed' || conversation.status === 'abandoned') {
    throw new KefuError(
      'INVALID_TRANSITION',
      `The conversation is ${conversation.status}; start a new conversation instead.`,
      { details: { conversationId: conversation.id, status: conversation.status } },
    );
  }
}
