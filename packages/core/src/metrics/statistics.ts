/** Summary of a set of durations or scores: never NaN — empty sets give nulls. */
export interface Distribution {
  count: number;
  avg: number | null;
  p50: number | null;
  p90: number | null;
}

/** Nearest-rank percentile of sorted values (p in 0–100). */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, avg: null, p50: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    avg: sum / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
  };
}

/** A share between 0 and 1, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
