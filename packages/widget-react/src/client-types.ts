import type { ClientMessage, KefuClient } from '@kefu/client';

// Derived from the client's own signatures, so the widget follows whatever the client returns.

/** Whether anyone can answer now, and when the shop opens next. */
export type DeskStatus = Awaited<ReturnType<KefuClient['deskStatus']>>;
/** A conversation as the gateway sends it. */
export type WireConversation = Awaited<ReturnType<KefuClient['startConversation']>>;
/** A satisfaction survey of a conversation. */
export type WireSurvey = Awaited<ReturnType<KefuClient['rate']>>;
/** A ticket (工单) as the customer sees it. */
export type WireTicket = Awaited<ReturnType<KefuClient['respondToTicket']>>;
/** A file attached to a message (a reference the shop stored elsewhere). */
export type WireAttachment = ClientMessage['attachments'][number];
