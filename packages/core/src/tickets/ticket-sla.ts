import type { ConversationSla } from '../conversations/conversation';
import type { SlaClock } from '../sla/sla-clock';
import { matchPolicy, type SlaTarget } from '../sla/sla-policy';
import type { SlaRuntime } from '../sla/sla-runtime';
import {
  meetFor,
  nextSlaCheck,
  rebudgetAll,
  type SlaAnnouncement,
  type SlaUpdate,
  settleClocks,
  startFor,
} from '../sla/sla-tracking';
import type { Priority } from '../vocabulary/channels-and-priorities';
import type { Severity, Ticket, TicketStatus } from './ticket';

/** Severity as the priority policy conditions speak of. */
const PRIORITY_OF: Record<Severity, Priority> = {
  low: 'low',
  medium: 'normal',
  high: 'high',
  critical: 'urgent',
};

/** Waiting on the customer or a third party pauses a ticket's clocks; so does a finished ticket. */
const PAUSED: ReadonlySet<TicketStatus> = new Set([
  'awaiting_customer',
  'awaiting_third_party',
  'resolution_proposed',
  'resolved',
  'closed',
  'cancelled',
]);

/**
 * A ticket's SLA clocks after a change: first response (met when someone starts on it) and
 * resolution (met when resolved, resumed when reopened), under the first matching policy —
 * conditions see the severity as priority, the category as topic, the department as team and the
 * kind as `ticketKind`.
 */
export function trackTicketSla(
  runtime: SlaRuntime,
  before: Ticket | null,
  after: Ticket,
  tier: string,
  now: number,
): SlaUpdate {
  if (!runtime.enabled) return { sla: after.sla, announcements: [], nextCheckAt: null };
  const policy = matchPolicy(runtime.policies, {
    priority: PRIORITY_OF[after.severity],
    tier,
    channel: 'ticket',
    topic: after.categoryId,
    team: after.department,
    ticketKind: after.kind,
  });
  const current: ConversationSla = after.sla ?? { policyId: null, clocks: {}, escalationLevel: 0 };
  const clocks: Partial<Record<SlaTarget, SlaClock>> = { ...current.clocks };
  const announcements: SlaAnnouncement[] = [];
  if (policy && policy.id !== current.policyId) rebudgetAll(runtime, clocks, policy, now);
  if (!clocks.firstResponse) startFor(runtime, clocks, policy, 'firstResponse', now);
  if (!clocks.resolution) startFor(runtime, clocks, policy, 'resolution', now);
  if (after.status === 'in_progress' && before && before.status !== 'in_progress') {
    meetFor(runtime, clocks, 'firstResponse', now, announcements);
  }
  if (after.status === 'resolved' && before?.status !== 'resolved') {
    meetFor(runtime, clocks, 'resolution', now, announcements);
  }
  if (before?.status === 'resolved' && after.status === 'in_progress' && clocks.resolution) {
    clocks.resolution = { ...clocks.resolution, metAt: null };
  }
  settleClocks(runtime, clocks, PAUSED.has(after.status), now, announcements);
  const sla: ConversationSla = {
    policyId: policy?.id ?? current.policyId,
    clocks,
    escalationLevel: current.escalationLevel,
  };
  return { sla, announcements, nextCheckAt: nextSlaCheck(runtime, sla) };
}

/** The due instant of the step in progress: the earliest unmet clock's. */
export function ticketDueAt(sla: ConversationSla | null): number | null {
  let due: number | null = null;
  for (const clock of Object.values(sla?.clocks ?? {})) {
    if (!clock || clock.metAt !== null || clock.dueAt === null) continue;
    if (due === null || clock.dueAt < due) due = clock.dueAt;
  }
  return due;
}
