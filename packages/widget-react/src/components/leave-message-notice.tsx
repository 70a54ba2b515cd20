import type { DeskStatus } from '../client-types';
import { enLeaveMessage } from '../i18n/en-parts';
import { formatInstant } from '../i18n/format';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNLeaveMessage } from '../i18n/zh-cn-parts';

/** What the notice part is given by `LeaveMessageNotice` (lazy-parts.tsx). */
export interface LeaveMessagePartProps {
  status: DeskStatus;
  t: Translate;
  locale: string;
}

/**
 * Shown when nobody can answer now: the shop is closed (with the next opening time) or no agent
 * is online. The message the customer writes is kept for the morning (留言).
 */
function LeaveMessagePartView({ status, t, locale }: LeaveMessagePartProps) {
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

/** `LeaveMessagePartView` with its strings (i18n/part-translate.tsx). */
export const LeaveMessagePart = withPartI18n(LeaveMessagePartView, {
  en: enLeaveMessage,
  'zh-CN': zhCNLeaveMessage,
});
