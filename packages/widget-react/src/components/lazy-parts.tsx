import { useEffect, useState } from 'react';
import type { DeskStatus, WireAttachment, WireTicket } from '../client-types';
import { useConversation } from '../hooks/use-conversation';
import { useIncident } from '../hooks/use-incident';
import { useKefuClient } from '../hooks/use-kefu-client';
import { useTickets } from '../hooks/use-tickets';
import { usePartI18n, useWidgetI18n } from '../i18n/i18n-context';
import { pickLocale } from '../i18n/pick-locale';
import { recall, remember } from '../memory/widget-memory';
import { safeHref } from '../text/safe-url';
import type { LauncherGreetingOption } from './launcher-greeting';
import { lazyPart } from './lazy-part';
import type { UploadsPartProps } from './uploads';

// The parts most sessions never show, each fetched the first time it has something to show
// (docs/guides/widget.md#size). What they need from the first chunk is read here and passed in.

/** A text in the customer's language, from one given in several (`{ 'zh-CN': …, en: … }`). */
function useLocalize() {
  const { locale } = useWidgetI18n();
  return (text: Readonly<Record<string, string>>) => {
    const available = Object.keys(text);
    return text[pickLocale([locale], available, available[0] ?? 'en')] ?? '';
  };
}

/**
 * The satisfaction survey (满意度调查) once the desk sent it after the conversation was resolved:
 * one scale per question and an optional comment; then a thank-you. Its code loads when a
 * survey arrives.
 *
 * @example
 * <SurveyPrompt conversationId={conversationId} />
 */
export const SurveyPrompt = lazyPart(
  () => import('./survey-prompt').then((m) => m.SurveyPart),
  ({ conversationId }: { conversationId: string | null }) => {
    const i18n = usePartI18n();
    const client = useKefuClient();
    const pick = useLocalize();
    const survey = useConversation(conversationId)?.survey;
    if (!conversationId || (survey?.status !== 'sent' && survey?.status !== 'answered')) {
      return null;
    }
    return { conversationId, survey, i18n, client, pick };
  },
);

function useTicketShared() {
  return { i18n: usePartI18n(), client: useKefuClient() };
}

/**
 * All of the customer's tickets, most recently updated first, each with its timeline. Its code
 * loads when it is shown.
 *
 * @example
 * <Panel title="我的工单"><TicketList /></Panel>
 */
export const TicketList = lazyPart(
  () => import('./ticket-list').then((m) => m.TicketListPart),
  () => ({ tickets: useTickets(), ...useTicketShared() }),
);

/**
 * One ticket (工单) as its customer follows it: kind, subject, status, the expected completion,
 * the status timeline, and the proposal with accept / decline while one is waiting. Its code
 * loads when it is shown.
 *
 * @example
 * <TicketTimeline ticket={ticket} />
 */
export const TicketTimeline = lazyPart(
  () => import('./ticket-timeline').then((m) => m.TicketTimelinePart),
  ({ ticket }: { ticket: WireTicket }) => ({ ticket, ...useTicketShared() }),
);

/**
 * Shown when nobody can answer now: the shop is closed (with the next opening time) or no agent
 * is online (留言). Its code loads when it is shown.
 *
 * @example
 * {desk && !desk.acceptingNow && <LeaveMessageNotice status={desk} />}
 */
export const LeaveMessageNotice = lazyPart(
  () => import('./leave-message-notice').then((m) => m.LeaveMessagePart),
  ({ status }: { status: DeskStatus }) => ({ status, i18n: usePartI18n() }),
);

/**
 * The desk's incident banner (应急) in the widget's language: the shop's message and what it
 * means for the customer; nothing in normal operation. Its code loads when an incident starts.
 *
 * @example
 * <IncidentBanner />
 */
export const IncidentBanner = lazyPart(
  () => import('./incident-banner').then((m) => m.IncidentPart),
  () => {
    const incident = useIncident();
    const i18n = usePartI18n();
    const localize = useLocalize();
    return incident ? { incident, i18n, text: localize(incident.message) } : null;
  },
);

/**
 * The greeting bubble over the closed launcher, after its delay, unless dismissed in this tab;
 * its code loads when the delay has passed.
 */
export const LauncherGreeting = lazyPart(
  () => import('./launcher-greeting').then((m) => m.GreetingPart),
  ({ greeting, onOpen }: { greeting: LauncherGreetingOption; onOpen(): void }) => {
    const i18n = usePartI18n();
    const { text, delayMs = 3_000 } = typeof greeting === 'string' ? { text: greeting } : greeting;
    const [shown, setShown] = useState(false);
    useEffect(() => {
      if (recall('g')) return;
      const timer = setTimeout(() => setShown(true), delayMs);
      return () => clearTimeout(timer);
    }, [delayMs]);
    const onDismiss = () => {
      remember('g', true);
      setShown(false);
    };
    return shown ? { text, i18n, onOpen, onDismiss } : null;
  },
);

/**
 * Props of `AttachmentList`.
 *
 * @example
 * const props: AttachmentListProps = { attachments: message.attachments };
 * <AttachmentList {...props} />;
 */
export interface AttachmentListProps {
  attachments: readonly WireAttachment[];
}

/**
 * A message's attachments: photos as previews that open in a lightbox, other files as links
 * that open in a new tab (http(s) only; anything else stays text). Its code loads with the
 * first message that has attachments.
 *
 * @example
 * <AttachmentList attachments={message.attachments} />
 */
export const AttachmentList = lazyPart(
  () => import('./attachment-list').then((m) => m.AttachmentsPart),
  ({ attachments }: AttachmentListProps) => {
    const i18n = usePartI18n();
    if (attachments.length === 0) return null;
    const checked = attachments.map((attachment) => ({
      ...attachment,
      href: safeHref(attachment.url),
    }));
    return { attachments: checked, i18n };
  },
);

/** The files being uploaded, with progress and previews; its code loads with the first file. */
export const Uploads = lazyPart(
  () => import('./uploads').then((m) => m.UploadsPart),
  (props: Omit<UploadsPartProps, 't' | 'client'>) => {
    const i18n = usePartI18n();
    const client = useKefuClient();
    return props.files.length > 0 ? { ...props, i18n, client } : null;
  },
);
