import { z } from 'zod';
import { KEFU_ERROR_CODES } from '../errors/kefu-error';
import { INCIDENT_MODES, IncidentMessageSchema } from '../incidents/incident';
import { AttachmentSchema, AuthorSchema } from '../messages/message';
import { SLA_TARGETS } from '../sla/sla-policy';
import { SURVEY_KINDS, SurveyQuestionSchema } from '../surveys/survey';
import { ResolutionSchema, TICKET_STATUSES, type Ticket } from '../tickets/ticket';
import { ClientIdSchema, IdSchema, InstantSchema } from '../validation/common-schemas';
import { RequestIdSchema } from './client-frames';

/** A message as a connection sees it. Customer connections never receive internal notes. */
export const WireMessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  seq: z.number().int().positive(),
  author: AuthorSchema,
  /** The agent's display name (e.g. 王客服), when the gateway knows it. */
  authorName: z.string().optional(),
  text: z.string(),
  attachments: z.array(AttachmentSchema),
  internal: z.boolean(),
  clientId: ClientIdSchema.nullable(),
  createdAt: InstantSchema,
  /**
   * Agent connections: spans of `text` masked as personal data (`*` in place of the value);
   * `desk.privacy.reveal` (the `privacy.reveal` call) shows one, audited.
   */
  masked: z
    .array(
      z.object({
        index: z.number().int().nonnegative(),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        kind: z.string(),
      }),
    )
    .optional(),
});
export type WireMessage = z.infer<typeof WireMessageSchema>;

/** What agent connections see of a conversation besides the customer's fields. */
export const WireConversationDetailsSchema = z.object({
  channel: z.string(),
  priority: z.string(),
  tags: z.array(z.string()),
  skills: z.array(z.string()),
  team: z.string().nullable(),
  queuedAt: InstantSchema.nullable(),
  leftMessage: z.boolean(),
  /** The earliest running SLA deadline (first response or next response), if any. */
  dueAt: InstantSchema.nullable(),
  /** A running SLA clock is past its warning or its deadline. */
  slaState: z.enum(['ok', 'at_risk', 'breached']),
  /**
   * The clock behind `dueAt`: its target (first response, next response, resolution), its budget,
   * and whether it counts business hours only (closed hours excluded). Absent from older gateways.
   */
  dueClock: z
    .object({
      target: z.enum(SLA_TARGETS),
      budgetMs: z.number().int().nonnegative(),
      hours: z.enum(['business', 'calendar']),
    })
    .nullable()
    .optional(),
});
export type WireConversationDetails = z.infer<typeof WireConversationDetailsSchema>;

/**
 * A conversation as a connection sees it: the fields a customer may know. Agent-only fields
 * (tags, skills, team, SLA clocks, priority) are sent to agent connections only, in `details`.
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
  details: WireConversationDetailsSchema.optional(),
});
export type WireConversation = z.infer<typeof WireConversationSchema>;

/** A satisfaction survey as the customer answers it. */
export const WireSurveySchema = z.object({
  id: IdSchema,
  kind: z.enum(SURVEY_KINDS),
  conversationId: IdSchema.nullable(),
  ticketId: IdSchema.nullable(),
  status: z.enum(['scheduled', 'sent', 'answered', 'expired']),
  questions: z.array(SurveyQuestionSchema),
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  answers: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  score: z.number().nullable(),
  expiresAt: InstantSchema.nullable(),
});
export type WireSurvey = z.infer<typeof WireSurveySchema>;

/** A ticket (工单) as its customer sees it: a status timeline, never internal notes or fields. */
export const WireTicketSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  orderRef: z.string().nullable(),
  proposal: ResolutionSchema.nullable(),
  resolution: ResolutionSchema.nullable(),
  expectedCompletionAt: InstantSchema.nullable(),
  timeline: z.array(
    z.object({
      at: InstantSchema,
      action: z.string(),
      status: z.enum(TICKET_STATUSES),
      text: z.string().nullable(),
    }),
  ),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type WireTicket = z.infer<typeof WireTicketSchema>;

