/**
 * Background work that runs one pass at a time: a call while a pass runs asks for one more pass
 * (however many calls come), and every caller gets the promise that settles when the passes end.
 * The job runner, the gateway's event pump and the e-mail outbox run this way.
 *
 * @example
 * ```ts
 * const drain = coalescedRun(() => sendQueuedReplies(), { onError: console.error });
 * desk.on('message.posted', () => void drain.run());
 * await drain.settled(); // before shutting down
 * ```
 */
export interface CoalescedRun {
  /** Starts the passes, or asks the running ones for one more; settles when they end. */
  run(): Promise<void>;
  /** Settles when the passes in flight end (at once when none are). */
  settled(): Promise<void>;
}

/**
 * What {@link coalescedRun} takes besides the pass.
 *
 * @example
 * ```ts
 * const options: CoalescedRunOptions = { onError: console.error, stopOnError: true, keepGoing: () => running };
 * ```
 */
export interface CoalescedRunOptions {
  /** A pass that threw; it never rejects the callers' promise (and should not throw itself). */
  onError: (error: unknown) => void;
  /** After a pass throws, skip the passes asked for meanwhile (`afterPasses` still runs). */
  stopOnError?: boolean;
  /** Checked before each further pass; false (stopping) ends the passes. */
  keepGoing?: () => boolean;
  /** Runs once the passes end, before the next call can start new ones (arming a timer…). */
  afterPasses?: () => Promise<void> | void;
}

/**
 * Makes a {@link CoalescedRun} of `pass`.
 *
 * @example
 * ```ts
 * const tick = coalescedRun(() => desk.jobs.runDue().then(() => {}), { onError: console.error });
 * setInterval(() => void tick.run(), 1_000);
 * ```
 */
export function coalescedRun(
  pass: () => Promise<void>,
  options: CoalescedRunOptions,
): CoalescedRun {
  const keepGoing = options.keepGoing ?? (() => true);
  let inFlight: Promise<void> | null = null;
  let again = false;

  async function passes(): Promise<void> {
    try {
      for (;;) {
        let failed = false;
        do {
          again = false;
          try {
            await pass();
          } catch (error) {
            options.onError(error);
            failed = options.stopOnError === true;
          }
        } while (!failed && again && keepGoing());
        try {
          await options.afterPasses?.();
        } catch (error) {
          options.onError(error);
        }
        // A call that came while `afterPasses` ran gets its pass too (unless a pass just failed).
        if (failed || !again || !keepGoing()) return;
      }
    } finally {
      inFlight = null;
    }
  }

  return {
    run() {
      if (inFlight) {
        again = true;
        return inFlight;
      }
      // Set before the first pass starts, so a call from inside it (synchronously) asks for one
      // more pass instead of starting a second run alongside.
      let settle = () => {};
      inFlight = new Promise<void>((resolve) => {
        settle = resolve;
      });
      // `passes` reports its own errors; only an `onError` that throws could reject it.
      void passes()
        .catch(() => undefined)
        .then(settle);
      return inFlight;
    },
    settled: () => inFlight ?? Promise.resolve(),
  };
}
