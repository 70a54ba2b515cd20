import type { Conversation } from '../conversations/conversation';
import type { StorageTransaction } from './storage-adapter';

/**
 * The first of `ids`, in order, that is still queued and not held by another transaction,
 * locked for this one: the adapter's `lockFirstQueued` when it has one, else one `get` per id
 * (skipping held rows, never waiting for them), which means the same, a round trip per id.
 */
export async function lockFirstQueued(
  tx: StorageTransaction,
  ids: readonly string[],
): Promise<Conversation | null> {
  if (ids.length === 0) return null;
  const found = tx.conversations.lockFirstQueued
    ? await tx.conversations.lockFirstQueued(ids)
    : await eachInTurn(tx, ids);
  // Adapters may be loose about the status; routing writes only a queued conversation.
  return found?.status === 'queued' ? found : null;
}

async function eachInTurn(
  tx: StorageTransaction,
  ids: readonly string[],
): Promise<Conversation | null> {
  for (const id of ids) {
    const conversation = await tx.conversations.get(id, {
      forUpdate: true,
      skipLocked: true,
      onlyIfStatus: 'queued',
    });
    if (conversation?.status === 'queued') return conversation;
  }
  return null;
}
