import { z } from 'zod';
import { INCIDENT_MODES, IncidentMessageSchema } from '../incidents/incident';
import { AttachmentSchema, AuthorSchema } from '../messages/message';
import { SLA_TARGETS } from '../sla/sla-policy';
import { SURVEY_KINDS, SurveyQuestionSchema } from '../surveys/survey';
import { ResolutionSchema, TICKET_STATUSES } from '../tickets/ticket';
import { ClientIdSchema, IdSchema, InstantSchema } from '../validation/common-schemas';

// The records frames carry: messages, conversations, surveys, tickets, desk status, live metrics,
// supervisor rows and incidents, as connections see them. The frames are in server-frames.ts.
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
 * Agent connections: where personal data was masked in a record's text fields (`topic`…), as
 * `desk.privacy.maskConversation` lists it; `privacy.reveal` with the `path` and `index` opens one.
 */
const MaskedFieldsSchema = z
  .array(
    z.object({
      path: z.string(),
      index: z.number().int().nonnegative(),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      kind: z.string(),
    }),
  )
  .optional();

/**
 * A conversation as a connection sees it: the fields a customer may know. Agent-only fields
 * (tags, skills, team, SLA clocks, priority) are sent to agent connections only, in `details`;
 * agents get the topic masked (`masked`), its customer as typed.
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
  /** Agent connections: personal data masked in `topic` (`privacy.reveal` with `conversationId`). */
  masked: MaskedFieldsSchema,
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
  /** Personal data masked in `topic` (`privacy.reveal` with the row's `conversationId`). */
  masked: MaskedFieldsSchema,
});
/**
 * A live-view row as a supervisor's connection receives it.
 *
 * @example
 * const late = (rows: WireLiveConversation[]) => rows.filter((r) => r.slaState === 'breached');
 */
export type WireLiveConversation = z.infer<typeof WireLiveConversationSchema>;

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
