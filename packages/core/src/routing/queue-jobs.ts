import type { Conversation } from '../conversations/conversation';
import type { CommandContext } from '../desk/command-runner';
import { conversationJobKeys } from '../jobs/job';
import type { StorageTransaction } from '../storage/storage-adapter';

/**
 * Schedules the overflow of a conversation that (re)enters the queue, and cancels it when the
 * conversation leaves the queue before it overflowed. `before` is null for a conversation just
 * started.
 */
export async function updateQueueJobs(
  tx: StorageTransaction,
  context: CommandContext,
  before: Conversation | null,
  after: Conversation,
): Promise<void> {
  const overflow = context.settings.routing.overflow;
  const key = conversationJobKeys.overflow(after.id);
  const entered =
    after.status === 'queued' &&
    (before?.status !== 'queued' || before.queuedAt !== after.queuedAt);
  if (entered && overflow && after.overflowedAt === null && after.queuedAt !== null) {
    const job = {
      key,
      kind: 'conversation.overflow' as const,
      dueAt: after.queuedAt + overflow.afterMs,
      payload: { conversationId: after.id, queuedAt: after.queuedAt },
    };
    await tx.jobs.schedule(job, context.now);
    context.scheduled(job);
  } else if (
    before?.status === 'queued' &&
    after.status !== 'queued' &&
    overflow &&
    before.overflowedAt === null
  ) {
    // Without overflow settings this desk scheduled no such job, and an overflowed conversation's
    // job has run: no statement for those. A job another node's settings left behind finds the
    // conversation gone from the queue when it comes due, and does nothing.
    await tx.jobs.cancel(key, context.now);
  }
}
