import { z } from 'zod';
import { KEFU_ERROR_CODES } from '../errors/kefu-error';
import { INCIDENT_MODES, IncidentMessageSchema } from '../incidents/incident';
import { AttachmentSchema, AuthorSchema } from '../messages/message';
import { SLA_TARGETS } from '../sla/sla-policy';
import { SURVEY_KINDS, SurveyQuestionSchema } from '../surveys/survey';
import { ResolutionSchema, TICKET_STATUSES, type Ticket } from '../tickets/ticket';
import { ClientIdSchema, IdSchema, InstantSchema } from '../validation/common-schemas';
import { RequestIdSchema } from './client-frames';

/**
 * A message as a connection sees it. Customer connections never receive internal notes.
 *
 * @example
 * ```ts
 * const message = WireMessageSchema.parse(frame.message);
 * if (!message.internal) render(message.text);
 * ```
 */
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
  /** Agent connections: an internal note from a supervisor (a whisper, 耳语). */
  whisper: z.literal(true).optional(),
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

/**
 * The value {@link WireMessageSchema} parses to.
 *
 * @example
 * ```ts
 * function bubble(message: WireMessage): string {
 *   return `${message.authorName ?? message.author.kind}: ${message.text}`;
 * }
 * ```
 */
export type WireMessage = z.infer<typeof WireMessageSchema>;

/**
 * What agent connections see of a conversation besides the customer's fields.
 *
 * @example
 * ```ts
 * const details = WireConversationDetailsSchema.parse(conversation.details);
 * if (details.slaState === 'breached') highlight(conversation.id);
 * ```
 */
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

/**
 * The value {@link WireConversationDetailsSchema} parses to.
 *
 * @example
 * ```ts
 * const dueIn = (details: WireConversationDetails, now: number) =>
 *   details.dueAt ? Date.parse(details.dueAt) - now : null;
 * ```
 */
export type WireConversationDetails = z.infer<typeof WireConversationDetailsSchema>;

/**
 * A conversation as a connection sees it: the fields a customer may know. Agent-only fields
 * (tags, skills, team, SLA clocks, priority) are sent to agent connections only, in `details`.
 *
 * @example
 * ```ts
 * const conversation = WireConversationSchema.parse(frame.conversation);
 * console.log(conversation.status, conversation.lastSeq);
 * ```
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

/**
 * The value {@link WireConversationSchema} parses to.
 *
 * @example
 * ```ts
 * const waiting = (list: WireConversation[]) => list.filter((c) => c.status === 'queued');
 * ```
 */
export type WireConversation = z.infer<typeof WireConversationSchema>;

/**
 * A satisfaction survey as the customer answers it.
 *
 * @example
 * ```ts
 * const survey = WireSurveySchema.parse(frame.survey);
 * if (survey.status === 'sent') showSurvey(survey.questions);
 * ```
 */
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

/**
 * The value {@link WireSurveySchema} parses to.
 *
 * @example
 * ```ts
 * const answered = (survey: WireSurvey) => survey.status === 'answered' && survey.score !== null;
 * ```
 */
export type WireSurvey = z.infer<typeof WireSurveySchema>;

/**
 * A ticket (工单) as its customer sees it: a status timeline, never internal notes or fields.
 *
 * @example
 * ```ts
 * const ticket = WireTicketSchema.parse(frame.ticket);
 * for (const step of ticket.timeline) console.log(step.at, step.status);
 * ```
 */
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

/**
 * The value {@link WireTicketSchema} parses to.
 *
 * @example
 * ```ts
 * const lastStep = (ticket: WireTicket) => ticket.timeline.at(-1)?.status ?? ticket.status;
 * ```
 */
export type WireTicket = z.infer<typeof WireTicketSchema>;

/**
 * Whether anyone can answer now: drives "leave a message" in the widget.
 *
 * @example
 * ```ts
 * const status = DeskStatusSchema.parse(await (await fetch('/kefu/status')).json());
 * if (!status.acceptingNow) showLeaveMessageForm(status.nextOpeningAt);
 * ```
 */
