import { z } from 'zod';
import { AttachmentSchema, MAX_MESSAGE_TEXT_LENGTH } from '../messages/message';
import { ClientIdSchema, IdSchema, LabelSchema } from '../validation/common-schemas';
import {
  ActFrameSchema,
  CallFrameSchema,
  ClaimNextFrameSchema,
  PresenceFrameSchema,
  WatchMetricsFrameSchema,
  WatchSupervisionFrameSchema,
} from './agent-frames';
import { RequestIdSchema } from './request-id';

/**
 * How a connection says who it is.
 *
 * @example
 * ```ts
 * const auth = CredentialsSchema.parse({ kind: 'customer', customerId: 'cus_lin', signature });
 * ```
 */
export const CredentialsSchema = z.discriminatedUnion('kind', [
  /** A shop customer; `signature` is HMAC-SHA256(customerId, secret) in hex, made by the shop. */
  z.object({
    kind: z.literal('customer'),
    customerId: IdSchema,
    signature: z.string().max(256).optional(),
  }),
  /** An anonymous visitor; without a token the gateway issues one (when visitors are enabled). */
  z.object({ kind: z.literal('visitor'), token: z.string().max(512).optional() }),
  /** An agent; the token goes to the gateway's `authenticate` function. */
  z.object({ kind: z.literal('agent'), token: z.string().min(1).max(4096) }),
]);

/**
 * The value {@link CredentialsSchema} parses to.
 *
 * @example
 * ```ts
 * const asAgent = (token: string): Credentials => ({ kind: 'agent', token });
 * ```
 */
export type Credentials = z.infer<typeof CredentialsSchema>;

const MessageContent = {
  text: z.string().max(MAX_MESSAGE_TEXT_LENGTH).default(''),
  attachments: z.array(AttachmentSchema).max(10).default([]),
};

/**
 * The first frame on a connection: the protocol version and who is connecting.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(HelloFrameSchema.parse({ type: 'hello', v: PROTOCOL_VERSION, auth: { kind: 'visitor' } })));
 * ```
 */
export const HelloFrameSchema = z.object({
  type: z.literal('hello'),
  v: z.number().int().positive(),
  id: RequestIdSchema.optional(),
  auth: CredentialsSchema,
});

/**
 * Follow a conversation: the backlog after `afterSeq`, then `synced`, then live messages.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(SubscribeFrameSchema.parse({ type: 'subscribe', conversationId, afterSeq: lastSeenSeq })));
 * ```
 */
