import { useConnectionStatus } from '../hooks/use-connection-status';
import { useOnline } from '../hooks/use-online';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Says so while the network or the connection is down; messages written meanwhile wait in the
 * outbox and go out when it is back.
 *
 * @example
 * <ConnectionNotice />
 */
export function ConnectionNotice() {
  const { t } = useWidgetI18n();
  const status = useConnectionStatus();
  // Offline, the socket may still look open for a while: say it is reconnecting already.
  const text =
    !useOnline() || status === 'reconnecting'
      ? t('reconnecting')
      : status === 'closed'
        ? t('disconnected')
        : status === 'connecting'
          ? t('connecting')
          : null;
  return (
    <div role="status" className={text ? 'kefu-notice' : 'kefu-sr-only'}>
      {text}
    </div>
  );
}
