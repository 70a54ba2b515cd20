import type { ClientMessage } from '@kefu/client';
import { memo } from 'react';
import { formatMessageTime } from '../i18n/format';
import { useWidgetI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/translate';
import { MessageText } from '../text/message-text';
import { authorLabel } from './author-label';
import { AttachmentList } from './lazy-parts';

/**
 * Props of `MessageItem`, one message in the list.
 *
 * @example
 * <MessageItem message={message} own={message.author?.kind === 'customer'} peerReadSeq={view.peerReadSeq} today="2026-11-11" />
 */
export interface MessageItemProps {
  message: ClientMessage;
  /** Written by whoever uses this client (the customer in the widget, the agent in a console). */
  own: boolean;
  /** The other side read up to this seq. */
  peerReadSeq: number;
  onRetry?(clientId: string): void;
  /** `new Date().toDateString()`: messages of other days show their date. */
  today: string;
}

function deliveryLabel(message: ClientMessage, peerReadSeq: number, t: Translate): string {
  if (message.status === 'sending') return t('sending');
  if (message.status === 'failed') return t('failed');
  return message.seq !== null && message.seq <= peerReadSeq ? t('read') : t('sent');
}

/**
 * One message: author (others' with an avatar of their name's first character), text (as text, links made safe), attachments, time and, for your own
 * messages, sending / sent / read / not sent with a retry button.
 *
 * Memoised on its props: the client keeps a stored message's object, so a row re-renders only
 * when its message or its other props change (`MessageList` passes the read position to your own
 * messages only, so a read receipt re-renders just those).
 *
 * @example
 * <MessageItem message={message} own={message.author === null} peerReadSeq={view.peerReadSeq} today={new Date().toDateString()} />
 */
export const MessageItem = memo(MessageItemView);

function MessageItemView({ message, own, peerReadSeq, onRetry, today }: MessageItemProps) {
  const { t, locale } = useWidgetI18n();
  const system = message.author?.kind === 'system';
  const className = own
    ? 'kefu-message kefu-message--own'
    : system
      ? 'kefu-message kefu-message--system'
      : 'kefu-message';
  const time = formatMessageTime(message.createdAt, locale, today);
  const author = authorLabel(message, t, 'customer');
  return (
    <li className={className} data-status={message.status}>
      {system ? null : own ? (
        <span className="kefu-author">{t('you')}</span>
      ) : (
        <>
          {/* The name's first character (王 for 王客服): a face for the name beside it. */}
          <span className="kefu-avatar" aria-hidden="true">
            {[...author][0]}
          </span>
          <span className="kefu-author">{author}</span>
        </>
      )}
      <div className={system ? undefined : 'kefu-bubble'}>
        <MessageText text={message.text} />
        <AttachmentList attachments={message.attachments} />
      </div>
      <span className="kefu-meta">
        <time dateTime={new Date(message.createdAt).toISOString()}>{time}</time>
        {own ? (
          <span className={message.status === 'failed' ? 'kefu-failed' : undefined}>
            {' · '}
            {deliveryLabel(message, peerReadSeq, t)}
          </span>
        ) : null}
        {own && message.status === 'failed' && message.clientId && onRetry ? (
          <>
            {' '}
            <button
              type="button"
              className="kefu-link-button"
              onClick={() => message.clientId && onRetry(message.clientId)}
            >
              {t('retry')}
            </button>
          </>
        ) : null}
      </span>
    </li>
  );
}
