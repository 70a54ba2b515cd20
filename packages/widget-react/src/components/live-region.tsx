import type { ClientMessage } from '@kefu/client';
import { useWidgetI18n } from '../i18n/i18n-context';
import { authorLabel } from './author-label';

/**
 * A visually hidden polite live region that reads out a new message from the shop, so screen
 * reader users hear replies without moving focus.
 *
 * @example
 * <LiveRegion message={incoming.latest} />
 */
export function LiveRegion({ message }: { message: ClientMessage | null }) {
  const { t } = useWidgetI18n();
  return (
    <div className="kefu-sr-only" aria-live="polite" aria-atomic="true">
      {message
        ? t('newMessage', { name: authorLabel(message, t, 'agent'), text: message.text })
        : null}
    </div>
  );
}
