import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Options of `createGatewayHealthCheck`.
 *
 * @example
 * ```ts
 * desk.incidents.watchHealth({ checks: { gateway: createGatewayHealthCheck({ maxEventLoopDelayMs: 500 }) } });
 * ```
 */
export interface GatewayHealthCheckOptions {
  /** Fail when the event loop's p99 delay since the last check is above this. Default 1000 ms. */
  maxEventLoopDelayMs?: number;
}

/**
 * A health check for `desk.incidents.watchHealth({ checks: { gateway } })`: fails when this
 * process is too busy to serve connections (the event loop's p99 delay since the previous check
 * is above `maxEventLoopDelayMs`). Call `stop()` on shutdown.
 *
 * @example
 * const gatewayCheck = createGatewayHealthCheck({ maxEventLoopDelayMs: 500 });
 * desk.incidents.watchHealth({ checks: { gateway: gatewayCheck.check } });
 */
export function createGatewayHealthCheck(options: GatewayHealthCheckOptions = {}) {
  const maxMs = options.maxEventLoopDelayMs ?? 1000;
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  return {
    check(): void {
      // Nanoseconds; NaN or 0 before the first sample.
      const p99Ms = histogram.percentile(99) / 1e6;
      histogram.reset();
      if (p99Ms > maxMs) {
        throw new Error(`event loop p99 delay ${Math.round(p99Ms)} ms (limit ${maxMs} ms)`);
      }
    },
    stop(): void {
      histogram.disable();
    },
  };
}
