import type { Conversation } from '../conversation/conversation';
import type { ConversationMachineEvent } from '../conversation/conversation-events';
import { conversationMachine } from '../conversation/conversation-machine';
import { KefuError } from '../errors/kefu-error';
import type { DomainEventDraft } from '../events/domain-events';
import { transition } from '../machine/transition';
import type { StorageTransaction } from '../storage/storage-adapter';
import { moveLoad } from './agent-load';
import type { CommandContext } from './command-runner';
import { updateQueueJobs } from './queue-jobs';

/** Loads a conversation for a write, or fails with `NOT_FOUND`. */
export async function loadConversation(tx: StorageTransaction, id: string): Promise<Conversation> {
  const conversation = await tx.conversations.get(id, { forUpdate: true });
  if (!conversation) {
    throw new KefuError('NOT_FOUND', `No conversation "${id}". Check the id, or start one first.`);
  }
  return conversation;
}

/** Stores a changed conversation with the next version, checking the version it was read at. */
export async function saveConversation(
  tx: StorageTransaction,
  previous: Conversation,
  changes: Partial<Conversation>,
): Promise<Conversation> {
  const next: Conversation = { ...previous, ...changes, version: previous.version + 1 };
  await tx.conversations.update(next, previous.version);
  return next;
}

/**
 * Runs the conversation machine for one event and carries out its effects inside the transaction:
 * the new snapshot is stored, jobs are scheduled or cancelled, events go to the outbox. A rejected
 * event throws `INVALID_TRANSITION` and writes nothing.
 */
export async function applyConversationEvent(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
  event: ConversationMachineEvent,
  extraChanges: Partial<Conversation> = {},
): Promise<Conversation> {
  const result = transition(conversationMachine, conversation, event);
  if (!result.ok) {
    throw new KefuError('INVALID_TRANSITION', `${result.message}.`, {
      details: { conversationId: conversation.id, status: conversation.status, event: event.type },
    });
  }
  const stored = await saveConversation(tx, conversation, { ...result.snapshot, ...extraChanges });
  await moveLoad(tx, conversation, stored, event);
  await updateQueueJobs(tx, context, conversation, stored);
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'emit':
        context.emit(withStoredConversation(effect.event, stored));
        break;
      case 'schedule':
        await tx.jobs.schedule(effect.job, context.now);
        context.scheduled(effect.job);
        break;
      case 'cancel':
        await tx.jobs.cancel(effect.key, context.now);
        break;
    }
  }
  return stored;
}

// The machine describes the snapshot before storage bumps its version; events carry the stored one.
function withStoredConversation(event: DomainEventDraft, stored: Conversation): DomainEventDraft {
  if (!('conversation' in event.data)) return event;
  return { ...event, data: { ...event.data, conversation: stored } } as DomainEventDraft;
}
