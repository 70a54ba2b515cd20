import { z } from 'zod';
import type { SlaClock } from '../sla/sla-clock';
import type { SlaTarget } from '../sla/sla-policy';
import type { Survey } from '../surveys/survey';
import { ClientIdSchema, IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';
import { CHANNELS, PRIORITIES } from '../vocabulary/channels-and-priorities';

/**
 * Every status of a conversation’s life, in the order it usually goes through them.
 *
 * @example
 * ```ts
 * const open = CONVERSATION_STATUSES.filter((s) => s !== 'closed' && s !== 'abandoned');
 * const { items } = await desk.conversations.list({ status: open });
 * ```
 */
export const CONVERSATION_STATUSES = [
  'bot',
  'queued',
  'active',
  'pending',
  'resolved',
  'closed',
  'abandoned',
] as const;
/**
 * Where a conversation (会话) is in its life; see docs/concepts/conversation-lifecycle.md.
 *
 * @example
 * ```ts
 * const label: Partial<Record<ConversationStatus, string>> = { queued: '排队中', active: '接待中', resolved: '已解决' };
 * ```
 */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * Why a conversation closed.
 *
 * @example
 * ```ts
 * const why: Record<CloseReason, string> = { manual: '客服关闭', 'reopen-window-ended': '超过重开期限', idle: '客户无回复' };
 * ```
 */
export type CloseReason = 'manual' | 'reopen-window-ended' | 'idle';

const NullableInstant = InstantSchema.nullable();

/**
 * A conversation as stored: its status, assignee, routing needs, SLA state and counters.
 *
 * @example
 * ```ts
 * const conversation = ConversationSchema.parse(JSON.parse(row.data));
 * ```
 */
export const ConversationSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  clientId: ClientIdSchema.nullable(),
  channel: z.enum(CHANNELS),
  topic: z.string().max(200).nullable(),
  priority: z.enum(PRIORITIES),
  tags: z.array(LabelSchema),
  status: z.enum(CONVERSATION_STATUSES),
  /** Skills the answering agent needs (e.g. `after-sales`, `zh`); routing filters on them. */
  skills: z.array(LabelSchema),
  /** The team (department) it is routed to, or null for any. */
  team: LabelSchema.nullable(),
  /** Started as "leave a message" while nobody was available; served first. */
  leftMessage: z.boolean(),
  /** When routing widened to the fallback team or skills after waiting too long. */
  overflowedAt: InstantSchema.nullable(),
  assigneeId: IdSchema.nullable(),
  /** Highest message `seq` so far; the next message gets `lastSeq + 1`. */
  lastSeq: z.number().int().nonnegative(),
  reopenCount: z.number().int().nonnegative(),
  transferCount: z.number().int().nonnegative(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  queuedAt: NullableInstant,
  assignedAt: NullableInstant,
  firstResponseAt: NullableInstant,
  lastCustomerMessageAt: NullableInstant,
  lastAgentMessageAt: NullableInstant,
  pendingSince: NullableInstant,
  resolvedAt: NullableInstant,
  /** Until this instant a resolved conversation may be reopened. */
  reopenUntil: NullableInstant,
  closedAt: NullableInstant,
  closeReason: z.enum(['manual', 'reopen-window-ended', 'idle']).nullable(),
  abandonedAt: NullableInstant,
  /** SLA clocks of the policy that applies, kept by the desk (null until a policy applies). */
  sla: z.custom<ConversationSla>((value) => typeof value === 'object').nullable(),
  /** Unconfident bot answers so far; the bot hands off after too many. */
  botMisses: z.number().int().nonnegative(),
  /** The satisfaction survey sent after resolution, if surveys are on. */
  survey: z.custom<Survey>((value) => typeof value === 'object').nullable(),
  /** Optimistic concurrency: every stored change increments it. */
  version: z.number().int().positive(),
  /** Shape of this snapshot, for migrations of stored data. */
  schemaVersion: z.literal(1),
});

/**
 * One chat session between a customer and the shop, from the first message to closing.
 *
 * @example
 * ```ts
 * const conversation: Conversation | null = await desk.conversations.get({ conversationId });
 * if (conversation?.status === 'queued') console.log('waiting since', conversation.queuedAt);
 * ```
 */
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * The SLA state of one conversation: the policy in force, one clock per target, escalation.
 *
 * @example
 * ```ts
 * const clocks = (sla: ConversationSla) => Object.values(sla.clocks).filter((clock) => clock?.status === 'running');
 * ```
 */
export interface ConversationSla {
  policyId: string | null;
  clocks: Partial<Record<SlaTarget, SlaClock>>;
  /** Escalation steps already taken (0 = none). */
  escalationLevel: number;
}
