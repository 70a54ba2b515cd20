/**
 * The only way core reads time or waits. Instants are epoch milliseconds, UTC.
 * Swap in `VirtualClock` from `@kefu/core/testing` to drive time by hand.
 *
 * @example
 * const desk = createDesk({ storage, clock: systemClock });
 */
export interface Clock {
  now(): number;
  /** Calls `callback` once, at or after `at`. Returns a function that cancels the call. */
  setTimer(at: number, callback: () => unknown): () => void;
}

// setTimeout overflows above 2^31-1 ms (about 24.8 days) and fires at once; longer waits re-arm.
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The real clock: `Date.now()` and `setTimeout`. Its timers do not keep a Node process alive.
 *
 * @example
 * const cancel = systemClock.setTimer(systemClock.now() + 1000, () => console.log('a second later'));
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, callback) {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const wait = Math.min(Math.max(0, at - Date.now()), MAX_TIMEOUT_MS);
      handle = setTimeout(() => {
        if (Date.now() < at) arm();
        else void callback();
      }, wait);
      (handle as { unref?: () => void }).unref?.();
    };
    arm();
    return () => clearTimeout(handle);
  },
};
