import { eraseCustomerFiles } from '../attachments/blob-sweeps';
import { applyConversationEvent } from '../conversations/apply-conversation-event';
import type { ConversationStatus } from '../conversations/conversation';
import type { CommandContext } from '../desk/command-runner';
import type { Job, JobDraft } from '../jobs/job';
import type { AuditActor } from '../storage/privacy-storage';
import type { StorageReader, StorageTransaction } from '../storage/storage-adapter';
import { createScrubber, personalValuesOf, type Scrubber, scrubEventData } from './redaction';

/** The durable job key of one customer's erasure: one live erasure per customer. */
export const privacyJobKeys = {
  erase: (customerId: string) => `privacy/erase/${customerId}`,
  retention: () => 'privacy/retention',
};

const OPEN_STATUSES: ConversationStatus[] = ['bot', 'queued', 'active', 'pending', 'resolved'];
type Phase = 'close' | 'conversations' | 'tickets' | 'events' | 'finish';

/** Where an erasure is: its phase and the keyset cursor inside it. Stored as the job payload. */
export interface ErasurePayload {
  customerId: string;
  reason: string;
  actor: AuditActor;
  requestedAt: number;
  phase: Phase;
  /** conversations/tickets: the last (createdAt, id) done; events: the last position done. */
  afterCreatedAt: number | null;
  afterId: string | null;
  afterSeq: number;
  afterPosition: number;
}

/** The first job of an erasure. */
export function erasureJob(
  input: Pick<ErasurePayload, 'customerId' | 'reason' | 'actor'>,
  now: number,
): JobDraft {
  const payload: ErasurePayload = {
    ...input,
    requestedAt: now,
    phase: 'close',
    afterCreatedAt: null,
    afterId: null,
    afterSeq: 0,
    afterPosition: 0,
  };
  return {
    key: privacyJobKeys.erase(input.customerId),
    kind: 'privacy.erase',
    dueAt: now,
    payload: payload as never,
  };
}

const next = (payload: ErasurePayload, changes: Partial<ErasurePayload>): ErasurePayload => ({
  ...payload,
  ...changes,
});
const startOf = (payload: ErasurePayload, phase: Phase): ErasurePayload =>
  next(payload, { phase, afterCreatedAt: null, afterId: null, afterSeq: 0, afterPosition: 0 });

/**
 * One batch of an erasure, inside the transaction that completes the job. Every batch is
 * idempotent (scrubbing scrubbed data changes nothing) and commits with the job's next step, so
 * a crash at any point resumes where the last commit left off; `customer.erased` is emitted in
 * the final batch only, which also tombstones the profile.
 */
