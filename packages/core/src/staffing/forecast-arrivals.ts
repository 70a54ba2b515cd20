import { z } from 'zod';
import type { Desk } from '../desk/create-desk';
import { KefuError } from '../errors/kefu-error';
import { type BusinessCalendarInput, BusinessCalendarSchema } from '../sla/business-calendar';
import { parseInput } from '../validation/parse-input';
import { hourOfWeek, localTimeOf, TimeZoneSchema } from './local-time';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const SLOTS = 168;

/**
 * What a forecast reads: events with a type and an instant (a desk's `DomainEvent`s will do).
 *
 * @example
 * ```ts
 * const events: ArrivalEvent[] = log.map((e) => ({ type: e.type, at: e.at }));
 * const forecast = forecastArrivals({ events, from, to });
 * ```
 */
export interface ArrivalEvent {
  type: string;
  at: number;
}

export const ForecastInputSchema = z
  .object({
    /** Read `conversation.started` events from this desk's log… */
    desk: z.custom<Pick<Desk, 'events'>>(
      (value) => typeof value === 'object' && value !== null && 'events' in value,
    ),
    /** …or from these events. */
    events: z.array(
      z.custom<ArrivalEvent>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as ArrivalEvent).type === 'string' &&
          Number.isFinite((value as ArrivalEvent).at),
        { message: 'an event is { type, at }' },
      ),
    ),
    /** History window [from, to), epoch ms: at least two whole weeks, the last one held out. */
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
    /** Days forecast after `to`. */
    horizonDays: z.number().int().min(1).max(28).default(7),
    /** Zone of the hours of the week; the calendar's zone when one is given. */
    timeZone: TimeZoneSchema.optional(),
    /** Its holidays are left out of the history (a holiday is not a normal Tuesday). */
    calendar: z
      .custom<BusinessCalendarInput>((value) => BusinessCalendarSchema.safeParse(value).success, {
        message: 'not a valid business calendar (timeZone, weekly periods HH:MM, holidays)',
      })
      .optional(),
    /** Weight of the newest week in the exponential smoothing of each hour of the week. */
    smoothing: z.number().gt(0).max(1).default(0.3),
  })
  .partial({ desk: true, events: true })
  .refine((input) => (input.desk === undefined) !== (input.events === undefined), {
    message: 'give either `desk` or `events`',
    path: ['events'],
  })
  .refine((input) => input.to - input.from >= 2 * WEEK, {
    message: 'the history must cover at least two weeks: one to learn from, one held out',
    path: ['from'],
  });

/**
 * What {@link ForecastInputSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const forecast = forecastArrivals({ desk, from: Date.now() - 8 * 7 * 86_400_000, to: Date.now(), horizonDays: 7 } satisfies ForecastInput);
 * ```
 */
export type ForecastInput = z.input<typeof ForecastInputSchema>;

/**
 * One forecast hour.
 *
 * @example
 * ```ts
 * const peak: ForecastHour = forecast.hours.reduce((a, b) => (b.arrivals > a.arrivals ? b : a));
 * ```
 */
export interface ForecastHour {
  start: number;
  /** 0 = Monday 00:00–01:00 local … 167 = Sunday 23:00. */
  hourOfWeek: number;
  /** Expected conversations in this hour. */
  arrivals: number;
  /** A holiday of the calendar: its history was left out, so treat the figure with care. */
  holiday: boolean;
}

/**
 * Expected arrivals per hour, with the error the method made on the held-out last week.
 *
 * @example
 * ```ts
 * const forecast: ArrivalForecast = forecastArrivals({ desk, from, to });
 * console.log('MAPE on the held-out week', forecast.error.mape);
 * ```
 */
export interface ArrivalForecast {
  timeZone: string;
  /** Whole weeks of history used (the window's start is trimmed to a whole week). */
  weeks: number;
  /** Expected arrivals for each hour of the week, Monday 00:00 first. */
  hourOfWeek: number[];
  hours: ForecastHour[];
  error: {
    heldOutFrom: number;
    heldOutTo: number;
    /** Mean absolute percentage error over held-out hours with arrivals; null if none had any. */
    mape: number | null;
    /** Weighted: Σ|forecast − actual| ÷ Σ actual, steadier than MAPE for quiet hours. */
    wape: number | null;
    /** Held-out hours compared. */
    hours: number;
  };
}

/**
 * Forecasts conversations per hour from the desk's history: for each of the 168 hours of the
 * week, an exponentially smoothed average of that hour over the past weeks (holidays left out).
 * The method is scored first: it learns on all weeks but the last, forecasts the last, and
 * reports its error (MAPE, WAPE) next to the forecast, which then learns on every week.
 *
 * @example
 * import { forecastArrivals, planStaffing } from '@kefu/core/staffing';
 *
 * const forecast = await forecastArrivals({
 *   desk,
 *   from: Date.parse('2026-10-05T00:00:00+08:00'),
 *   to: Date.parse('2026-11-02T00:00:00+08:00'),
 *   horizonDays: 7,
 *   timeZone: 'Asia/Shanghai',
 * });
 * forecast.error.mape; // e.g. 0.12 on the held-out week
 */