/** Whether anyone can answer now: drives "leave a message" in the widget. */
export const DeskStatusSchema = z.object({
  /** Inside business hours (always true without business hours). */
  open: z.boolean(),
  /** When the shop opens next, while closed. */
  nextOpeningAt: InstantSchema.nullable(),
  agentsOnline: z.number().int().nonnegative(),
  /** Someone online has room for a new conversation. */
  acceptingNow: z.boolean(),
});
export type DeskStatus = z.infer<typeof DeskStatusSchema>;

/** The desk right now (the desk's `LiveSnapshot`), for wallboards and agent consoles. */
export const LiveMetricsSchema = z.object({
  at: InstantSchema,
  queueLength: z.number().int().nonnegative(),
  longestWaitMs: z.number().nonnegative(),
  agentsOnline: z.number().int().nonnegative(),
  agentsBusy: z.number().int().nonnegative(),
  slaAtRisk: z.number().int().nonnegative(),
  slaBreached: z.number().int().nonnegative(),
});
export type LiveMetrics = z.infer<typeof LiveMetricsSchema>;

/** An incident (应急) as every connection sees it: the banner and how the desk takes new work. */
export const WireIncidentSchema = z.object({
  id: IdSchema,
  mode: z.enum(INCIDENT_MODES),
  /** The banner, in both languages; the widget shows the one of its locale. */
  message: IncidentMessageSchema,
  startedAt: InstantSchema,
});
export type WireIncident = z.infer<typeof WireIncidentSchema>;

/**
 * The desk entered or left incident mode (`incident: null`). Sent to every connection after
 * `welcome` while an incident is active, and to all connections when it starts or ends.
 */
export const IncidentFrameSchema = z.object({
  type: z.literal('incident'),
  incident: WireIncidentSchema.nullable(),
});

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
  conversations: z.array(WireConversationSchema).optional(),
  survey: WireSurveySchema.optional(),
  ticket: WireTicketSchema.optional(),
  tickets: z.array(WireTicketSchema).optional(),
  status: DeskStatusSchema.optional(),
  metrics: LiveMetricsSchema.optional(),
  /** The answer to a `call` (JSON; its shape is the desk method's return value). */
  result: z.unknown().optional(),
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

/** A conversation's place in the queue changed (sent to its subscribers while it waits). */
export const QueueFrameSchema = z.object({
  type: z.literal('queue'),
  conversationId: IdSchema,
  /** 1 = next; null once it has left the queue. */
  position: z.number().int().positive().nullable(),
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
});

/** A survey of a subscribed conversation (or of the customer's ticket) was sent, answered or expired. */
export const SurveyFrameSchema = z.object({ type: z.literal('survey'), survey: WireSurveySchema });

/** One of the customer's tickets changed (after a `tickets` request). */
export const TicketFrameSchema = z.object({ type: z.literal('ticket'), ticket: WireTicketSchema });

/**
 * A ticket linked to a conversation this agent connection is subscribed to changed: the whole
 * ticket, internal notes and fields included (agent connections only), with personal data masked
 * as `desk.privacy.maskTicket` does (its `masked` list names the fields `privacy.reveal` opens).
 */
export const AgentTicketFrameSchema = z.object({
  type: z.literal('agent_ticket'),
  ticket: z.custom<Ticket>((value) => typeof value === 'object' && value !== null),
});

/** The live desk moved (after `watch_metrics`; at most about once a second). */
export const MetricsFrameSchema = z.object({
  type: z.literal('metrics'),
  metrics: LiveMetricsSchema,
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
  QueueFrameSchema,
  SurveyFrameSchema,
  TicketFrameSchema,
  AgentTicketFrameSchema,
  MetricsFrameSchema,
  IncidentFrameSchema,
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;
export type IncidentFrame = z.infer<typeof IncidentFrameSchema>;
