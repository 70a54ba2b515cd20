import { nanoid } from 'nanoid';
import { requireCustomerWritable } from '../customers/customer-guard';
import type { CommandContext } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { OrderSnapshot, Ticket } from './ticket';
import { applyTicketEvent, publishTicketSla, ticketSlaUpdate } from './ticket-commands';
import type { CreateTicketParsed } from './ticket-schemas';
import { raiseSeverity, type TicketSettings, triageByRules } from './ticket-settings';
import { ticketDueAt } from './ticket-sla';

/**
 * Opens a ticket inside a command: idempotent by client id, flagged as a repeat when the customer
 * complained about the same category recently, triaged by rules or the classifier, SLA clocks
 * started, and a spike announced when its category piles up.
 */
export async function openTicket(
  tx: StorageTransaction,
  context: CommandContext,
  settings: TicketSettings,
  input: CreateTicketParsed,
  orderSnapshot: OrderSnapshot | null,
): Promise<Ticket> {
  if (input.clientId !== undefined) {
    const existing = await tx.tickets.findByClientId(input.customerId, input.clientId);
    if (existing) return existing;
  }
  await requireCustomerWritable(tx, input.customerId, 'a new ticket', { lock: true });
  if (input.conversationId !== undefined) {
    const conversation = await tx.conversations.get(input.conversationId);
    if (conversation?.customerId !== input.customerId) {
      throw new KefuError(
        'NOT_FOUND',
        `No conversation "${input.conversationId}" of this customer.`,
      );
    }
  }
  const categoryId = input.categoryId ?? null;
  const repeat =
    categoryId !== null &&
    (await tx.tickets.count({
      customerId: input.customerId,
      categoryId,
      createdFrom: context.now - settings.repeatWindowMs,
    })) > 0;
  const region = input.region ?? orderSnapshot?.shipment?.city ?? null;
  let ticket: Ticket = {
    id: `tkt_${nanoid(16)}`,
    clientId: input.clientId ?? null,
    kind: input.kind,
    subject: input.subject,
    description: input.description,
    categoryId,
    severity: repeat ? raiseSeverity(input.severity) : input.severity,
    status: 'new',
    customerId: input.customerId,
    conversationIds: input.conversationId ? [input.conversationId] : [],
    orderRef: input.orderRef ?? null,
    orderSnapshot,
    region,
    department: null,
    ownerId: null,
    dueAt: null,
    escalationLevel: 0,
    repeat,
    rounds: 0,
    proposal: null,
    resolution: null,
    attachments: input.attachments,
    history: [
      {
        at: context.now,
        actor: input.by,
        action: 'created',
        fromStatus: null,
        toStatus: 'new',
        text: null,
        visibility: 'customer',
      },
    ],
    sla: null,
    survey: null,
    createdAt: context.now,
    updatedAt: context.now,
    resolvedAt: null,
    reopenUntil: null,
    closedAt: null,
    cancelledAt: null,
    version: 1,
    schemaVersion: 1,
  };
  const sla = await ticketSlaUpdate(tx, context, null, ticket);
  ticket = { ...ticket, sla: sla.sla, dueAt: ticketDueAt(sla.sla) };
  await tx.tickets.insert(ticket);
  await publishTicketSla(tx, context, ticket, sla);
  context.emit({
    type: 'ticket.created',
    at: context.now,
    subject: { kind: 'ticket', id: ticket.id },
    data: { ticket },
  });
  const decision =
    triageByRules(settings.triage, ticket) ?? (await settings.classifier?.(ticket)) ?? null;
  if (decision) {
    ticket = await applyTicketEvent(tx, context, ticket, {
      type: 'TRIAGE',
      at: context.now,
      actor: { kind: 'system', id: 'triage' },
      text: null,
      department: decision.department,
      severity: decision.severity ?? ticket.severity,
      categoryId: decision.categoryId ?? null,
      ownerId: decision.ownerId ?? null,
    });
  }
  await detectSpike(tx, context, ticket, settings);
  return ticket;
}

/** Raises `tickets.spike` when this ticket takes its category (and region) over the threshold. */
async function detectSpike(
  tx: StorageTransaction,
  context: CommandContext,
  ticket: Ticket,
  settings: TicketSettings,
): Promise<void> {
  if (ticket.categoryId === null) return;
  const { windowMs, threshold, byRegion } = settings.spike;
  const region = byRegion ? ticket.region : null;
  const count = await tx.tickets.count({
    categoryId: ticket.categoryId,
    createdFrom: context.now - windowMs,
    ...(region !== null ? { region } : {}),
  });
  // Announced once, when the count first passes the threshold inside the window.
  if (count !== threshold + 1) return;
  context.emit({
    type: 'tickets.spike',
    at: context.now,
    subject: { kind: 'desk', id: `spike/${ticket.categoryId}/${region ?? '*'}` },
    data: { categoryId: ticket.categoryId, region, count, threshold, windowMs },
  });
}
