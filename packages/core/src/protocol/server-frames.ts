import { z } from 'zod';
import { KEFU_ERROR_CODES } from '../errors/kefu-error';
import { AttachmentSchema, AuthorSchema } from '../message/message';
import { ClientIdSchema, IdSchema, InstantSchema } from '../validation/common-schemas';
import { RequestIdSchema } from './client-frames';

/** A message as a connection sees it. Customer connections never receive internal notes. */
export const WireMessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  seq: z.number().int().positive(),
  author: AuthorSchema,
  text: z.string(),
  attachments: z.array(AttachmentSchema),
  internal: z.boolean(),
  clientId: ClientIdSchema.nullable(),
  createdAt: InstantSchema,
});
export type WireMessage = z.infer<typeof WireMessageSchema>;

/**
 * A conversation as a connection sees it: the fields a customer may know. Agent-only fields
 * (tags, skills, team, SLA clocks, priority) are left out for everyone on the wire; agent consoles
 * read them from the desk.
 */
export const WireConversationSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  clientId: ClientIdSchema.nullable(),
  status: z.string(),
  topic: z.string().nullable(),
  assigneeId: IdSchema.nullable(),
  lastSeq: z.number().int().nonnegative(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type WireConversation = z.infer<typeof WireConversationSchema>;

export const SessionSchema = z.object({
  role: z.enum(['customer', 'visitor', 'agent']),
  /** The customer id (visitors get one too) or the agent id. */
  id: IdSchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const WelcomeFrameSchema = z.object({
  type: z.literal('welcome'),
  v: z.number().int().positive(),
  id: RequestIdSchema.optional(),
  session: SessionSchema,
  /** Send a `ping` at least this often; the gateway drops connections silent for twice as long. */
  heartbeatMs: z.number().int().positive(),
  /** For visitors: keep it (e.g. in localStorage) and present it next time to stay the same visitor. */
  visitorToken: z.string().optional(),
});

export const AckFrameSchema = z.object({
  type: z.literal('ack'),
  id: RequestIdSchema,
  message: WireMessageSchema.optional(),
  conversation: WireConversationSchema.optional(),
});

export const MessageFrameSchema = z.object({
  type: z.literal('message'),
  message: WireMessageSchema,
});

export const ConversationFrameSchema = z.object({
  type: z.literal('conversation'),
  conversation: WireConversationSchema,
});

/** Sent after the backlog of a `subscribe`: every message up to `lastSeq` has been sent. */
export const SyncedFrameSchema = z.object({
  type: z.literal('synced'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
  lastSeq: z.number().int().nonnegative(),
});

export const PeerTypingFrameSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  author: AuthorSchema,
  typing: z.boolean(),
});

export const PeerReadFrameSchema = z.object({
  type: z.literal('read'),
  conversationId: IdSchema,
  author: AuthorSchema,
  seq: z.number().int().nonnegative(),
});

export const PongFrameSchema = z.object({
  type: z.literal('pong'),
  at: z.number().int().nonnegative().optional(),
});

export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  /** The request this answers, when the failing frame had an id. */
  id: RequestIdSchema.optional(),
  code: z.enum(KEFU_ERROR_CODES),
  message: z.string(),
  /** After this many ms a rate-limited request may be retried. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});

/** Every frame a gateway may send. */
export const ServerFrameSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  AckFrameSchema,
  MessageFrameSchema,
  ConversationFrameSchema,
  SyncedFrameSchema,
  PeerTypingFrameSchema,
  PeerReadFrameSchema,
  PongFrameSchema,
  ErrorFrameSchema,
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;
