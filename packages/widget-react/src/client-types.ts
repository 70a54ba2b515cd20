import type { ClientMessage, KefuClient } from '@kefu/client';

// Derived from the client's own signatures, so the widget follows whatever the client returns.

/**
 * Whether anyone can answer now, and when the shop opens next.
 *
 * @example
 * const status: DeskStatus = await client.deskStatus();
 * if (!status.acceptingNow) showLeaveAMessage();
 */
export type DeskStatus = Awaited<ReturnType<KefuClient['deskStatus']>>;
/**
 * A conversation as the gateway sends it.
 *
 * @example
 * const conversation: WireConversation = await client.startConversation({ topic: 'delivery' });
 * console.log(conversation.id, conversation.status);
 */
export type WireConversation = Awaited<ReturnType<KefuClient['startConversation']>>;
/**
 * A satisfaction survey of a conversation.
 *
 * @example
 * const survey: WireSurvey | null = view.survey;
 * if (survey) await client.rate(survey.id, 5);
 */
export type WireSurvey = Awaited<ReturnType<KefuClient['rate']>>;
/**
 * A ticket (工单) as the customer sees it.
 *
 * @example
 * const tickets: WireTicket[] = await client.loadTickets();
 * const open = tickets.filter((ticket) => ticket.status !== 'closed');
 */
export type WireTicket = Awaited<ReturnType<KefuClient['respondToTicket']>>;
/**
 * A file attached to a message (a reference the shop stored elsewhere).
 *
 * @example
 * const attachment: WireAttachment = message.attachments[0];
 * <SafeLink href={attachment.url}>{attachment.name}</SafeLink>;
 */
export type WireAttachment = ClientMessage['attachments'][number];