export async function forecastArrivals(input: ForecastInput): Promise<ArrivalForecast> {
  const q = parseInput(ForecastInputSchema, input, 'forecast input');
  const timeZone = q.timeZone ?? q.calendar?.timeZone ?? 'Asia/Shanghai';
  const holidays = new Set(q.calendar?.holidays ?? []);
  const weeks = Math.floor((q.to - q.from) / WEEK);
  const start = q.to - weeks * WEEK;
  const counts = Array.from({ length: weeks }, () => new Float64Array(SLOTS));
  const observed = Array.from({ length: weeks }, () => new Uint8Array(SLOTS));
  for (let w = 0; w < weeks; w++) {
    // The middle of each hour decides its local hour and date (robust to half-hour zones).
    for (let k = 0; k < SLOTS; k++) {
      const local = localTimeOf(start + w * WEEK + k * HOUR + HOUR / 2, timeZone);
      if (!holidays.has(local.date))
        (observed[w] as Uint8Array)[local.weekday * 24 + local.hour] = 1;
    }
  }
  // Every zone's offset is a whole number of quarter hours, so one look-up per quarter hour
  // serves all its arrivals: Intl is the costly part of a long history.
  const quarters = new Map<number, ReturnType<typeof localTimeOf>>();
  for (const at of await arrivalsOf(q)) {
    if (at < start || at >= q.to) continue;
    const quarter = Math.floor(at / 900_000);
    let local = quarters.get(quarter);
    if (!local) {
      local = localTimeOf(quarter * 900_000, timeZone);
      quarters.set(quarter, local);
    }
    if (holidays.has(local.date)) continue;
    const week = counts[Math.floor((at - start) / WEEK)] as Float64Array;
    const slot = local.weekday * 24 + local.hour;
    week[slot] = (week[slot] ?? 0) + 1;
  }
  const trained = smooth(counts.slice(0, -1), observed.slice(0, -1), q.smoothing);
  const last = weeks - 1;
  let absolute = 0;
  let actualSum = 0;
  let percentage = 0;
  let withArrivals = 0;
  let compared = 0;
  for (let h = 0; h < SLOTS; h++) {
    if (!observed[last]?.[h]) continue;
    const actual = counts[last]?.[h] ?? 0;
    const error = Math.abs((trained[h] ?? 0) - actual);
    compared++;
    absolute += error;
    actualSum += actual;
    if (actual > 0) {
      percentage += error / actual;
      withArrivals++;
    }
  }
  const model = smooth(counts, observed, q.smoothing);
  const hours: ForecastHour[] = [];
  for (let k = 0; k < q.horizonDays * 24; k++) {
    const at = q.to + k * HOUR;
    const slot = hourOfWeek(at + HOUR / 2, timeZone);
    hours.push({
      start: at,
      hourOfWeek: slot,
      arrivals: model[slot] ?? 0,
      holiday: holidays.has(localTimeOf(at + HOUR / 2, timeZone).date),
    });
  }
  return {
    timeZone,
    weeks,
    hourOfWeek: model,
    hours,
    error: {
      heldOutFrom: q.to - WEEK,
      heldOutTo: q.to,
      mape: withArrivals === 0 ? null : percentage / withArrivals,
      wape: actualSum === 0 ? null : absolute / actualSum,
      hours: compared,
    },
  };
}

/** Each hour of the week: level ← α·week + (1 − α)·level over the weeks it was observed. */
function smooth(
  counts: readonly Float64Array[],
  observed: readonly Uint8Array[],
  alpha: number,
): number[] {
  const levels: number[] = [];
  for (let h = 0; h < SLOTS; h++) {
    let level: number | null = null;
    counts.forEach((week, w) => {
      if (!observed[w]?.[h]) return;
      const value = week[h] ?? 0;
      // level + α·(value − level): the same smoothing, and exact when the weeks agree.
      level = level === null ? value : level + alpha * (value - level);
    });
    levels.push(level ?? 0);
  }
  return levels;
}

async function arrivalsOf(q: z.output<typeof ForecastInputSchema>): Promise<number[]> {
  const starts: number[] = [];
  if (q.events) {
    for (const event of q.events) if (event.type === 'conversation.started') starts.push(event.at);
    return starts;
  }
  const desk = q.desk;
  if (!desk) throw new KefuError('VALIDATION', 'Invalid forecast input: give `desk` or `events`.');
  for (let after = 0; ; ) {
    const page = await desk.events.read({ after, limit: 1000 });
    for (const event of page) if (event.type === 'conversation.started') starts.push(event.at);
    const last = page.at(-1);
    if (page.length < 1000 || !last) return starts;
    after = last.position;
  }
}
