import { z } from 'zod';
import { KEFU_ERROR_CODES } from '../errors/kefu-error';
import { AuthorSchema } from '../messages/message';
import type { Ticket } from '../tickets/ticket';
import { IdSchema } from '../validation/common-schemas';
import { RequestIdSchema } from './request-id';
import {
  DeskStatusSchema,
  LiveMetricsSchema,
  WireConversationSchema,
  WireIncidentSchema,
  WireLiveConversationSchema,
  WireMessageSchema,
  WireSurveySchema,
  WireTicketSchema,
} from './wire-records';

/**
 * A row of the supervisor live view changed (after `watch_supervision`): `row` is the new row,
 * or `null` when the conversation left the view (resolved, closed, abandoned, or out of scope).
 *
 * @example
 * const frame = SupervisionFrameSchema.parse({ type: 'supervision', conversationId, row: null });
 */
export const SupervisionFrameSchema = z.object({
  type: z.literal('supervision'),
  conversationId: IdSchema,
  row: WireLiveConversationSchema.nullable(),
});

/**
 * The live view stopped for this connection (after `watch_supervision`): the agent may no longer
 * watch it (`reason: 'role'`: demoted from supervisor, or the shop's `authorizeCall` now refuses
 * `supervision.live`). No more `supervision` frames follow; the client drops its rows and does not
 * ask again on reconnect.
 *
 * @example
 * const frame = SupervisionEndedFrameSchema.parse({ type: 'supervision_ended', reason: 'role' });
 */
export const SupervisionEndedFrameSchema = z.object({
  type: z.literal('supervision_ended'),
  reason: z.enum(['role']),
});

/**
 * The desk entered or left incident mode (`incident: null`). Sent to every connection after
 * `welcome` while an incident is active, and to all connections when it starts or ends.
 *
 * @example
 * ```ts
 * const frame = IncidentFrameSchema.parse(JSON.parse(text));
 * if (frame.incident) banner.show(frame.incident.message.en);
 * else banner.hide();
 * ```
 */
export const IncidentFrameSchema = z.object({
  type: z.literal('incident'),
  incident: WireIncidentSchema.nullable(),
});

/**
 * Who a connection is, as the gateway told it in `welcome`: a customer, visitor or agent and its id.
 *
 * @example
 * ```ts
 * const session = SessionSchema.parse({ role: 'agent', id: 'agent_wang' });
 * ```
 */
export const SessionSchema = z.object({
  role: z.enum(['customer', 'visitor', 'agent']),
  /** The customer id (visitors get one too) or the agent id. */
  id: IdSchema,
});

/**
 * Who a connection is: its role and its customer or agent id.
 *
 * @example
 * ```ts
 * const isAgent = (session: Session) => session.role === 'agent';
 * ```
 */
export type Session = z.infer<typeof SessionSchema>;

/**
 * The first frame after a `hello`: the protocol version, the session and the heartbeat interval.
 *
 * @example
 * ```ts
 * const frame = WelcomeFrameSchema.parse(JSON.parse(text));
 * if (frame.visitorToken) localStorage.setItem('kefu.visitor', frame.visitorToken);
 * setInterval(() => socket.send('{"type":"ping"}'), frame.heartbeatMs);
 * ```
 */
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

/**
 * The answer to a request with an id: the stored message, conversation, ticket or call result.
 *
 * @example
 * ```ts
 * const frame = AckFrameSchema.parse(JSON.parse(text));
 * pending.get(frame.id)?.resolve(frame.message ?? frame.result);
 * ```
 */
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
  /** The supervisor live view, after `watch_supervision`. */
  supervision: z.array(WireLiveConversationSchema).optional(),
  /** The answer to a `call` (JSON; its shape is the desk method's return value). */
  result: z.unknown().optional(),
});

/**
 * A new message in a subscribed conversation.
 *
 * @example
 * ```ts
 * const frame = MessageFrameSchema.parse(JSON.parse(text));
 * thread.append(frame.message);
 * ```
 */
export const MessageFrameSchema = z.object({
  type: z.literal('message'),
  message: WireMessageSchema,
});

/**
 * A subscribed conversation (or one in an agent's inbox) changed: its status, assignee or details.
 *
 * @example
 * ```ts
 * const frame = ConversationFrameSchema.parse(JSON.parse(text));
 * inbox.upsert(frame.conversation);
 * ```
 */
export const ConversationFrameSchema = z.object({
  type: z.literal('conversation'),
  conversation: WireConversationSchema,
});

/**
 * Sent after the backlog of a `subscribe`: every message up to `lastSeq` has been sent.
 *
 * @example
 * ```ts
 * const frame = SyncedFrameSchema.parse(JSON.parse(text));
 * markCaughtUp(frame.conversationId, frame.lastSeq);
 * ```
 */
export const SyncedFrameSchema = z.object({
  type: z.literal('synced'),
  id: RequestIdSchema.optional(),
  conversationId: IdSchema,
  lastSeq: z.number().int().nonnegative(),
});

/**
 * The other side of a conversation started or stopped typing.
 *
 * @example
 * ```ts
 * const frame = PeerTypingFrameSchema.parse(JSON.parse(text));
 * if (frame.author.kind === 'agent') typingIndicator.toggle(frame.typing);
 * ```
 */
export const PeerTypingFrameSchema = z.object({
  type: z.literal('typing'),
  conversationId: IdSchema,
  author: AuthorSchema,
  typing: z.boolean(),
});

/**
 * The other side read the conversation up to `seq`.
 *
 * @example
 * ```ts
 * const frame = PeerReadFrameSchema.parse(JSON.parse(text));
 * receipts.markReadUpTo(frame.conversationId, frame.seq);
 * ```
 */
