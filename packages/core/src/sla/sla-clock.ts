import type { BusinessCalendar } from './business-calendar';
import type { SlaTarget } from './sla-policy';

/**
 * Where a clock stands: counting, paused, its target met, or breached.
 *
 * @example
 * ```ts
 * const badge: Record<SlaClockStatus, string> = {
 *   running: '计时中', paused: '已暂停', met: '已达标', breached: '已超时',
 * };
 * ```
 */
export type SlaClockStatus = 'running' | 'paused' | 'met' | 'breached';

/**
 * Why a clock stopped counting: the conversation's (or ticket's) own state (`status`, e.g.
 * waiting on the customer), or a desk-wide incident (`incident`, see `desk.incidents`).
 *
 * @example
 * ```ts
 * if (clock.status === 'paused' && clock.pauseReason === 'incident') showIncidentNote();
 * ```
 */
export type SlaPauseReason = 'status' | 'incident';

/**
 * One target of one conversation (or ticket), measured against its policy. JSON, stored.
 *
 * @example
 * ```ts
 * const overdue = (clock: SlaClock, now: number) => clock.dueAt !== null && clock.dueAt < now;
 * ```
 */
export interface SlaClock {
  target: SlaTarget;
  policyId: string;
  status: SlaClockStatus;
  budgetMs: number;
  hours: 'business' | 'calendar';
  /** The business calendar counted on; null for calendar hours. */
  calendarId: string | null;
  startedAt: number;
  /** Time counted (business or calendar) up to `since`, or in all when not counting. */
  elapsedMs: number;
  /** Counting since this instant; null while paused, met, or stopped. */
  since: number | null;
  /** When the budget runs out at the current pace; null while not counting. */
  dueAt: number | null;
  /** Warning thresholds (fractions) already announced. */
  warned: number[];
  firstWarningAt: number | null;
  /** Recorded once, kept even when the target is met later. */
  breachedAt: number | null;
  metAt: number | null;
  /** Why the clock is not counting while paused; absent on clocks stored before it existed. */
  pauseReason?: SlaPauseReason | null;
}

/**
 * An announcement a clock makes when time passes.
 *
 * @example
 * ```ts
 * for (const signal of checkClock(clock, Date.now(), calendar, [0.8]).signals) {
 *   if (signal.kind === 'warning') notifySupervisor(signal.threshold);
 * }
 * ```
 */
export type SlaSignal = { kind: 'warning'; threshold: number } | { kind: 'breached' };

const statusOf = (clock: SlaClock): SlaClockStatus =>
  clock.metAt !== null
    ? 'met'
    : clock.breachedAt !== null
      ? 'breached'
      : clock.since === null
        ? 'paused'
        : 'running';

/** The clock with its status brought up to date; the same object when it already is. */
const withStatus = (clock: SlaClock): SlaClock => {
  const status = statusOf(clock);
  return clock.status === status ? clock : { ...clock, status };
};

/**
 * Time counted so far, at `now`.
 *
 * @example
 * ```ts
 * const calendar = createBusinessCalendar(shopHours);
 * let clock = startClock(
 *   { target: 'firstResponse', policyId: 'standard', budgetMs: 30_000, hours: 'business', calendarId: 'shop' },
 *   Date.now(),
 *   calendar,
 * );
 * console.log(elapsedAt(clock, Date.now(), calendar)); // ms counted so far
 * ```
 */
export function elapsedAt(clock: SlaClock, now: number, calendar: BusinessCalendar): number {
  return (
    clock.elapsedMs + (clock.since === null ? 0 : calendar.businessTimeBetween(clock.since, now))
  );
}

function dueFrom(clock: SlaClock, from: number, calendar: BusinessCalendar): number {
  return calendar.addBusinessTime(from, Math.max(0, clock.budgetMs - clock.elapsedMs));
}

