const MINUTE = 60_000;

/**
 * "about 3 minutes" / "约 3 分钟" style durations for waits: whole minutes, rounded up, or hours
 * past the hour.
 *
 * @example
 * formatDuration(150_000, 'en'); // '3 minutes'
 */
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  const [value, unit] = minutes >= 90 ? [Math.round(minutes / 60), 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/**
 * A clock time for a message, with the date when it is not `today` (a `Date#toDateString()`).
 *
 * @example
 * formatMessageTime(message.createdAt, 'zh-CN', new Date().toDateString()); // '14:05'
 */
export function formatMessageTime(at: number, locale: string, today: string): string {
  const sameDay = new Date(at).toDateString() === today;
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/**
 * A future instant such as the next opening: weekday, date and time.
 *
 * @example
 * formatInstant(deskStatus.nextOpeningAt, 'en'); // 'Mon, Nov 30, 09:00'
 */
export function formatInstant(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/**
 * Money in minor units (fen, cents) as the locale writes it.
 *
 * @example
 * formatMoney(2_000, 'CNY', 'zh-CN'); // '¥20.00'
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
