import type { WireTicket } from '@kefu/core/wire';
import type { KefuClient } from '../client-types';
import type { Requests } from '../requests/requests';

/** A customer's tickets (工单), kept live once loaded. */
export interface Tickets {
  calls: Pick<KefuClient, 'loadTickets' | 'respondToTicket'>;
  /** The tickets by id: a new object on every change. */
  tickets(): Record<string, WireTicket>;
  applyTicket(ticket: WireTicket): void;
  /** A new connection hears nothing it has not asked for: loads them again if they were loaded. */
  reload(): void;
}

/** The tickets of one client, asked for through `requests`; `emit` hears of every change. */
export function createTickets(requests: Requests, emit: () => void): Tickets {
  let tickets: Record<string, WireTicket> = {};
  /** `loadTickets()` was called: ticket changes are followed, across reconnects. */
  let following = false;

  const applyTicket = (ticket: WireTicket) => {
    tickets = { ...tickets, [ticket.id]: ticket };
    emit();
  };

  const loadTickets = async () => {
    following = true;
    const ack = await requests.request({ type: 'tickets', id: requests.requestId('t') });
    const list = ack.tickets ?? [];
    // Tickets never leave their customer: merge, keeping the newer copy of each (a `ticket`
    // frame may beat this answer).
    const merged = { ...tickets };
    for (const ticket of list) {
      if ((merged[ticket.id]?.updatedAt ?? -1) <= ticket.updatedAt) merged[ticket.id] = ticket;
    }
    tickets = merged;
    emit();
    return list;
  };

  return {
    tickets: () => tickets,
    applyTicket,
    reload() {
      if (following) loadTickets().catch(() => {});
    },
    calls: {
      loadTickets,
      async respondToTicket(ticketId, input) {
        const ticket = await requests.ask(
          {
            type: 'ticket_reply',
            id: requests.requestId('tr'),
            ticketId,
            accept: input.accept,
            ...(input.message ? { message: input.message } : {}),
          },
          'ticket',
        );
        applyTicket(ticket);
        return ticket;
      },
    },
  };
}
