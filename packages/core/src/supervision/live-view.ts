import type { Conversation, ConversationStatus } from '../conversations/conversation';
import type { SlaTarget } from '../sla/sla-policy';
import { type SlaState, summarizeSla } from '../sla/sla-summary';

/**
 * The statuses the live view lists: every conversation not yet resolved, closed or abandoned.
 *
 * @example
 * await desk.conversations.list({ status: [...SUPERVISED_STATUSES] });
 */
export const SUPERVISED_STATUSES = [
  'bot',
  'queued',
  'active',
  'pending',
] as const satisfies readonly ConversationStatus[];

/**
 * How the customer sounds, from the desk's sentiment flags (the `angry` and `urgent` tags its
 * analyzer sets on customer messages): `angry` wins over `urgent`; otherwise `calm`.
 *
 * @example
 * const label: Record<LiveSentiment, string> = { angry: '不满', urgent: '着急', calm: '平稳' };
 */
export type LiveSentiment = 'angry' | 'urgent' | 'calm';

/**
 * One open conversation in the supervisor live view (班长看板): who has it, how long it waited,
 * where its SLA stands and how the customer sounds.
 *
 * @example
 * const rows: LiveConversation[] = await desk.supervision.live();
 * for (const row of rows) console.log(row.conversationId, row.assigneeId ?? '排队中', row.slaState);
 */
export interface LiveConversation {
  conversationId: string;
  customerId: string;
  status: (typeof SUPERVISED_STATUSES)[number];
  topic: string | null;
  channel: string;
  priority: string;
  team: string | null;
  leftMessage: boolean;
  assigneeId: string | null;
  /** When it entered the queue (null for a bot conversation that never did). */
  queuedAt: number | null;
  /** When the current assignee got it. */
  assignedAt: number | null;
  /**
   * Time in the queue: until now while queued, until the current assignment once assigned
   * (0 when it never queued). A UI ticks it on from `queuedAt` while `status` is `queued`.
   */
  queueTimeMs: number;
  slaState: SlaState;
  /** The earliest running SLA deadline and its target, if a clock runs. */
  dueAt: number | null;
  dueTarget: SlaTarget | null;
  sentiment: LiveSentiment;
  lastSeq: number;
  updatedAt: number;
}

/**
 * Whether a conversation belongs in the live view (it is open).
 *
 * @example
 * isSupervised({ status: 'pending' }); // true
 */
export function isSupervised(conversation: Pick<Conversation, 'status'>): boolean {
  return (SUPERVISED_STATUSES as readonly string[]).includes(conversation.status);
}

/** The sentiment a conversation's tags carry. */
function sentimentOf(tags: readonly string[]): LiveSentiment {
  if (tags.includes('angry')) return 'angry';
  return tags.includes('urgent') ? 'urgent' : 'calm';
}

/**
 * The live-view row of an open conversation at `now` (pure: same input, same row).
 *
 * @example
 * const row = toLiveConversation(conversation, desk.clock.now());
 * row.queueTimeMs; // how long it has waited so far
 */
export function toLiveConversation(conversation: Conversation, now: number): LiveConversation {
  const sla = summarizeSla(conversation.sla);
  const { queuedAt, assignedAt } = conversation;
  const queueEnd = conversation.status === 'queued' ? now : (assignedAt ?? now);
  return {
    conversationId: conversation.id,
    customerId: conversation.customerId,
    status: conversation.status as LiveConversation['status'],
    topic: conversation.topic,
    channel: conversation.channel,
    priority: conversation.priority,
    team: conversation.team,
    leftMessage: conversation.leftMessage,
    assigneeId: conversation.assigneeId,
    queuedAt,
    assignedAt,
    queueTimeMs: queuedAt === null ? 0 : Math.max(0, queueEnd - queuedAt),
    slaState: sla.slaState,
    dueAt: sla.dueAt,
    dueTarget: sla.dueClock?.target ?? null,
    sentiment: sentimentOf(conversation.tags),
    lastSeq: conversation.lastSeq,
    updatedAt: conversation.updatedAt,
  };
}

const SLA_RANK: Record<SlaState, number> = { breached: 0, at_risk: 1, ok: 2 };

/**
 * The order a supervisor reads the live view in: breached first, then at risk, then the rest;
 * inside each, the nearest deadline first, then the longest queue time.
 *
 * @example
 * const ordered = orderLiveView(rows);
 */
export function orderLiveView(rows: readonly LiveConversation[]): LiveConversation[] {
  return [...rows].sort(
    (a, b) =>
      SLA_RANK[a.slaState] - SLA_RANK[b.slaState] ||
      (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) ||
      b.queueTimeMs - a.queueTimeMs ||
      a.conversationId.localeCompare(b.conversationId),
  );
}
