import { z } from 'zod';
import type { SlaClock } from '../sla/sla-clock';
import type { SlaTarget } from '../sla/sla-policy';
import type { Survey } from '../surveys/survey';
import { ClientIdSchema, IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';
import { CHANNELS, PRIORITIES } from '../vocabulary/channels-and-priorities';

export const CONVERSATION_STATUSES = [
  'bot',
  'queued',
  'active',
  'pending',
  'resolved',
  'closed',
  'abandoned',
] as const;
/** Where a conversation (会话) is in its life; see docs/concepts/conversation-lifecycle.md. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Why a conversation closed. */
export type CloseReason = 'manual' | 'reopen-window-ended' | 'idle';

const NullableInstant = InstantSchema.nullable();

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

/** One chat session between a customer and the shop, from the first message to closing. */
export type Conversation = z.infer<typeof ConversationSchema>;

/** The SLA state of one conversation: the policy in force, one clock per target, escalation. */
export interface ConversationSla {
  policyId: string | null;
  clocks: Partial<Record<SlaTarget, SlaClock>>;
  /** Escalation steps already taken (0 = none). */
  escalationLevel: number;
}
