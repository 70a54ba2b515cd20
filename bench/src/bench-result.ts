import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One benchmark's outcome: the measured value, the baseline measured in the same run, and their ratio. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  params: Record<string, unknown>;
}

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}${result.name}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/**
 * A full collection, when node runs with --expose-gc (`pnpm bench` does): a measurement that
 * starts here does not pay for the garbage of what ran before it.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Median of repeated measurements: one noisy round does not move it. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Operations per second of `work(n)`. */
export async function opsPerSecond(n: number, work: (n: number) => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work(n);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return n / seconds;
}

/** Nearest-rank percentile (p in 0–100) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}
