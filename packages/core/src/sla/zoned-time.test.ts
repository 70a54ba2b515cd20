import { describe, expect, it } from 'vitest';
import { localDateOf, localHourOf, wallClock } from './zoned-time';

const HOUR = 3_600_000;
// 29 s is under the shortest stretch that matters (Monrovia's hour turned at xx:44:30, half a
// minute before the quarter hour ended), so every such stretch gets a sample.
const STEP = 29_000;

/** Every sample in [from, from + hours) where the memoised local hour differs from `Intl`'s. */
function mismatches(timeZone: string, fromIso: string, hours: number): string[] {
  const found: string[] = [];
  const from = Date.parse(fromIso);
  for (let at = from; at < from + hours * HOUR; at += STEP) {
    const { year, month, day, hour } = wallClock(at, timeZone);
    const expected = { year, month, day, hour };
    // The first call fills the memo, the second reads it: both must be right.
    for (const actual of [localHourOf(at, timeZone), localHourOf(at, timeZone)]) {
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        found.push(`${new Date(at).toISOString()}: ${JSON.stringify(actual)}`);
    }
  }
  return found;
}

describe('localHourOf (memoised per quarter hour) agrees with Intl', () => {
  it.each([
    ['America/New_York', 'spring forward, 02:00 → 03:00', '2026-03-08T04:00:00Z'],
    ['America/New_York', 'fall back, 02:00 → 01:00', '2026-11-01T03:00:00Z'],
    ['Australia/Adelaide', 'a half-hour zone ending DST, 03:00 → 02:00', '2026-04-04T14:00:00Z'],
    ['Australia/Adelaide', 'a half-hour zone starting DST, 02:00 → 03:00', '2026-10-03T14:00:00Z'],
    ['Asia/Kathmandu', '+05:45, local midnight at 18:15 UTC', '2026-03-07T16:00:00Z'],
    ['Asia/Shanghai', 'no DST, midnight at 16:00 UTC', '2026-11-01T14:00:00Z'],
  ])('%s across %s', (timeZone, _change, from) => {
    expect(mismatches(timeZone, from, 6)).toEqual([]);
  });

  it.each([
    ['America/St_Johns', 'clocks moved at 00:01 (until 2011)', '2010-03-14T01:00:00Z'],
    ['America/St_Johns', 'clocks moved at 00:01 (until 2011)', '2010-11-07T00:00:00Z'],
    ['Africa/Monrovia', 'offset −00:44:30 (until 1972)', '1971-06-01T00:00:00Z'],
    ['Europe/Dublin', 'offset −00:25:21 (until 1916)', '1910-01-01T00:00:00Z'],
  ])('%s, where the hour changed inside a quarter hour: %s', (timeZone, _why, from) => {
    expect(mismatches(timeZone, from, 6)).toEqual([]);
  });

  it('gives the local date the same way', () => {
    const at = Date.parse('2026-11-01T05:59:59Z'); // 01:59:59 EDT, still Sunday 1 November
    expect(localDateOf(at, 'America/New_York')).toEqual({ year: 2026, month: 11, day: 1 });
    expect(localDateOf(at - 6 * HOUR, 'America/New_York')).toEqual({
      year: 2026,
      month: 10,
      day: 31,
    });
  });
});
