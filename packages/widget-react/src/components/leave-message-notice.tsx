import type { DeskStatus } from '../client-types';
import { formatInstant } from '../i18n/format';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Shown when nobody can answer now: the shop is closed (with the next opening time) or no agent
 * is online. The message the customer writes is kept for the morning (留言).
 *
 * @example
 * {desk && !desk.acceptingNow && <LeaveMessageNotice status={desk} />}
 */
export function LeaveMessageNotice({ status }: { status: DeskStatus }) {
  const { t, locale } = useWidgetI18n();
  return (
    <div className="kefu-notice" role="status">
      <strong>{t('leaveMessageTitle')}</strong>
      <p>{status.open ? t('nobodyOnline') : t('shopClosed')}</p>
      {!status.open && status.nextOpeningAt !== null ? (
        <p>{t('nextOpening', { time: formatInstant(status.nextOpeningAt, locale) })}</p>
      ) : null}
    </div>
  );
}