/**
 * Starts a clock for one target at `now`, due `budgetMs` later on the calendar (business hours only when `hours` is `business`).
 *
 * @example
 * ```ts
 * const calendar = createBusinessCalendar(shopHours);
 * let clock = startClock(
 *   { target: 'firstResponse', policyId: 'standard', budgetMs: 30_000, hours: 'business', calendarId: 'shop' },
 *   Date.now(),
 *   calendar,
 * );
 * ```
 */
export function startClock(
  spec: {
    target: SlaTarget;
    policyId: string;
    budgetMs: number;
    hours: 'business' | 'calendar';
    calendarId: string | null;
  },
  now: number,
  calendar: BusinessCalendar,
): SlaClock {
  // Fields named, not `{ ...spec, status, … }`: V8 adds properties after a spread slowly, and
  // every conversation starts a clock. Counting since `now`, the new clock is running.
  const clock: SlaClock = {
    target: spec.target,
    policyId: spec.policyId,
    budgetMs: spec.budgetMs,
    hours: spec.hours,
    calendarId: spec.calendarId,
    status: 'running',
    startedAt: now,
    elapsedMs: 0,
    since: now,
    dueAt: null,
    warned: [],
    firstWarningAt: null,
    breachedAt: null,
    metAt: null,
  };
  clock.dueAt = dueFrom(clock, now, calendar);
  return clock;
}

/**
 * Stops counting, keeping what was counted; resume continues where it stopped.
 *
 * @example
 * ```ts
 * const calendar = createBusinessCalendar(shopHours);
 * let clock = startClock(
 *   { target: 'firstResponse', policyId: 'standard', budgetMs: 30_000, hours: 'business', calendarId: 'shop' },
 *   Date.now(),
 *   calendar,
 * );
 * clock = pauseClock(clock, Date.now(), calendar); // waiting on the customer
 * clock = resumeClock(clock, Date.now() + 60_000, calendar);
 * ```
 */
export function pauseClock(clock: SlaClock, now: number, calendar: BusinessCalendar): SlaClock {
  if (clock.since === null) return clock;
  return withStatus({
    ...clock,
    elapsedMs: elapsedAt(clock, now, calendar),
    since: null,
    dueAt: null,
  });
}

/**
 * Counts again from `now` (after a pause); the due instant moves by the time paused.
 *
 * @example
 * ```ts
 * clock = resumeClock(clock, Date.now(), calendar);
 * console.log(new Date(clock.dueAt!));
 * ```
 */
export function resumeClock(clock: SlaClock, now: number, calendar: BusinessCalendar): SlaClock {
  if (clock.since !== null || clock.metAt !== null) return clock;
  return withStatus({
    ...clock,
    since: now,
    dueAt: dueFrom(clock, now, calendar),
    pauseReason: null,
  });
}

/**
 * Pauses at `at` (kept between the clock's `since` and now by the caller) and says why.
 *
 * @example
 * ```ts
 * clock = holdClock(clock, incidentStartedAt, 'incident', calendar);
 * ```
 */
export function holdClock(
  clock: SlaClock,
  at: number,
  reason: SlaPauseReason,
  calendar: BusinessCalendar,
): SlaClock {
  if (clock.metAt !== null) return clock;
  const paused = pauseClock(clock, clock.since === null ? at : Math.max(clock.since, at), calendar);
  return paused.pauseReason === reason ? paused : { ...paused, pauseReason: reason };
}

/**
 * Leaves the interval [from, until) uncounted on a clock that kept running through it, e.g. an
 * incident the clock's last write did not know about (the storage was down): counting restarts
 * at `until` with what was counted before `from`.
 *
 * @example
 * ```ts
 * // the storage was down from 10:00 to 10:20: that time does not count
 * clock = excludeInterval(clock, outageFrom, outageUntil, calendar);
 * ```
 */
export function excludeInterval(
  clock: SlaClock,
  from: number,
  until: number,
  calendar: BusinessCalendar,
): SlaClock {
  if (clock.since === null || clock.metAt !== null || clock.since >= until) return clock;
  const counted = elapsedAt(clock, Math.max(clock.since, from), calendar);
  const next = { ...clock, elapsedMs: counted, since: until, pauseReason: null };
  return withStatus({ ...next, dueAt: dueFrom(next, until, calendar) });
}

