import type { Resolution, Ticket, TicketStatus } from './ticket';

/**
 * What a customer may see of their ticket: no internal notes, owners, severities or flags.
 *
 * @example
 * ```ts
 * const view: CustomerTicketView = await desk.tickets.customerView({ ticketId, customerId: 'cus_lin' });
 * for (const step of view.timeline) console.log(step.at, step.status);
 * ```
 */
export interface CustomerTicketView {
  id: string;
  kind: string;
  subject: string;
  status: TicketStatus;
  orderRef: string | null;
  /** The offer waiting for their answer, if any. */
  proposal: Resolution | null;
  resolution: Resolution | null;
  /** When the shop expects to finish (the current step's due instant). */
  expectedCompletionAt: number | null;
  timeline: { at: number; action: string; status: TicketStatus; text: string | null }[];
  createdAt: number;
  updatedAt: number;
}

/**
 * The customer's projection of a ticket (status timeline with the expected completion).
 *
 * @example
 * const view = toCustomerView(ticket); // safe to send to the widget
 */
export function toCustomerView(ticket: Ticket): CustomerTicketView {
  return {
    id: ticket.id,
    kind: ticket.kind,
    subject: ticket.subject,
    status: ticket.status,
    orderRef: ticket.orderRef,
    proposal: ticket.proposal,
    resolution: ticket.resolution,
    expectedCompletionAt: ticket.dueAt,
    timeline: ticket.history
      .filter((entry) => entry.visibility === 'customer')
      .map((entry) => ({
        at: entry.at,
        action: entry.action,
        status: entry.toStatus,
        text: entry.text,
      })),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}
