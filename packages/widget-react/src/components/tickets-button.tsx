import { useTickets } from '../hooks/use-tickets';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * The header button that switches between the chat and the customer's tickets; hidden while the
 * customer has none.
 *
 * @example
 * <Panel headerActions={<TicketsButton showing={view === 'tickets'} onToggle={toggle} />} />
 */
export function TicketsButton({ showing, onToggle }: { showing: boolean; onToggle(): void }) {
  const { t } = useWidgetI18n();
  const tickets = useTickets();
  if (tickets.length === 0 && !showing) return null;
  return (
    <button type="button" className="kefu-icon-button" onClick={onToggle}>
      {showing ? t('backToChat') : t('ticketsOpen', { count: tickets.length })}
    </button>
  );
}
