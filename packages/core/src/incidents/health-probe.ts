import { z } from 'zod';
import type { Clock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { INCIDENT_MODES } from '../vocabulary/incident-modes';
import { IncidentMessageSchema } from './incident';

/**
 * A named health check: resolves when healthy, throws (or rejects) when not.
 *
 * @example
 * ```ts
 * const gatewayCheck: HealthCheck = async () => {
 *   const response = await fetch('http://127.0.0.1:8080/kefu/health');
 *   if (!response.ok) throw new Error(`gateway ${response.status}`);
 * };
 * ```
 */
export type HealthCheck = () => unknown;

/**
 * How the health probe runs: extra checks, interval, timeout, how many failures start an incident and how many successes end it, and the incident’s mode and banner.
 *
 * @example
 * ```ts
 * const options = HealthProbeOptionsSchema.parse({ checks: { gateway: gatewayCheck }, failAfter: 3 });
 * ```
 */
export const HealthProbeOptionsSchema = z.object({
  /** Checks besides the desk's own storage check, by name (e.g. `gateway`). */
  checks: z
    .record(
      z.string().min(1).max(64),
      z.custom<HealthCheck>((value) => typeof value === 'function', 'must be a function'),
    )
    .default({}),
  /** How often every check runs. Default 5 s. */
  intervalMs: z.number().int().positive().default(5_000),
  /** A check slower than this counts as failed. Default 2 s. */
  timeoutMs: z.number().int().positive().default(2_000),
  /** Consecutive failures of one check that start an incident. Default 3. */
  failAfter: z.number().int().min(1).max(100).default(3),
  /** Consecutive successes of every check that end the incident the probe started. Default 2. */
  recoverAfter: z.number().int().min(1).max(100).default(2),
  /** The incident the probe starts. Default `leave-message`, with a bilingual default banner. */
  mode: z.enum(INCIDENT_MODES).default('leave-message'),
  message: IncidentMessageSchema.optional(),
});

/**
 * What {@link HealthProbeOptionsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const probe = desk.incidents.watchHealth({ checks: { gateway: gatewayCheck }, intervalMs: 10_000, mode: 'leave-message' });
 * ```
 */
export type HealthProbeOptions = z.input<typeof HealthProbeOptionsSchema>;

/**
 * One check's recent record.
 *
 * @example
 * ```ts
 * const report = await probe.checkNow();
 * const storage: CheckHealth = report.checks.storage!;
 * if (!storage.ok) console.warn(storage.lastError);
 * ```
 */
export interface CheckHealth {
  ok: boolean;
  failures: number;
  successes: number;
  lastError: string | null;
}

/**
 * The probe's view: `failing` once a check failed `failAfter` times in a row, until all recover.
 *
 * @example
 * ```ts
 * const report: HealthReport = probe.getSnapshot();
 * if (report.failing) pageOnCall(report.checks);
 * ```
 */
export interface HealthReport {
  at: number;
  failing: boolean;
  checks: Record<string, CheckHealth>;
}

const fresh = (): CheckHealth => ({ ok: true, failures: 0, successes: 0, lastError: null });

/**
 * The next report after one round of checks (pure): counts runs of failures and successes per
 * check; the desk is failing once any check reaches `failAfter`, and stays failing until every
 * check has `recoverAfter` successes in a row.
 *
 * @example
 * const next = nextHealth(report, { storage: 'connection refused' }, { failAfter: 3, recoverAfter: 2 }, now);
 */
export function nextHealth(
  previous: HealthReport,
  results: Record<string, string | null>,
  thresholds: { failAfter: number; recoverAfter: number },
  at: number,
): HealthReport {
  const checks: Record<string, CheckHealth> = {};
  for (const [name, error] of Object.entries(results)) {
    const before = previous.checks[name] ?? fresh();
    checks[name] =
      error === null
        ? { ok: true, failures: 0, successes: before.successes + 1, lastError: null }
        : { ok: false, failures: before.failures + 1, successes: 0, lastError: error };
  }
  const all = Object.values(checks);
  const failing = previous.failing
    ? !all.every((check) => check.successes >= thresholds.recoverAfter)
    : all.some((check) => check.failures >= thresholds.failAfter);
  return { at, failing, checks };
}

/**
 * A running health probe (from `desk.incidents.watchHealth`).
 *
 * @example
 * ```ts
 * const probe: HealthProbe = desk.incidents.watchHealth({ checks: { gateway: gatewayCheck } });
 * process.on('SIGTERM', () => probe.stop());
 * ```
 */
export interface HealthProbe {
  /** Runs every check once now and returns the new report. */
  checkNow(): Promise<HealthReport>;
  /** The latest report (referentially stable until the next round). */
  getSnapshot(): HealthReport;
  subscribe(listener: () => void): () => void;
  /** Stops checking; an incident it started stays until ended by hand or by a new probe. */
  stop(): void;
}

type ParsedOptions = z.output<typeof HealthProbeOptionsSchema>;

/** Runs the checks on the clock and reports when the desk starts and stops failing. */
export function createHealthProbe(
  raw: HealthProbeOptions,
  deps: {
    clock: Clock;
    checks: Record<string, HealthCheck>;
    onChange: (report: HealthReport, options: ParsedOptions) => Promise<void>;
    onError: (error: unknown) => void;
  },
): HealthProbe {
  const options = parseInput(HealthProbeOptionsSchema, raw, 'health probe options');
  const { clock } = deps;
  const checks = { ...deps.checks, ...options.checks };
  const listeners = new Set<() => void>();
  let report: HealthReport = { at: clock.now(), failing: false, checks: {} };
  let stopped = false;
  let cancelTimer: (() => void) | null = null;
  let round: Promise<HealthReport> | null = null;

  const runOne = (check: HealthCheck) =>
    new Promise<string | null>((resolve) => {
      const cancel = clock.setTimer(clock.now() + options.timeoutMs, () =>
        resolve(`no answer within ${options.timeoutMs} ms`),
      );
      Promise.resolve()
        .then(check)
        .then(
          () => resolve(null),
          (error: unknown) => resolve(error instanceof Error ? error.message : String(error)),
        )
        .finally(cancel);
    });

  async function runRound(): Promise<HealthReport> {
    const names = Object.keys(checks);
    const errors = await Promise.all(names.map((name) => runOne(checks[name] as HealthCheck)));
    const results = Object.fromEntries(names.map((name, i) => [name, errors[i] ?? null]));
    const previous = report;
    report = nextHealth(previous, results, options, clock.now());
    for (const listener of listeners) listener();
    if (report.failing !== previous.failing) await deps.onChange(report, options);
    return report;
  }

  const checkNow = () => {
    round ??= runRound().finally(() => {
      round = null;
    });
    return round;
  };

  const schedule = () => {
    if (stopped) return;
    cancelTimer = clock.setTimer(clock.now() + options.intervalMs, async () => {
      await checkNow().catch(deps.onError);
      schedule();
    });
  };
  schedule();

  return {
    checkNow,
    getSnapshot: () => report,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      stopped = true;
      cancelTimer?.();
    },
  };
}
