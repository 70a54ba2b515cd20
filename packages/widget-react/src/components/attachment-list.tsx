import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { WireAttachment } from '../client-types';
import { enAttachments } from '../i18n/en-parts';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNAttachments } from '../i18n/zh-cn-parts';
import { attachmentsCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';

const KB = 1024;
// The same as SAFE_LINK_REL: importing it would tie this lazy part to the first chunk.
const REL = 'noopener noreferrer nofollow';

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

/** An attachment with its URL checked by `safeHref` in the first chunk (null: not a link). */
export type CheckedAttachment = WireAttachment & { href: string | null };

/** What the attachments part is given by `AttachmentList` (lazy-parts.tsx). */
export interface AttachmentsPartProps {
  attachments: readonly CheckedAttachment[];
  t: Translate;
  locale: string;
}

const isImage = (
  attachment: CheckedAttachment,
): attachment is CheckedAttachment & { href: string } =>
  attachment.contentType.startsWith('image/') && /^https?:/.test(attachment.href ?? '');

/**
 * A message's attachments: photos as previews that open larger in a lightbox, other files as
 * links that open in a new tab (a URL that is not http(s) stays text), each with its size.
 */
function AttachmentsPartView({ attachments, t, locale }: AttachmentsPartProps) {
  usePartCss('attachments', attachmentsCss);
  const [open, setOpen] = useState<(CheckedAttachment & { href: string }) | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  return (
    <>
      <ul className="kefu-attachments" aria-label={t('attachment')}>
        {attachments.map((attachment) => (
          <li key={`${attachment.url}#${attachment.name}`}>
            {isImage(attachment) ? (
              <button
                type="button"
                className="kefu-thumb"
                aria-label={t('openImage', { name: attachment.name })}
                onClick={(event) => {
                  opener.current = event.currentTarget;
                  setOpen(attachment);
                }}
              >
                <img src={attachment.href} alt="" loading="lazy" />
              </button>
            ) : attachment.href ? (
              <a href={attachment.href} target="_blank" rel={REL}>
                {attachment.name}
              </a>
            ) : (
              <span>{attachment.name}</span>
            )}{' '}
            <span className="kefu-meta">({formatSize(attachment.size, locale)})</span>
          </li>
        ))}
      </ul>
      {open ? (
        <Lightbox
          image={open}
          t={t}
          onClose={() => {
            setOpen(null);
            opener.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/** The photo over the panel, as large as fits; Escape, the close button or a click closes it. */
function Lightbox({
  image,
  t,
  onClose,
}: {
  image: CheckedAttachment & { href: string };
  t: Translate;
  onClose(): void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The panel closes on Escape too: this one closes only the photo.
    event.stopPropagation();
    onClose();
  };
  return (
    <div
      className="kefu-lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={image.name}
      onKeyDown={onKeyDown}
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <img src={image.href} alt={image.name} />
      <div className="kefu-lightbox-bar">
        <a href={image.href} target="_blank" rel={REL}>
          {image.name}
        </a>
        <button ref={close} type="button" className="kefu-button" onClick={onClose}>
          {t('closeImage')}
        </button>
      </div>
    </div>
  );
}

/** `AttachmentsPartView` with its strings (i18n/part-translate.tsx). */
export const AttachmentsPart = withPartI18n(AttachmentsPartView, {
  en: enAttachments,
  'zh-CN': zhCNAttachments,
});
