import { z } from 'zod';

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

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function localTimeOf(at: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year,
    month,
    day,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    date: `${year}-${pad(month)}-${pad(day)}`,
  };
}

/** Hour of the week, 0 = Monday 00:00–01:00 local … 167 = Sunday 23:00. */
export function hourOfWeek(at: number, timeZone: string): number {
  const local = localTimeOf(at, timeZone);
  return local.weekday * 24 + local.hour;
}

/** The instant of local midnight starting `date` (YYYY-MM-DD) in the zone. */
export function localMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  // Two rounds settle the zone offset, DST included.
  for (let i = 0; i < 2; i++) {
    const local = localTimeOf(guess, timeZone);
    const shown = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
    guess += wall - shown;
  }
  return guess;
}

export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    formatFor(zone);
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Shanghai');
