import type { Job, JobKind } from '../jobs/job';
import type { StorageTransaction } from '../storage/storage-adapter';
import { applyConversationEvent } from './apply-conversation-event';
import type { CommandContext } from './command-runner';

/**
 * What a due job does, inside the transaction that completes it. Handlers re-check the state they
 * act on, so a job that is no longer relevant (the conversation was reopened, or closed by hand)
 * completes without effect.
 */
export type JobHandler = (
  tx: StorageTransaction,
  context: CommandContext,
  job: Job,
) => Promise<void>;

export const jobHandlers: Record<JobKind, JobHandler> = {
  async 'conversation.close-resolved'(tx, context, job) {
    const conversation = await tx.conversations.get(String(job.payload.conversationId), {
      forUpdate: true,
    });
    if (
      conversation?.status !== 'resolved' ||
      conversation.reopenUntil === null ||
      context.now < conversation.reopenUntil
    ) {
      return;
    }
    await applyConversationEvent(tx, context, conversation, {
      type: 'CLOSE',
      at: context.now,
      reason: 'reopen-window-ended',
    });
  },

  async 'conversation.close-idle'(tx, context, job) {
    const conversation = await tx.conversations.get(String(job.payload.conversationId), {
      forUpdate: true,
    });
    if (
      conversation?.status !== 'pending' ||
      conversation.pendingSince !== job.payload.pendingSince
    ) {
      return;
    }
    await applyConversationEvent(tx, context, conversation, {
      type: 'CLOSE',
      at: context.now,
      reason: 'idle',
    });
  },
};
