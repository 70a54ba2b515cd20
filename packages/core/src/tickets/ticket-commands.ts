import type { CommandContext } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { DomainEventDraft } from '../events/domain-events';
import { ticketJobKeys } from '../jobs/job';
import { transition } from '../machine/transition';
import { slaEventsFor } from '../sla/sla-events';
import type { SlaUpdate } from '../sla/sla-tracking';
import type { StorageTransaction } from '../storage/storage-adapter';
import { surveyAfterChange } from '../surveys/survey-lifecycle';
import type { Actor, Ticket, TicketHistoryEntry } from './ticket';
import { ticketMachine } from './ticket-machine';
import type { TicketEffect, TicketMachineEvent } from './ticket-machine-events';
import { ticketDueAt, trackTicketSla } from './ticket-sla';

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
  const next: Ticket = { ...before, ...changes };
  const sla = await ticketSlaUpdate(tx, context, before, next);
  const survey = surveyAfterChange(context, 'ticket', before, next);
  const stored: Ticket = {
    ...next,
    sla: sla.sla,
    survey: survey.survey,
    dueAt: context.sla.enabled ? ticketDueAt(sla.sla) : next.dueAt,
    version: before.version + 1,
  };
  await tx.tickets.update(stored, before.version);
  for (const effect of effects) {
    if (effect.type === 'emit') context.emit(withStoredTicket(effect.event, stored));
    if (effect.type === 'schedule') {
      await tx.jobs.schedule(effect.job, context.now);
      context.scheduled(effect.job);
    }
    if (effect.type === 'cancel') await tx.jobs.cancel(effect.key, context.now);
  }
  await publishTicketSla(tx, context, stored, sla);
  await survey.after(tx);
  return stored;
}

/** The SLA state of a ticket change (policies may look at the customer's tier). */
export async function ticketSlaUpdate(
  tx: StorageTransaction,
  context: CommandContext,
  before: Ticket | null,
  next: Ticket,
): Promise<SlaUpdate> {
  const tier = context.sla.enabled
    ? ((await tx.customers.get(next.customerId))?.tier ?? 'standard')
    : 'standard';
  return trackTicketSla(context.sla, before, next, tier, context.now);
}

/** Announces the clocks' events and schedules their next look, once `stored` is written. */
export async function publishTicketSla(
  tx: StorageTransaction,
  context: CommandContext,
  stored: Ticket,
  sla: SlaUpdate,
): Promise<void> {
  for (const draft of slaEventsFor(
    { ticket: stored },
    sla.announcements,
    context.now,
    context.sla,
  )) {
    context.emit(draft);
  }
  if (!context.sla.enabled) return;
  const key = ticketJobKeys.slaCheck(stored.id);
  if (sla.nextCheckAt === null) {
    await tx.jobs.cancel(key, context.now);
    return;
  }
  const job = {
    key,
    kind: 'ticket.sla-check' as const,
    dueAt: sla.nextCheckAt,
    payload: { ticketId: stored.id },
  };
  await tx.jobs.schedule(job, context.now);
  context.scheduled(job);
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
