import { useConnectionStatus } from '../hooks/use-connection-status';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Says so while the connection is down; messages written meanwhile wait in the outbox.
 *
 * @example
 * <ConnectionNotice />
 */
export function ConnectionNotice() {
  const { t } = useWidgetI18n();
  const status = useConnectionStatus();
  const text =
    status === 'reconnecting'
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
