import { isKefuError } from '../errors/kefu-error';
import { coalescedRun } from '../jobs/coalesced-run';
import type { Job } from '../jobs/job';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import type { RunCommand } from './command-runner';
import type { DeskSettings } from './desk-settings';
import { jobHandlers } from './job-handlers';

/**
 * Durable timers (idle close, reopen-window close…) and the runner that fires them.
 *
 * @example
 * await desk.jobs.start(); // long-running servers
 * // or, serverless: from a scheduler every minute
 * const ran = await desk.jobs.runDue();
 */
export interface JobsApi {
  /**
   * Claims and runs every job due now, once; returns how many ran. Use it from a cron, a test, or
   * a serverless function instead of `start()`.
   */
  runDue(): Promise<number>;
  /**
   * Runs due jobs now and then whenever one comes due (and every `pollIntervalMs`, for jobs other
   * nodes scheduled). Resolves after the first run.
   *
   * @example
   * await desk.jobs.start();
   * // …on shutdown
   * await desk.jobs.stop();
   */
  start(): Promise<void>;
  /** Stops the runner and waits for the run in progress. */
  stop(): Promise<void>;
  readonly running: boolean;
  /**
   * How late the most overdue job is, in ms (0 when nothing is due): a runner that keeps up stays
   * near 0. A job claimed by a runner counts from the end of its lease.
   *
   * @example
   * if ((await desk.jobs.lagMs()) > 60_000) alert('jobs are a minute behind');
   */
  lagMs(): Promise<number>;
}

export interface JobRunner extends JobsApi {
  /** Tells the runner a job this node scheduled comes due at `dueAt`. */
  wake(dueAt: number): void;
}

const MAX_RETRY_DELAY_MS = 5 * 60_000;

export function createJobRunner(options: {
  storage: StorageAdapter;
  clock: Clock;
  run: () => RunCommand;
  settings: DeskSettings['jobs'];
  onError: (error: unknown) => void;
  /** Awaited before a claimed job runs (e.g. to read state other nodes changed). */
  beforeJob?: (job: Job) => Promise<void> | undefined;
}): JobRunner {
  const { storage, clock, settings, onError } = options;
  let running = false;
  let cancelTimer: (() => void) | null = null;
  let timerAt = Number.POSITIVE_INFINITY;

  async function runOne(job: Job): Promise<void> {
    const token = job.claimToken ?? '';
    try {
      await options.beforeJob?.(job);
      await options.run()(async (tx, context) => {
        await tx.jobs.complete(job.id, token, context.now);
        await jobHandlers[job.kind](tx, context, job, storage.read);
      });
    } catch (error) {
      // Another runner took the job over after our lease ran out: it is theirs now.
      if (isKefuError(error, 'CONFLICT')) return;
      onError(error);
      const delay = Math.min(1000 * 2 ** job.attempts, MAX_RETRY_DELAY_MS);
      const message = error instanceof Error ? error.message : String(error);
      const now = clock.now();
      await storage.jobs
        .release({ jobId: job.id, claimToken: token, retryAt: now + delay, error: message, now })
        .catch(onError);
    }
  }

  async function runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await storage.jobs.claimDue({
        now: clock.now(),
        leaseMs: settings.leaseMs,
        limit: settings.batchSize,
      });
      for (const job of jobs) await runOne(job);
      ran += jobs.length;
      if (jobs.length < settings.batchSize) return ran;
    }
  }

  function arm(at: number): void {
    if (!running || at >= timerAt) return;
    cancelTimer?.();
    timerAt = at;
    cancelTimer = clock.setTimer(at, () => {
      cancelTimer = null;
      timerAt = Number.POSITIVE_INFINITY;
      return tick();
    });
  }

  // Passes of `runDue`, one at a time; then the timer for the next due job (or the next poll).
  const ticks = coalescedRun(
    async () => {
      await runDue();
    },
    {
      onError,
      keepGoing: () => running,
      afterPasses: async () => {
        const next = await storage.jobs.nextDueAt().catch((error: unknown) => {
          onError(error);
          return null;
        });
        arm(Math.min(next ?? Number.POSITIVE_INFINITY, clock.now() + settings.pollIntervalMs));
      },
    },
  );
  const tick = () => ticks.run();

  return {
    runDue,
    async lagMs() {
      const due = await storage.jobs.nextDueAt();
      return due === null ? 0 : Math.max(0, clock.now() - due);
    },
    async start() {
      if (running) return;
      running = true;
      await tick();
    },
    async stop() {
      running = false;
      cancelTimer?.();
      cancelTimer = null;
      timerAt = Number.POSITIVE_INFINITY;
      await ticks.settled();
    },
    get running() {
      return running;
    },
    wake(dueAt) {
      arm(Math.max(dueAt, clock.now()));
    },
  };
}
