import { z } from 'zod';
import { AttachmentSchema, MAX_MESSAGE_TEXT_LENGTH } from '../message/message';
import { ClientIdSchema, IdSchema } from '../validation/common-schemas';

/** The protocol version this build speaks. A gateway refuses a `hello` with another major. */
export const PROTOCOL_VERSION = 1;

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
]);

/** A frame as a client writes it (defaults may be left out). */
export type ClientFrame = z.input<typeof ClientFrameSchema>;
/** A frame as the gateway reads it, defaults filled in. */
export type ParsedClientFrame = z.output<typeof ClientFrameSchema>;
export type HelloFrame = z.input<typeof HelloFrameSchema>;
export type SubscribeFrame = z.input<typeof SubscribeFrameSchema>;
export type StartFrame = z.input<typeof StartFrameSchema>;
export type SendFrame = z.input<typeof SendFrameSchema>;
