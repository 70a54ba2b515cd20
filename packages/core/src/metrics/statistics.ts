/**
 * Summary of a set of durations or scores: never NaN — empty sets give nulls.
 *
 * @example
 * ```ts
 * const { p50, p90 }: Distribution = distribution([12_000, 18_000, 45_000]);
 * ```
 */
export interface Distribution {
  count: number;
  avg: number | null;
  p50: number | null;
  p90: number | null;
}

/** Nearest-rank percentile of sorted values (p in 0–100). */
function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

/**
 * The count, mean, median and 90th percentile of `values`, or nulls when there are none.
 *
 * @example
 * ```ts
 * distribution([3, 1, 2]); // { count: 3, avg: 2, p50: 2, p90: … }
 * distribution([]); // { count: 0, avg: null, p50: null, p90: null }
 * ```
 */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, avg: null, p50: null, p90: null };
  const sorted = sortedCopy(values);
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return {
    count: sorted.length,
    avg: sum / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
  };
}

/**
 * The values in ascending order. A Float64Array sorts numbers natively, over twice as fast as
 * `Array#sort` with a comparator, and a report sorts every duration of its cohort. It puts -0
 * before 0 and NaN last, though, where the comparator keeps -0 and 0 in arrival order (and NaN
 * wherever it lands), so a list holding either is sorted the old way: same percentiles.
 */
function sortedCopy(values: readonly number[]): ArrayLike<number> {
  for (const value of values) {
    if (Number.isNaN(value) || Object.is(value, -0)) return [...values].sort((a, b) => a - b);
  }
  return new Float64Array(values).sort();
}

/**
 * A share between 0 and 1, or null when there is nothing to divide by.
 *
 * @example
 * ```ts
 * rate(3, 4); // 0.75
 * rate(0, 0); // null: no data is not a zero rate
 * ```
 */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
