import {
  applyConversationEvent,
  commitConversation,
} from '../conversations/apply-conversation-event';
import type { CommandContext } from '../desk/command-runner';
import type { StorageReader, StorageTransaction } from '../storage/storage-adapter';
import { TICKET_STATUSES, type TicketStatus } from '../tickets/ticket';
import { commitTicket } from '../tickets/ticket-commands';

const DONE: ReadonlySet<TicketStatus> = new Set(['resolved', 'closed', 'cancelled']);
const OPEN_TICKETS = TICKET_STATUSES.filter((status) => !DONE.has(status));
/** Open work swept per run; more is picked up by each one's next write or SLA check. */
const SWEEP_LIMIT = 1000;

/**
 * Writes every open conversation and ticket again so its SLA clocks follow the desk-wide hold:
 * paused from the incident's start while it lasts, counting again from its end afterwards (the
 * clocks do the arithmetic, see `settleClocks`). After the incident, conversations the bot held
 * only because of a `bot-only` incident go to the queue, as the desk would have sent them.
 */
export async function sweepSlaClocks(
  tx: StorageTransaction,
  context: CommandContext,
  read: StorageReader,
): Promise<{ conversations: number; tickets: number }> {
  const hold = context.sla.hold();
  const handOff =
    hold?.until != null &&
    context.incidentMode === null &&
    context.settings.initialStatus === 'queued';
  const listed = await read.conversations.list(
    { status: handOff ? ['bot', 'queued', 'active', 'pending'] : ['queued', 'active', 'pending'] },
    { limit: SWEEP_LIMIT },
  );
  let conversations = 0;
  for (const item of listed) {
    const conversation = await tx.conversations.get(item.id, { forUpdate: true });
    if (!conversation) continue;
    const heldByBot =
      handOff &&
      conversation.status === 'bot' &&
      hold !== null &&
      conversation.createdAt >= hold.since &&
      conversation.createdAt <= (hold.until ?? context.now);
    if (heldByBot) {
      await applyConversationEvent(tx, context, conversation, { type: 'HANDOFF', at: context.now });
    } else if (conversation.sla && conversation.status !== 'bot') {
      await commitConversation(tx, context, conversation, {});
    } else continue;
    conversations++;
  }
  if (!context.sla.enabled) return { conversations, tickets: 0 };
  let tickets = 0;
  for (const item of await read.tickets.list({ status: OPEN_TICKETS }, { limit: SWEEP_LIMIT })) {
    const ticket = await tx.tickets.get(item.id, { forUpdate: true });
    if (!ticket?.sla) continue;
    await commitTicket(tx, context, ticket, {});
    tickets++;
  }
  return { conversations, tickets };
}