export const SubscribeFrameSchema = z.object({
  type: z.literal('subscribe'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
  /** Send every message after this seq first, then live ones (0 = from the start). */
  afterSeq: z.number().int().nonnegative().default(0),
});

/**
 * Stop following a conversation.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(UnsubscribeFrameSchema.parse({ type: 'unsubscribe', conversationId })));
 * ```
 */
export const UnsubscribeFrameSchema = z.object({
  type: z.literal('unsubscribe'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
});

/**
 * Customers: start a conversation, optionally with its first message.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(StartFrameSchema.parse({
 *   type: 'start',
 *   id: 'r1',
 *   clientId: nanoid(),
 *   message: { text: '我的巧克力化了' },
 * })));
 * ```
 */
export const StartFrameSchema = z.object({
  type: z.literal('start'),
  id: RequestIdSchema.optional(),
  /** Idempotency key: starting twice with it returns the first conversation. */
  clientId: ClientIdSchema,
  topic: z.string().trim().min(1).max(200).optional(),
  message: z.object(MessageContent).optional(),
});

/**
 * Post a message (agents may mark it `internal`); `clientId` makes a resend harmless.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(SendFrameSchema.parse({ type: 'send', id: 'r2', conversationId, clientId: nanoid(), text: '好的，谢谢' })));
 * ```
 */
export const SendFrameSchema = z.object({
  type: z.literal('send'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
  /** Idempotency key: a resend after a reconnect stores nothing new. */
  clientId: ClientIdSchema,
  ...MessageContent,
  /** Agents only: an internal note (内部备注), never sent to the customer. */
  internal: z.boolean().default(false),
});

/**
 * Tell the other side that you started or stopped typing.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(TypingFrameSchema.parse({ type: 'typing', conversationId, typing: true })));
 * ```
 */
export const TypingFrameSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  typing: z.boolean(),
});

/**
 * A read receipt: everything up to `seq` has been read.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(ReadFrameSchema.parse({ type: 'read', conversationId, seq: lastVisibleSeq })));
 * ```
 */
export const ReadFrameSchema = z.object({
  type: z.literal('read'),
  conversationId: IdSchema,
  /** Everything up to this seq has been read. */
  seq: z.number().int().nonnegative(),
});

/**
 * A heartbeat; the gateway answers with `pong`.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(PingFrameSchema.parse({ type: 'ping', at: Date.now() })));
 * ```
 */
export const PingFrameSchema = z.object({
  type: z.literal('ping'),
  at: z.number().int().nonnegative().optional(),
});

/**
 * Customers: their conversations, newest first. Agents: their inbox (queued conversations and
 * those assigned to them); the connection then receives a `conversation` frame whenever a
 * conversation enters, changes in or leaves that inbox.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(InboxFrameSchema.parse({ type: 'inbox', id: 'r3' })));
 * ```
 */
export const InboxFrameSchema = z.object({ type: z.literal('inbox'), id: RequestIdSchema });

/**
 * Whether the shop is open and anyone can answer now (else offer "leave a message").
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(StatusFrameSchema.parse({ type: 'status', id: 'r4' })));
 * ```
 */
export const StatusFrameSchema = z.object({ type: z.literal('status'), id: RequestIdSchema });

/**
 * Customers: answer the satisfaction survey of their conversation or ticket, once.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(RateFrameSchema.parse({ type: 'rate', id: 'r8', conversationId, answers: { csat: 5 }, comment: '很快就解决了' })));
 * ```
 */
export const RateFrameSchema = z
  .object({
    type: z.literal('rate'),
    id: RequestIdSchema,
    conversationId: IdSchema.optional(),
    ticketId: IdSchema.optional(),
    /** Question id → score on the survey's scale. */
    answers: z.record(z.string().max(32), z.number().int()),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((frame) => (frame.conversationId === undefined) !== (frame.ticketId === undefined), {
    message: 'name either a conversationId or a ticketId',
    path: ['conversationId'],
  });

/**
 * Customers: their tickets as they may see them; updates then arrive as `ticket` frames.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(TicketsFrameSchema.parse({ type: 'tickets', id: 'r10' })));
 * ```
 */
export const TicketsFrameSchema = z.object({ type: z.literal('tickets'), id: RequestIdSchema });

/**
 * Customers: accept or reject the resolution proposed on their ticket.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(TicketReplyFrameSchema.parse({ type: 'ticket_reply', id: 'r11', ticketId, accept: true })));
 * ```
 */
export const TicketReplyFrameSchema = z.object({
  type: z.literal('ticket_reply'),
  id: RequestIdSchema,
  ticketId: IdSchema,
  accept: z.boolean(),
  message: z.string().trim().min(1).max(2000).optional(),
});

/**
 * Customers: a line on their own ticket, with evidence (uploaded photos) if any.
 *
 * @example
 * socket.send(encodeFrame({ type: 'ticket_note', id: 'n1', ticketId, text: '盒子照片', attachments: [attachment] }));
 */
export const TicketNoteFrameSchema = z.object({
  type: z.literal('ticket_note'),
  id: RequestIdSchema,
  ticketId: IdSchema,
  text: z.string().trim().min(1).max(2000),
  attachments: z.array(AttachmentSchema).max(10).default([]),
});

/**
 * Every frame a client may send.
 *
 * @example
 * ```ts
 * const result = ClientFrameSchema.safeParse(JSON.parse(text));
 * if (!result.success) console.warn(result.error.issues[0]?.message);
 * ```
 */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  HelloFrameSchema,
  SubscribeFrameSchema,
  UnsubscribeFrameSchema,
  StartFrameSchema,
  SendFrameSchema,
  TypingFrameSchema,
  ReadFrameSchema,
  PingFrameSchema,
  InboxFrameSchema,
  StatusFrameSchema,
  ActFrameSchema,
  ClaimNextFrameSchema,
  PresenceFrameSchema,
  CallFrameSchema,
  RateFrameSchema,
  TicketsFrameSchema,
  TicketReplyFrameSchema,
  TicketNoteFrameSchema,
  WatchMetricsFrameSchema,
  WatchSupervisionFrameSchema,
]);

/**
 * A frame as a client writes it (defaults may be left out).
 *
 * @example
 * ```ts
 * const frames: ClientFrame[] = [
 *   { type: 'subscribe', conversationId },
 *   { type: 'read', conversationId, seq: 12 },
 * ];
 * ```
 */
export type ClientFrame = z.input<typeof ClientFrameSchema>;
/**
 * A frame as the gateway reads it, defaults filled in.
 *
 * @example
 * ```ts
 * function route(frame: ParsedClientFrame) {
 *   if (frame.type === 'send') return postMessage(frame.conversationId, frame.text, frame.internal);
 * }
 * ```
 */
export type ParsedClientFrame = z.output<typeof ClientFrameSchema>;

/**
 * A `hello` frame as a client writes it.
 *
 * @example
 * ```ts
 * const hello: HelloFrame = { type: 'hello', v: PROTOCOL_VERSION, auth: { kind: 'agent', token } };
 * ```
 */
export type HelloFrame = z.input<typeof HelloFrameSchema>;

/**
 * A `subscribe` frame as a client writes it (`afterSeq` defaults to 0).
 *
 * @example
 * ```ts
 * const follow: SubscribeFrame = { type: 'subscribe', conversationId, afterSeq: 40 };
 * ```
 */
export type SubscribeFrame = z.input<typeof SubscribeFrameSchema>;

/**
 * A `start` frame as a client writes it.
 *
 * @example
 * ```ts
 * const start: StartFrame = { type: 'start', clientId: nanoid(), topic: '物流' };
 * ```
 */
export type StartFrame = z.input<typeof StartFrameSchema>;

/**
 * A `send` frame as a client writes it (`text`, `attachments` and `internal` have defaults).
 *
 * @example
 * ```ts
 * const note: SendFrame = { type: 'send', conversationId, clientId: nanoid(), text: '已催仓库', internal: true };
 * ```
 */
export type SendFrame = z.input<typeof SendFrameSchema>;
