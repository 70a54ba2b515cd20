import type { WireAttachment } from '../client-types';
import { useWidgetI18n } from '../i18n/i18n-context';
import { SafeLink } from '../text/safe-link';

const KB = 1024;

function formatSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= KB * KB ? [bytes / (KB * KB), 'megabyte'] : [Math.max(1, bytes / KB), 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A message's attachments as links that open in a new tab; a URL that is not http(s) stays text.
 *
 * @example
 * <AttachmentList attachments={message.attachments} />
 */
export interface AttachmentListProps {
  attachments: readonly WireAttachment[];
}

/**
 * A message's attachments as safe links.
 *
 * @example
 * <AttachmentList attachments={message.attachments} />
 */
export function AttachmentList({ attachments }: AttachmentListProps) {
  const { t, locale } = useWidgetI18n();
  if (attachments.length === 0) return null;
  return (
    <ul className="kefu-attachments" aria-label={t('attachment')}>
      {attachments.map((attachment) => (
        <li key={`${attachment.url}#${attachment.name}`}>
          <SafeLink href={attachment.url}>{attachment.name}</SafeLink>{' '}
          <span className="kefu-meta">({formatSize(attachment.size, locale)})</span>
        </li>
      ))}
    </ul>
  );
}