export const PeerReadFrameSchema = z.object({
  type: z.literal('read'),
  conversationId: IdSchema,
  author: AuthorSchema,
  seq: z.number().int().nonnegative(),
});

/**
 * A conversation's place in the queue changed (sent to its subscribers while it waits).
 *
 * @example
 * ```ts
 * const frame = QueueFrameSchema.parse(JSON.parse(text));
 * queueStatus.show(frame.position, frame.estimatedWaitMs);
 * ```
 */
export const QueueFrameSchema = z.object({
  type: z.literal('queue'),
  conversationId: IdSchema,
  /** 1 = next; null once it has left the queue. */
  position: z.number().int().positive().nullable(),
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
});

/**
 * A survey of a subscribed conversation (or of the customer's ticket) was sent, answered or expired.
 *
 * @example
 * ```ts
 * const frame = SurveyFrameSchema.parse(JSON.parse(text));
 * if (frame.survey.status === 'sent') openSurvey(frame.survey);
 * ```
 */
export const SurveyFrameSchema = z.object({ type: z.literal('survey'), survey: WireSurveySchema });

/**
 * One of the customer's tickets changed (after a `tickets` request).
 *
 * @example
 * ```ts
 * const frame = TicketFrameSchema.parse(JSON.parse(text));
 * tickets.set(frame.ticket.id, frame.ticket);
 * ```
 */
export const TicketFrameSchema = z.object({ type: z.literal('ticket'), ticket: WireTicketSchema });

/**
 * A ticket linked to a conversation this agent connection is subscribed to changed: the whole
 * ticket, internal notes and fields included (agent connections only), with personal data masked
 * as `desk.privacy.maskTicket` does (its `masked` list names the fields `privacy.reveal` opens).
 *
 * @example
 * ```ts
 * const frame = AgentTicketFrameSchema.parse(JSON.parse(text));
 * ticketPanel.update(frame.ticket.id, frame.ticket);
 * ```
 */
export const AgentTicketFrameSchema = z.object({
  type: z.literal('agent_ticket'),
  ticket: z.custom<Ticket>((value) => typeof value === 'object' && value !== null),
});

/**
 * The live desk moved (after `watch_metrics`; at most about once a second).
 *
 * @example
 * ```ts
 * const frame = MetricsFrameSchema.parse(JSON.parse(text));
 * wallboard.render(frame.metrics);
 * ```
 */
export const MetricsFrameSchema = z.object({
  type: z.literal('metrics'),
  metrics: LiveMetricsSchema,
});

/**
 * The answer to a `ping`, with the gateway's time in ms.
 *
 * @example
 * ```ts
 * const frame = PongFrameSchema.parse(JSON.parse(text));
 * lastPongAt = frame.at ?? Date.now();
 * ```
 */
export const PongFrameSchema = z.object({
  type: z.literal('pong'),
  at: z.number().int().nonnegative().optional(),
});

/**
 * A refused frame: a typed error code (see `KEFU_ERROR_CODES`), the request it answers and when to retry.
 *
 * @example
 * ```ts
 * const frame = ErrorFrameSchema.parse(JSON.parse(text));
 * if (frame.code === 'RATE_LIMITED') retryLater(frame.id, frame.retryAfterMs);
 * ```
 */
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  /** The request this answers, when the failing frame had an id. */
  id: RequestIdSchema.optional(),
  code: z.enum(KEFU_ERROR_CODES),
  message: z.string(),
  /** After this many ms a rate-limited request may be retried. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});

/**
 * Every frame a gateway may send.
 *
 * @example
 * ```ts
 * const result = ServerFrameSchema.safeParse(JSON.parse(event.data));
 * if (result.success && result.data.type === 'message') thread.append(result.data.message);
 * ```
 */
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
  SupervisionFrameSchema,
  SupervisionEndedFrameSchema,
]);

/**
 * The value {@link ServerFrameSchema} parses to.
 *
 * @example
 * ```ts
 * function handle(frame: ServerFrame) {
 *   if (frame.type === 'message') thread.append(frame.message);
 *   else if (frame.type === 'error') console.warn(frame.code, frame.message);
 * }
 * ```
 */
export type ServerFrame = z.infer<typeof ServerFrameSchema>;

/**
 * A refused frame, as `ErrorFrameSchema` parses it.
 *
 * @example
 * ```ts
 * const retryable = (frame: ErrorFrame) => frame.code === 'RATE_LIMITED' || frame.code === 'UNAVAILABLE';
 * ```
 */
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;

/**
 * The first frame of a session, as `WelcomeFrameSchema` parses it.
 *
 * @example
 * ```ts
 * const onWelcome = (frame: WelcomeFrame) => console.log(frame.session.role, frame.session.id);
 * ```
 */
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;

/**
 * An incident started or ended, as `IncidentFrameSchema` parses it.
 *
 * @example
 * ```ts
 * const active = (frame: IncidentFrame) => frame.incident !== null;
 * ```
 */
export type IncidentFrame = z.infer<typeof IncidentFrameSchema>;
/**
 * A `supervision` frame: one live-view row changed or left.
 *
 * @example
 * const onFrame = (frame: SupervisionFrame) => (frame.row ? upsert(frame.row) : remove(frame.conversationId));
 */
export type SupervisionFrame = z.infer<typeof SupervisionFrameSchema>;
/**
 * A `supervision_ended` frame: the live view stopped for this connection.
 *
 * @example
 * const onEnded = (frame: SupervisionEndedFrame) => console.warn('live view ended:', frame.reason);
 */
export type SupervisionEndedFrame = z.infer<typeof SupervisionEndedFrameSchema>;