export const DeskStatusSchema = z.object({
  /** Inside business hours (always true without business hours). */
  open: z.boolean(),
  /** When the shop opens next, while closed. */
  nextOpeningAt: InstantSchema.nullable(),
  agentsOnline: z.number().int().nonnegative(),
  /** Someone online has room for a new conversation. */
  acceptingNow: z.boolean(),
});

/**
 * The value {@link DeskStatusSchema} parses to.
 *
 * @example
 * ```ts
 * const leaveAMessage = (status: DeskStatus) => !status.open || !status.acceptingNow;
 * ```
 */
export type DeskStatus = z.infer<typeof DeskStatusSchema>;

/**
 * The desk right now (the desk's `LiveSnapshot`), for wallboards and agent consoles.
 *
 * @example
 * ```ts
 * const live = LiveMetricsSchema.parse(frame.metrics);
 * wallboard.set('queue', live.queueLength);
 * ```
 */
export const LiveMetricsSchema = z.object({
  at: InstantSchema,
  queueLength: z.number().int().nonnegative(),
  longestWaitMs: z.number().nonnegative(),
  agentsOnline: z.number().int().nonnegative(),
  agentsBusy: z.number().int().nonnegative(),
  slaAtRisk: z.number().int().nonnegative(),
  slaBreached: z.number().int().nonnegative(),
});

/**
 * The value {@link LiveMetricsSchema} parses to.
 *
 * @example
 * ```ts
 * const busyShare = (live: LiveMetrics) =>
 *   live.agentsOnline === 0 ? 0 : live.agentsBusy / live.agentsOnline;
 * ```
 */
export type LiveMetrics = z.infer<typeof LiveMetricsSchema>;

/**
 * One open conversation in the supervisor live view (`LiveConversation` in core).
 *
 * @example
 * const row = WireLiveConversationSchema.parse(JSON.parse(text));
 */
export const WireLiveConversationSchema = z.object({
  conversationId: IdSchema,
  customerId: IdSchema,
  status: z.enum(['bot', 'queued', 'active', 'pending']),
  topic: z.string().nullable(),
  channel: z.string(),
  priority: z.string(),
  team: z.string().nullable(),
  leftMessage: z.boolean(),
  assigneeId: IdSchema.nullable(),
  queuedAt: InstantSchema.nullable(),
  assignedAt: InstantSchema.nullable(),
  /** In the queue until now (queued) or until the current assignment, when the row was made. */
  queueTimeMs: z.number().nonnegative(),
  slaState: z.enum(['ok', 'at_risk', 'breached']),
  dueAt: InstantSchema.nullable(),
  dueTarget: z.enum(SLA_TARGETS).nullable(),
  /** From the desk's sentiment flags on customer messages. */
  sentiment: z.enum(['angry', 'urgent', 'calm']),
  lastSeq: z.number().int().nonnegative(),
  updatedAt: InstantSchema,
});
/**
 * A live-view row as a supervisor's connection receives it.
 *
 * @example
 * const late = (rows: WireLiveConversation[]) => rows.filter((r) => r.slaState === 'breached');
 */
export type WireLiveConversation = z.infer<typeof WireLiveConversationSchema>;

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
 * An incident (应急) as every connection sees it: the banner and how the desk takes new work.
 *
 * @example
 * ```ts
 * const incident = WireIncidentSchema.parse(frame.incident);
 * banner.show(incident.message['zh-CN']);
 * ```
 */
export const WireIncidentSchema = z.object({
  id: IdSchema,
  mode: z.enum(INCIDENT_MODES),
  /** The banner, in both languages; the widget shows the one of its locale. */
  message: IncidentMessageSchema,
  startedAt: InstantSchema,
});

/**
 * The value {@link WireIncidentSchema} parses to.
 *
 * @example
 * ```ts
 * const bannerText = (incident: WireIncident, locale: 'zh-CN' | 'en') => incident.message[locale];
 * ```
 */
export type WireIncident = z.infer<typeof WireIncidentSchema>;

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
