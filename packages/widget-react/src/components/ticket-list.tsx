import type { WireTicket } from '../client-types';
import { enTickets } from '../i18n/en-parts';
import { withPartI18n } from '../i18n/part-translate';
import { zhCNTickets } from '../i18n/zh-cn-parts';
import { ticketsCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';
import { type TicketTimelinePartProps, TicketTimelinePartView } from './ticket-timeline';

/** What the ticket list part is given by `TicketList` (lazy-parts.tsx). */
export interface TicketListPartProps extends Omit<TicketTimelinePartProps, 'ticket'> {
  tickets: readonly WireTicket[];
}

/** All of the customer's tickets, most recently updated first, each with its timeline. */
function TicketListPartView({ tickets, ...shared }: TicketListPartProps) {
  usePartCss('tickets', ticketsCss);
  const { t } = shared;
  if (tickets.length === 0) return <p className="kefu-notice">{t('ticketsEmpty')}</p>;
  return (
    <ul className="kefu-tickets" aria-label={t('ticketsTitle')}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <TicketTimelinePartView ticket={ticket} {...shared} />
        </li>
      ))}
    </ul>
  );
}

/** `TicketListPartView` with its strings (i18n/part-translate.tsx). */
export const TicketListPart = withPartI18n(TicketListPartView, {
  en: enTickets,
  'zh-CN': zhCNTickets,
});
