import type { KefuClient } from '@kefu/client';
import { useState } from 'react';
import type { WireTicket } from '../client-types';
import type { WidgetMessageKey } from '../i18n/en';
import { enTickets } from '../i18n/en-parts';
import { formatInstant } from '../i18n/format';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNTickets } from '../i18n/zh-cn-parts';
import { ticketsCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';
import { describeResolution } from './describe-resolution';

function label(t: Translate, prefix: 'ticketStatus' | 'ticketKind', value: string): string {
  const key = `${prefix}.${value}` as WidgetMessageKey;
  const text = t(key);
  return text === undefined ? value : text;
}

/** What the ticket part is given by `TicketTimeline` and `TicketList` (lazy-parts.tsx). */
export interface TicketTimelinePartProps {
  ticket: WireTicket;
  t: Translate;
  locale: string;
  client: KefuClient;
}

/**
 * One ticket (工单) as its customer follows it: kind, subject, status, the expected completion,
 * the status timeline, and the proposal with accept / decline while one is waiting.
 */
export function TicketTimelinePartView({ ticket, t, locale, client }: TicketTimelinePartProps) {
  usePartCss('tickets', ticketsCss);
  const [busy, setBusy] = useState(false);
  const respond = async (accept: boolean) => {
    setBusy(true);
    try {
      await client.respondToTicket(ticket.id, { accept });
    } finally {
      setBusy(false);
    }
  };
  const headingId = `kefu-ticket-${ticket.id}`;
  return (
    <article className="kefu-ticket" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {label(t, 'ticketKind', ticket.kind)} · {ticket.subject}
      </h3>
      <p className="kefu-meta">
        <strong>{label(t, 'ticketStatus', ticket.status)}</strong>
        {ticket.orderRef ? ` · ${t('ticketOrder', { orderRef: ticket.orderRef })}` : null}
        {ticket.expectedCompletionAt !== null &&
        ticket.status !== 'resolved' &&
        ticket.status !== 'closed'
          ? ` · ${t('ticketExpected', { time: formatInstant(ticket.expectedCompletionAt, locale) })}`
          : null}
      </p>
      <ol>
        {ticket.timeline.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at the end
          <li key={index}>
            <time dateTime={new Date(entry.at).toISOString()}>
              {formatInstant(entry.at, locale)}
            </time>
            {label(t, 'ticketStatus', entry.status)}
            {entry.text ? `: ${entry.text}` : null}
          </li>
        ))}
      </ol>
      {ticket.resolution ? (
        <p>
          {t('ticketResolution', { proposal: describeResolution(ticket.resolution, t, locale) })}
        </p>
      ) : null}
      {ticket.proposal && ticket.status === 'resolution_proposed' ? (
        <>
          <p>{t('ticketProposal', { proposal: describeResolution(ticket.proposal, t, locale) })}</p>
          <div className="kefu-actions">
            <button
              type="button"
              className="kefu-button"
              disabled={busy}
              onClick={() => respond(true)}
            >
              {t('ticketAccept')}
            </button>
            <button
              type="button"
              className="kefu-button kefu-button--secondary"
              disabled={busy}
              onClick={() => respond(false)}
            >
              {t('ticketDecline')}
            </button>
          </div>
        </>
      ) : null}
    </article>
  );
}

/** `TicketTimelinePartView` with its strings (i18n/part-translate.tsx). */
export const TicketTimelinePart = withPartI18n(TicketTimelinePartView, {
  en: enTickets,
  'zh-CN': zhCNTickets,
});
