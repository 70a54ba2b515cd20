import { z } from 'zod';
import { assertTimeZone, wallClock, zonedInstant } from '../sla/zoned-time';

/** Wall-clock fields of an instant in a time zone; `weekday` 0 = Monday … 6 = Sunday. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  /** `YYYY-MM-DD`, the form business-calendar holidays use. */
  date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localTimeOf(at: number, timeZone: string): LocalTime {
  const { year, month, day, hour, minute } = wallClock(at, timeZone);
  // getUTCDay counts from Sunday; the staffing week starts on Monday.
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return { year, month, day, weekday, hour, minute, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** Hour of the week, 0 = Monday 00:00–01:00 local … 167 = Sunday 23:00. */
export function hourOfWeek(at: number, timeZone: string): number {
  const local = localTimeOf(at, timeZone);
  return local.weekday * 24 + local.hour;
}

/** The instant of local midnight starting `date` (YYYY-MM-DD) in the zone, DST-correct. */
export function localMidnight(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant({ year, month, day }, 0, timeZone);
}

export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Shanghai');