/**
 * The target is met now. A breach recorded before stays recorded.
 *
 * @example
 * ```ts
 * const calendar = createBusinessCalendar(shopHours);
 * let clock = startClock(
 *   { target: 'firstResponse', policyId: 'standard', budgetMs: 30_000, hours: 'business', calendarId: 'shop' },
 *   Date.now(),
 *   calendar,
 * );
 * clock = meetClock(clock, Date.now(), calendar); // the agent answered
 * console.log(clock.status); // 'met'
 * ```
 */
export function meetClock(clock: SlaClock, now: number, calendar: BusinessCalendar): SlaClock {
  if (clock.metAt !== null) return clock;
  const paused = pauseClock(clock, now, calendar);
  return withStatus({ ...paused, metAt: now });
}

/**
 * Applies another policy's budget from now on, keeping the time already counted.
 *
 * @example
 * ```ts
 * // the customer turned VIP: 15 s instead of 30 s from now on
 * clock = rebudgetClock(
 *   clock,
 *   { policyId: 'vip', budgetMs: 15_000, hours: 'business', calendarId: 'shop' },
 *   Date.now(),
 *   calendar,
 * );
 * ```
 */
export function rebudgetClock(
  clock: SlaClock,
  change: {
    policyId: string;
    budgetMs: number;
    hours: 'business' | 'calendar';
    calendarId: string | null;
  },
  now: number,
  calendar: BusinessCalendar,
): SlaClock {
  if (clock.metAt !== null) return clock;
  const counting = clock.since !== null;
  const paused = pauseClock(clock, now, calendar);
  const next = { ...paused, ...change };
  return counting ? resumeClock(next, now, calendar) : withStatus(next);
}

/**
 * Announces the thresholds crossed by `now`: warnings at fractions of the budget, then the breach.
 * Each is announced once; a breach is dated at the due instant, not at the (maybe late) check.
 *
 * @example
 * ```ts
 * const { clock: next, signals } = checkClock(clock, Date.now(), calendar, [0.5, 0.8]);
 * if (signals.some((s) => s.kind === 'breached')) escalate(next);
 * ```
 */
export function checkClock(
  clock: SlaClock,
  now: number,
  calendar: BusinessCalendar,
  warnAt: readonly number[],
): { clock: SlaClock; signals: SlaSignal[] } {
  if (clock.metAt !== null || clock.breachedAt !== null) return { clock, signals: [] };
  const elapsed = elapsedAt(clock, now, calendar);
  const signals: SlaSignal[] = [];
  let next = clock;
  for (const threshold of [...warnAt].sort((a, b) => a - b)) {
    if (next.warned.includes(threshold) || elapsed < threshold * clock.budgetMs) continue;
    next = {
      ...next,
      warned: [...next.warned, threshold],
      firstWarningAt: next.firstWarningAt ?? now,
    };
    signals.push({ kind: 'warning', threshold });
  }
  if (elapsed >= clock.budgetMs) {
    next = { ...next, breachedAt: Math.min(now, clock.dueAt ?? now) };
    signals.push({ kind: 'breached' });
  }
  return { clock: withStatus(next), signals };
}

/**
 * When this clock next has something to announce (a warning or the breach), if counting.
 *
 * @example
 * ```ts
 * const at = nextCheckAt(clock, calendar, [0.8]);
 * if (at !== null) jobs.schedule({ kind: 'sla.check', runAt: at });
 * ```
 */
export function nextCheckAt(
  clock: SlaClock,
  calendar: BusinessCalendar,
  warnAt: readonly number[],
): number | null {
  if (clock.since === null || clock.metAt !== null || clock.breachedAt !== null) return null;
  let next = clock.dueAt;
  for (const threshold of warnAt) {
    if (clock.warned.includes(threshold)) continue;
    const at = calendar.addBusinessTime(
      clock.since,
      Math.max(0, threshold * clock.budgetMs - clock.elapsedMs),
    );
    if (next === null || at < next) next = at;
  }
  return next;
}