export async function runErasureBatch(
  tx: StorageTransaction,
  context: CommandContext,
  job: Job,
  read: StorageReader,
): Promise<void> {
  const payload = job.payload as unknown as ErasurePayload;
  const customer = await tx.customers.get(payload.customerId, { forUpdate: true });
  if (!customer || customer.erasedAt !== undefined) return;
  const batch = context.settings.erasure.batchSize;
  const customerId = customer.id;
  const scrubber: Scrubber = createScrubber({
    values: personalValuesOf(customer),
    eraseAuthor: (author) => author.kind === 'customer' && author.id === customerId,
    at: context.now,
  });
  const after =
    payload.afterCreatedAt !== null && payload.afterId !== null
      ? { createdAt: payload.afterCreatedAt, id: payload.afterId }
      : undefined;
  let then: ErasurePayload | null;

  switch (payload.phase) {
    case 'close': {
      const open = await read.conversations.list(
        { customerId, status: OPEN_STATUSES },
        { limit: batch },
      );
      for (const listed of open) {
        const conversation = await tx.conversations.get(listed.id, { forUpdate: true });
        if (!conversation || !OPEN_STATUSES.includes(conversation.status)) continue;
        await applyConversationEvent(tx, context, conversation, {
          type: 'CLOSE',
          at: context.now,
          reason: 'manual',
        });
      }
      then = open.length < batch ? startOf(payload, 'conversations') : payload;
      break;
    }
    case 'conversations': {
      const [listed] = await read.conversations.list({ customerId }, { limit: 1, after });
      if (!listed) {
        then = startOf(payload, 'tickets');
        break;
      }
      if (payload.afterSeq === 0) {
        const conversation = await tx.conversations.get(listed.id, { forUpdate: true });
        const scrubbed = conversation && scrubber.conversation(conversation);
        if (conversation && scrubbed && JSON.stringify(scrubbed) !== JSON.stringify(conversation)) {
          await tx.conversations.update(
            { ...scrubbed, version: conversation.version + 1 },
            conversation.version,
          );
        }
      }
      const messages = await read.messages.listAfter(listed.id, payload.afterSeq, batch);
      for (const message of messages) {
        const scrubbed = scrubber.message(message);
        if (JSON.stringify(scrubbed) !== JSON.stringify(message)) {
          await tx.privacy.replaceMessage(scrubbed);
        }
      }
      const last = messages.at(-1);
      then =
        messages.length === batch && last
          ? next(payload, { afterSeq: last.seq })
          : next(payload, { afterCreatedAt: listed.createdAt, afterId: listed.id, afterSeq: 0 });
      break;
    }
    case 'tickets': {
      const tickets = await read.tickets.list({ customerId }, { limit: batch, after });
      for (const listed of tickets) {
        const ticket = await tx.tickets.get(listed.id, { forUpdate: true });
        if (!ticket) continue;
        const scrubbed = scrubber.ticket(ticket);
        if (JSON.stringify(scrubbed) === JSON.stringify(ticket)) continue;
        await tx.tickets.update({ ...scrubbed, version: ticket.version + 1 }, ticket.version);
      }
      const last = tickets.at(-1);
      then =
        tickets.length === batch && last
          ? next(payload, { afterCreatedAt: last.createdAt, afterId: last.id })
          : startOf(payload, 'events');
      break;
    }
    case 'events': {
      const events = await read.privacy.eventsAbout({ customerId }, payload.afterPosition, batch);
      for (const event of events) {
        const data = scrubEventData(event, scrubber);
        if (data !== event.data) await tx.privacy.replaceEventData(event.position, data);
      }
      const last = events.at(-1);
      then =
        events.length === batch && last
          ? next(payload, { afterPosition: last.position })
          : startOf(payload, 'finish');
      break;
    }
    case 'finish': {
      // Before the tombstone: if deleting files fails, the job fails and runs again (idempotent).
      if (context.blobs) await eraseCustomerFiles(context.blobs, customerId);
      await tx.customers.update(
        {
          ...scrubber.customer(customer),
          erasedAt: context.now,
          updatedAt: context.now,
          version: customer.version + 1,
        },
        customer.version,
      );
      context.emit({
        type: 'customer.erased',
        at: context.now,
        subject: { kind: 'customer', id: customerId },
        data: {
          customerId,
          erasedAt: context.now,
          requestedAt: payload.requestedAt,
          requestedBy: payload.actor,
          reason: payload.reason,
        },
      });
      // Rate-limit buckets keyed by the customer id would otherwise stay until they refill.
      await tx.privacy.deleteRateLimits(customerId);
      await tx.privacy.appendAudit({
        at: context.now,
        actor: { kind: 'system', id: 'erasure' },
        action: 'customer.erased',
        customerId,
        target: { kind: 'job', id: job.id },
        origin: null,
        details: { requestedBy: payload.actor.id, requestedAt: payload.requestedAt },
      });
      then = null;
      break;
    }
  }
  if (then) {
    const draft: JobDraft = {
      key: job.key,
      kind: 'privacy.erase',
      dueAt: context.now,
      payload: then as never,
    };
    await tx.jobs.schedule(draft, context.now);
    context.scheduled(draft);
  }
}
