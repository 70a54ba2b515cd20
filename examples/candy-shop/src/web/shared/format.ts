/** ¥12.80 from minor units (分). */
export function formatYuan(minor: number, currency = 'CNY'): string {
  return new Intl.NumberFormat('zh-CN', { style: 'currency', currency }).format(minor / 100);
}

/** A wall-clock time in Shanghai, where the shop is. */
export function formatShanghai(at: number, withDate = true): string {
  return new Date(at).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    ...(withDate
      ? { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
      : { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  });
}

/** "2m 05s" style durations for waits and SLA countdowns, "4h 36m" past the hour; negative means overdue. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const seconds = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (hours > 0) return `${sign}${hours}h ${pad(minutes)}m`;
  return minutes > 0 ? `${sign}${minutes}m ${pad(seconds)}s` : `${sign}${seconds}s`;
}
