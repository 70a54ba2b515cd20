import type { Conversation, ConversationSla } from '../conversations/conversation';
import type { ConversationMachineEvent } from '../conversations/conversation-events';
import type { BusinessCalendar } from './business-calendar';
import {
  checkClock,
  elapsedAt,
  excludeInterval,
  holdClock,
  meetClock,
  nextCheckAt,
  rebudgetClock,
  resumeClock,
  type SlaClock,
  type SlaSignal,
  startClock,
} from './sla-clock';
import { matchPolicy, SLA_TARGETS, type SlaPolicy, type SlaTarget } from './sla-policy';
import type { SlaHold, SlaRuntime } from './sla-runtime';

/** A clock event to publish once the conversation is stored. */
export type SlaAnnouncement =
  | { kind: 'signal'; target: SlaTarget; signal: SlaSignal; clock: SlaClock }
  | { kind: 'met'; target: SlaTarget; clock: SlaClock };

export interface SlaUpdate {
  sla: ConversationSla | null;
  announcements: SlaAnnouncement[];
  /** When the clocks next need a look (a warning or a breach), or null. */
  nextCheckAt: number | null;
}

const NEEDS_PERSON = new Set(['queued', 'active', 'pending']);
const STOPPED = new Set(['resolved', 'closed', 'abandoned']);

/**
 * The SLA consequences of one conversation change, computed before it is stored: clocks start,
 * pause, resume and are met as the conversation moves; a change of policy (say, raised to urgent)
 * applies the new targets from now on, keeping the time already counted; thresholds crossed by
 * `now` are announced once.
 */
export function trackSla(
  runtime: SlaRuntime,
  before: Conversation | null,
  after: Conversation,
  event: ConversationMachineEvent | null,
  tier: string,
  now: number,
): SlaUpdate {
  if (!runtime.enabled) return { sla: after.sla, announcements: [], nextCheckAt: null };
  const policy = matchPolicy(runtime.policies, {
    priority: after.priority,
    tier,
    channel: after.channel,
    topic: after.topic,
    team: after.team,
  });
  const current: ConversationSla = after.sla ?? { policyId: null, clocks: {}, escalationLevel: 0 };
  const clocks: Partial<Record<SlaTarget, SlaClock>> = { ...current.clocks };
  const announcements: SlaAnnouncement[] = [];
  const start = (target: SlaTarget) => startFor(runtime, clocks, policy, target, now);
  const meet = (target: SlaTarget) => meetFor(runtime, clocks, target, now, announcements);

  // A new policy applies its targets from now on; time already counted stays counted.
  if (policy && policy.id !== current.policyId) rebudgetAll(runtime, clocks, policy, now);

  if (NEEDS_PERSON.has(after.status)) {
    if (!clocks.firstResponse) start('firstResponse');
    if (!clocks.resolution) start('resolution');
  }
  if (event?.type === 'AGENT_REPLY') {
    meet('firstResponse');
    meet('nextResponse');
    meet('periodicUpdate');
    if (after.status === 'active' || after.status === 'pending') start('periodicUpdate');
  }
  if (event?.type === 'CUSTOMER_MESSAGE' && NEEDS_PERSON.has(after.status)) {
    // Before the first reply, the first-response clock covers the customer's messages.
    const answered = after.firstResponseAt !== null;
    const waiting = clocks.nextResponse && clocks.nextResponse.metAt === null;
    if (answered && !waiting) start('nextResponse');
  }
  if (before?.status !== 'active' && after.status === 'active') {
    const update = clocks.periodicUpdate;
    if (!update || update.metAt !== null) start('periodicUpdate');
  }
  if (event?.type === 'RESOLVE') meet('resolution');
  // Reopened: resolution counts on from where it stopped.
  if (before?.status === 'resolved' && NEEDS_PERSON.has(after.status) && clocks.resolution) {
    clocks.resolution = { ...clocks.resolution, metAt: null };
  }

  const paused = runtime.pauseOn.includes(after.status) || STOPPED.has(after.status);
  settleClocks(runtime, clocks, paused, now, announcements);

  const policyId = policy?.id ?? current.policyId;
  // Most changes (a message, a tag) move no clock: keep the stored SLA state itself, so storage
  // need not copy it again and readers can compare it by reference.
  const sla: ConversationSla =
    after.sla && policyId === current.policyId && sameClocks(clocks, current.clocks)
      ? after.sla
      : { policyId, clocks, escalationLevel: current.escalationLevel };
  return { sla, announcements, nextCheckAt: nextSlaCheck(runtime, sla) };
}

function sameClocks(
  a: Partial<Record<SlaTarget, SlaClock>>,
  b: Partial<Record<SlaTarget, SlaClock>>,
): boolean {
  for (const target of SLA_TARGETS) if (a[target] !== b[target]) return false;
  return true;
}

/** What a new clock for `target` counts under `policy`, or null when the policy has no such target. */
export function clockSpec(policy: SlaPolicy | null, target: SlaTarget) {
  const targetSpec = policy?.targets[target];
  if (!policy || !targetSpec) return null;
  return {
    target,
    policyId: policy.id,
    budgetMs: targetSpec.withinMs,
    hours: targetSpec.hours,
    calendarId: targetSpec.hours === 'business' ? (policy.calendar ?? null) : null,
  };
}

