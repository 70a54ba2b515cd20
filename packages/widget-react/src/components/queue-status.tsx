import type { QueuePlace } from '@kefu/client';
import { formatDuration } from '../i18n/format';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * The customer's place in the queue (排队) and the estimated wait (预计等待时间).
 *
 * @example
 * {view.queue && <QueueStatus queue={view.queue} />}
 */
export function QueueStatus({ queue }: { queue: QueuePlace }) {
  const { t, locale } = useWidgetI18n();
  return (
    <div className="kefu-notice" role="status">
      <p>
        {t('queuePosition', { position: queue.position })}
        {queue.estimatedWaitMs !== null
          ? ` ${t('estimatedWait', { duration: formatDuration(queue.estimatedWaitMs, locale) })}`
          : null}
      </p>
    </div>
  );
}
