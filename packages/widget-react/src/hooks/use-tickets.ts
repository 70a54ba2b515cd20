import { useEffect, useMemo } from 'react';
import type { WireTicket } from '../client-types';
import { useConnectionStatus } from './use-connection-status';
import { useKefuClient } from './use-kefu-client';
import { useKefuSelector } from './use-kefu-selector';

const selectTickets = (snapshot: { tickets: Readonly<Record<string, WireTicket>> }) =>
  snapshot.tickets;

/**
 * The customer's tickets (工单), most recently updated first, kept live. Loads them once the
 * connection is open.
 *
 * @example
 * const tickets = useTickets();
 * return tickets.map((ticket) => <TicketTimeline key={ticket.id} ticket={ticket} />);
 */
export function useTickets(): readonly WireTicket[] {
  const client = useKefuClient();
  const connection = useConnectionStatus();
  useEffect(() => {
    if (connection === 'open') client.loadTickets().catch(() => {});
  }, [client, connection]);
  const tickets = useKefuSelector(selectTickets);
  return useMemo(() => Object.values(tickets).sort((a, b) => b.updatedAt - a.updatedAt), [tickets]);
}
