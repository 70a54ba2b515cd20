import { KefuError } from '../errors/kefu-error';
import type { DomainEventDraft } from '../events/domain-events';
import { transition } from '../machine/transition';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Actor, Ticket, TicketHistoryEntry } from '../tickets/ticket';
import { ticketMachine } from '../tickets/ticket-machine';
import type { TicketEffect, TicketMachineEvent } from '../tickets/ticket-machine-events';
import type { CommandContext } from './command-runner';

export async function loadTicket(tx: StorageTransaction, id: string): Promise<Ticket> {
  const ticket = await tx.tickets.get(id, { forUpdate: true });
  if (!ticket) throw new KefuError('NOT_FOUND', `No ticket "${id}". Check the id.`);
  return ticket;
}

/** Customers act only on their own tickets. */
export function requireTicketActor(ticket: Ticket, actor: Actor): void {
  if (actor.kind === 'customer' && actor.id !== ticket.customerId) {
    throw new KefuError('FORBIDDEN', 'A customer can only act on their own tickets.', {
      details: { ticketId: ticket.id },
    });
  }
}

/** Stores a changed ticket with the next version and carries out the effects. */
export async function commitTicket(
  tx: StorageTransaction,
  context: CommandContext,
  before: Ticket,
  changes: Partial<Ticket>,
  effects: readonly TicketEffect[] = [],
): Promise<Ticket> {
  const stored: Ticket = { ...before, ...changes, version: before.version + 1 };
  await tx.tickets.update(stored, before.version);
  for (const effect of effects) {
    if (effect.type === 'emit') context.emit(withStoredTicket(effect.event, stored));
    if (effect.type === 'schedule') {
      await tx.jobs.schedule(effect.job, context.now);
      context.scheduled(effect.job);
    }
    if (effect.type === 'cancel') await tx.jobs.cancel(effect.key, context.now);
  }
  return stored;
}

/** Runs the ticket machine; a rejected event throws `INVALID_TRANSITION` and writes nothing. */
export async function applyTicketEvent(
  tx: StorageTransaction,
  context: CommandContext,
  ticket: Ticket,
  event: TicketMachineEvent,
): Promise<Ticket> {
  requireTicketActor(ticket, event.actor);
  const result = transition(ticketMachine, ticket, event);
  if (!result.ok) {
    throw new KefuError('INVALID_TRANSITION', `${result.message}.`, {
      details: { ticketId: ticket.id, status: ticket.status, event: event.type },
    });
  }
  return commitTicket(tx, context, ticket, result.snapshot, result.effects);
}

/** A change outside the workflow (owner, escalation, note…): history line plus `ticket.updated`. */
export async function updateTicket(
  tx: StorageTransaction,
  context: CommandContext,
  ticket: Ticket,
  action: string,
  actor: Actor,
  changes: Partial<Ticket>,
  line: { text: string | null; visibility: TicketHistoryEntry['visibility'] },
): Promise<Ticket> {
  const entry: TicketHistoryEntry = {
    at: context.now,
    actor,
    action,
    fromStatus: ticket.status,
    toStatus: ticket.status,
    ...line,
  };
  const stored = await commitTicket(tx, context, ticket, {
    ...changes,
    updatedAt: context.now,
    history: [...ticket.history, entry],
  });
  context.emit({
    type: 'ticket.updated',
    at: context.now,
    subject: { kind: 'ticket', id: stored.id },
    data: { ticket: stored, action },
  });
  return stored;
}

function withStoredTicket(event: DomainEventDraft, stored: Ticket): DomainEventDraft {
  if (!('ticket' in event.data)) return event;
  return { ...event, data: { ...event.data, ticket: stored } } as DomainEventDraft;
}
