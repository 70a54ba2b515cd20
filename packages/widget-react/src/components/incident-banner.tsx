import type { KefuClientSnapshot } from '@kefu/client';
import { enIncident } from '../i18n/en-parts';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNIncident } from '../i18n/zh-cn-parts';
import { incidentCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';

/** What the banner part is given by `IncidentBanner` (lazy-parts.tsx). */
export interface IncidentPartProps {
  incident: NonNullable<KefuClientSnapshot['incident']>;
  /** The shop's message in the customer's language. */
  text: string;
  t: Translate;
}

/**
 * The desk's incident banner (应急), in the widget's language: the shop's own message, and what
 * it means for the customer (a bot answers, or messages are kept for later). Announced politely,
 * like the other notices.
 */
function IncidentPartView({ incident, text, t }: IncidentPartProps) {
  usePartCss('incident', incidentCss);
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

/** `IncidentPartView` with its strings (i18n/part-translate.tsx). */
export const IncidentPart = withPartI18n(IncidentPartView, {
  en: enIncident,
  'zh-CN': zhCNIncident,
});
