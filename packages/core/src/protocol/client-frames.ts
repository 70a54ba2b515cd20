import { z } from 'zod';
import { PRESENCES } from '../agents/agent';
import { AttachmentSchema, MAX_MESSAGE_TEXT_LENGTH } from '../messages/message';
import { ClientIdSchema, IdSchema, LabelSchema } from '../validation/common-schemas';
import { AGENT_CALL_METHODS, CONVERSATION_ACTIONS } from './protocol-constants';

/** Request ids correlate a client frame with the server's `ack` or `error`. */
export const RequestIdSchema = z.string().min(1).max(64);

/** How a connection says who it is. */
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
export type Credentials = z.infer<typeof CredentialsSchema>;

const MessageContent = {
  text: z.string().max(MAX_MESSAGE_TEXT_LENGTH).default(''),
  attachments: z.array(AttachmentSchema).max(10).default([]),
};

export const HelloFrameSchema = z.object({
  type: z.literal('hello'),
  v: z.number().int().positive(),
  id: RequestIdSchema.optional(),
  auth: CredentialsSchema,
});

export const SubscribeFrameSchema = z.object({
  type: z.literal('subscribe'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
  /** Send every message after this seq first, then live ones (0 = from the start). */
  afterSeq: z.number().int().nonnegative().default(0),
});

export const UnsubscribeFrameSchema = z.object({
  type: z.literal('unsubscribe'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
});

export const StartFrameSchema = z.object({
  type: z.literal('start'),
  id: RequestIdSchema.optional(),
  /** Idempotency key: starting twice with it returns the first conversation. */
  clientId: ClientIdSchema,
  topic: z.string().trim().min(1).max(200).optional(),
  message: z.object(MessageContent).optional(),
});

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

export const TypingFrameSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  typing: z.boolean(),
});

export const ReadFrameSchema = z.object({
  type: z.literal('read'),
  conversationId: IdSchema,
  /** Everything up to this seq has been read. */
  seq: z.number().int().nonnegative(),
});

export const PingFrameSchema = z.object({
  type: z.literal('ping'),
  at: z.number().int().nonnegative().optional(),
});

/**
 * Customers: their conversations, newest first. Agents: their inbox (queued conversations and
 * those assigned to them); the connection then receives a `conversation` frame whenever a
 * conversation enters, changes in or leaves that inbox.
 */
export const InboxFrameSchema = z.object({ type: z.literal('inbox'), id: RequestIdSchema });

/** Whether the shop is open and anyone can answer now (else offer "leave a message"). */
export const StatusFrameSchema = z.object({ type: z.literal('status'), id: RequestIdSchema });

/** Agents: move a conversation (take it, resolve it, transfer it…). */
export const ActFrameSchema = z
  .object({
    type: z.literal('act'),
    id: RequestIdSchema,
    conversationId: IdSchema,
    action: z.enum(CONVERSATION_ACTIONS),
    /** `transfer`: another agent, or `null` back to the queue. */
    toAgentId: IdSchema.nullable().optional(),
    /** `transfer` to the queue of this team. */
    toTeam: LabelSchema.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    /** `transfer`: an internal note for whoever takes over. */
    note: z.string().trim().min(1).max(MAX_MESSAGE_TEXT_LENGTH).optional(),
  })
  .refine((frame) => frame.action !== 'transfer' || frame.toAgentId !== undefined, {
    message: 'a transfer names toAgentId (an agent id, or null for the queue)',
    path: ['toAgentId'],
  });

/** Agents: take the first queued conversation they qualify for (抢单). */
export const ClaimNextFrameSchema = z.object({
  type: z.literal('claim_next'),
  id: RequestIdSchema,
});

/** Agents: online, away or offline. */
export const PresenceFrameSchema = z.object({
  type: z.literal('presence'),
  id: RequestIdSchema.optional(),
  presence: z.enum(PRESENCES),
});

/** Agents: one allow-listed desk call (tickets, customer profile, order lookup, knowledge…). */
export const CallFrameSchema = z.object({
  type: z.literal('call'),
  id: RequestIdSchema,
  method: z.enum(AGENT_CALL_METHODS),
  input: z.record(z.string(), z.unknown()).default({}),
});

/** Customers: answer the satisfaction survey of their conversation or ticket, once. */
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

/** Agents: the live desk (queue, waits, agents, SLA risk) now and, as `metrics` frames, as it moves. */
export const WatchMetricsFrameSchema = z.object({
  type: z.literal('watch_metrics'),
  id: RequestIdSchema,
});

/** Customers: their tickets as they may see them; updates then arrive as `ticket` frames. */
export const TicketsFrameSchema = z.object({ type: z.literal('tickets'), id: RequestIdSchema });

/** Customers: accept or reject the resolution proposed on their ticket. */
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

/** Every frame a client may send. */
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
]);

/** A frame as a client writes it (defaults may be left out). */
export type ClientFrame = z.input<typeof ClientFrameSchema>;
/** A frame as the gateway reads it, defaults filled in. */
export type ParsedClientFrame = z.output<typeof ClientFrameSchema>;
export type HelloFrame = z.input<typeof HelloFrameSchema>;
export type SubscribeFrame = z.input<typeof SubscribeFrameSchema>;
export type StartFrame = z.input<typeof StartFrameSchema>;
export type SendFrame = z.input<typeof SendFrameSchema>;
