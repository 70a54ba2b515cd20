import { useTickets } from '../hooks/use-tickets';
import { useWidgetI18n } from '../i18n/i18n-context';
import { TicketTimeline } from './ticket-timeline';

/**
 * All of the customer's tickets, most recently updated first, each with its timeline.
 *
 * @example
 * <Panel title="我的工单"><TicketList /></Panel>
 */
export function TicketList() {
  const { t } = useWidgetI18n();
  const tickets = useTickets();
  if (tickets.length === 0) return <p className="kefu-notice">{t('ticketsEmpty')}</p>;
  return (
    <ul className="kefu-tickets" aria-label={t('ticketsTitle')}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <TicketTimeline ticket={ticket} />
        </li>
      ))}
    </ul>
  );
}
