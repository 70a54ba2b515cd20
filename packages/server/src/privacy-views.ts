import type { Desk, Ticket } from '@kefu/core';
import type { WireMessage } from '@kefu/core/protocol';

/**
 * A message as an agent sees it: personal data in its text masked, with the spans listed so the
 * console can offer "reveal" (the audited `privacy.reveal` call).
 */
export function maskWireMessage(desk: Desk, wire: WireMessage): WireMessage {
  const masked = desk.privacy.mask(wire.text);
  if (masked.spans.length === 0) return wire;
  return {
    ...wire,
    text: masked.text,
    masked: masked.spans.map(({ index, start, end, kind }) => ({ index, start, end, kind })),
  };
}

const isTicket = (value: unknown): value is Ticket =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Ticket).id === 'string' &&
  Array.isArray((value as Ticket).history) &&
  'orderSnapshot' in value;

/**
 * What an agent call returns, as the agent may see it: tickets (alone or in a page) and profiles
 * masked with their masked fields listed (`privacy.reveal` with `ticketId` / `customerId` and
 * the field's `path`); other results as they are.
 */
export function maskAgentResult(desk: Desk, method: string, result: unknown): unknown {
  if (result === null || typeof result !== 'object') return result;
  switch (method) {
    case 'customers.get':
      return desk.privacy.maskCustomer(result as Parameters<Desk['privacy']['maskCustomer']>[0]);
    case 'orders.lookup':
      return desk.privacy.maskOrder(result as Parameters<Desk['privacy']['maskOrder']>[0]);
    case 'tickets.list': {
      const page = result as { items: Ticket[] };
      return { ...page, items: page.items.map((ticket) => desk.privacy.maskTicket(ticket)) };
    }
    default:
      return method.startsWith('tickets.') && isTicket(result)
        ? desk.privacy.maskTicket(result)
        : result;
  }
}
