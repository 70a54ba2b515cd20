import type { WireTicket } from '../client-types';
import { ticketsCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';
import { TicketTimelinePart, type TicketTimelinePartProps } from './ticket-timeline';

/** What the ticket list part is given by `TicketList` (lazy-parts.tsx). */
export interface TicketListPartProps extends Omit<TicketTimelinePartProps, 'ticket'> {
  tickets: readonly WireTicket[];
}

/** All of the customer's tickets, most recently updated first, each with its timeline. */
export function TicketListPart({ tickets, ...shared }: TicketListPartProps) {
  usePartCss('tickets', ticketsCss);
  const { t } = shared;
  if (tickets.length === 0) return <p className="kefu-notice">{t('ticketsEmpty')}</p>;
  return (
    <ul className="kefu-tickets" aria-label={t('ticketsTitle')}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <TicketTimelinePart ticket={ticket} {...shared} />
        </li>
      ))}
    </ul>
  );
}