/** Gives open clocks the new policy's budgets from now on. */
export function rebudgetAll(
  runtime: SlaRuntime,
  clocks: Partial<Record<SlaTarget, SlaClock>>,
  policy: SlaPolicy,
  now: number,
): void {
  for (const target of SLA_TARGETS) {
    const clock = clocks[target];
    const s = clockSpec(policy, target);
    if (clock && s)
      clocks[target] = rebudgetClock(clock, s, now, runtime.calendarOf({ ...s } as SlaClock));
  }
}

/**
 * Pauses or resumes every clock, then announces the thresholds crossed by `now`. A desk-wide hold
 * (an incident) pauses every clock from its start, whatever the status; once it has ended, clocks
 * it paused resume at its end, and clocks that kept running through it skip it.
 */
export function settleClocks(
  runtime: SlaRuntime,
  clocks: Partial<Record<SlaTarget, SlaClock>>,
  paused: boolean,
  now: number,
  announcements: SlaAnnouncement[],
): void {
  const hold = runtime.hold();
  for (const target of SLA_TARGETS) {
    const clock = clocks[target];
    if (!clock) continue;
    const calendar = runtime.calendarOf(clock);
    const moved = moveClock(clock, paused, hold, now, calendar);
    const checked = checkClock(moved, now, calendar, policyOf(runtime, moved)?.warnAt ?? []);
    for (const signal of checked.signals) {
      announcements.push({ kind: 'signal', target, signal, clock: checked.clock });
    }
    clocks[target] = checked.clock;
  }
}

function moveClock(
  clock: SlaClock,
  paused: boolean,
  hold: SlaHold | null,
  now: number,
  calendar: BusinessCalendar,
): SlaClock {
  if (hold && hold.until === null && hold.since <= now) {
    return holdClock(clock, Math.min(hold.since, now), 'incident', calendar);
  }
  const ended = hold && hold.until !== null && hold.until <= now ? hold : null;
  const skipped = ended ? excludeInterval(clock, ended.since, ended.until ?? now, calendar) : clock;
  if (paused) return holdClock(skipped, now, 'status', calendar);
  const resumeAt = ended && skipped.pauseReason === 'incident' ? (ended.until ?? now) : now;
  return resumeClock(skipped, resumeAt, calendar);
}

/** Starts the clock for `target` unless the policy lacks it. */
export function startFor(
  runtime: SlaRuntime,
  clocks: Partial<Record<SlaTarget, SlaClock>>,
  policy: SlaPolicy | null,
  target: SlaTarget,
  now: number,
): void {
  const s = clockSpec(policy, target);
  if (s) clocks[target] = startClock(s, now, runtime.calendarOf({ ...s } as SlaClock));
}

/** Meets the clock for `target` if it is open, announcing it. */
export function meetFor(
  runtime: SlaRuntime,
  clocks: Partial<Record<SlaTarget, SlaClock>>,
  target: SlaTarget,
  now: number,
  announcements: SlaAnnouncement[],
): void {
  const clock = clocks[target];
  if (!clock || clock.metAt !== null) return;
  const met = meetClock(clock, now, runtime.calendarOf(clock));
  clocks[target] = met;
  announcements.push({ kind: 'met', target, clock: met });
}

function policyOf(runtime: SlaRuntime, clock: SlaClock): SlaPolicy | null {
  return runtime.policy(clock.policyId);
}

/** The next instant a clock announces something or an escalation step comes due. */
export function nextSlaCheck(runtime: SlaRuntime, sla: ConversationSla): number | null {
  let next: number | null = null;
  const consider = (at: number | null) => {
    if (at !== null && (next === null || at < next)) next = at;
  };
  for (const clock of Object.values(sla.clocks)) {
    if (!clock) continue;
    consider(nextCheckAt(clock, runtime.calendarOf(clock), policyOf(runtime, clock)?.warnAt ?? []));
  }
  consider(nextEscalation(runtime, sla)?.dueAt ?? null);
  return next;
}

/** The next escalation step of the policy in force, with when it comes due (null: not yet known). */
export function nextEscalation(runtime: SlaRuntime, sla: ConversationSla) {
  const policy = runtime.policy(sla.policyId);
  const step = policy?.escalation[sla.escalationLevel];
  if (!policy || !step) return null;
  const unmet = Object.values(sla.clocks).filter(
    (clock): clock is SlaClock => !!clock && clock.metAt === null,
  );
  const triggers = unmet
    .map((clock) => (step.on === 'warning' ? clock.firstWarningAt : clock.breachedAt))
    .filter((at): at is number => at !== null);
  if (triggers.length === 0) return { policy, step, level: sla.escalationLevel + 1, dueAt: null };
  return {
    policy,
    step,
    level: sla.escalationLevel + 1,
    dueAt: Math.min(...triggers) + step.afterMs,
  };
}

export { elapsedAt };
