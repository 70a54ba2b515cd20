import { useIncident } from '../hooks/use-incident';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * The desk's incident banner (应急), in the widget's language: the shop's own message, and what
 * it means for the customer (a bot answers, or messages are kept for later). Renders nothing in
 * normal operation. Announced politely, like the other notices.
 *
 * @example
 * <IncidentBanner />
 */
export function IncidentBanner() {
  const { t, locale } = useWidgetI18n();
  const incident = useIncident();
  if (!incident) return null;
  const text = locale.toLowerCase().startsWith('zh')
    ? incident.message['zh-CN']
    : incident.message.en;
  const hint =
    incident.mode === 'leave-message'
      ? t('incidentLeaveMessage')
      : incident.mode === 'bot-only'
        ? t('incidentBotOnly')
        : null;
  return (
    <div
      className="kefu-notice kefu-notice--incident"
      role="status"
      data-kefu-incident={incident.mode}
    >
      <strong>{t('incidentTitle')}</strong>
      <p>{text}</p>
      {hint ? <p>{hint}</p> : null}
    </div>
  );
}
