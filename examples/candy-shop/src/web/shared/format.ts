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

/** "2 分 05 秒" style durations for waits and SLA countdowns; negative means overdue. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0
    ? `${sign}${minutes}m ${String(seconds).padStart(2, '0')}s`
    : `${sign}${seconds}s`;
}
