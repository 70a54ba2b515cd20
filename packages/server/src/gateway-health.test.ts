import { describe, expect, it } from 'vitest';
import { createGatewayHealthCheck } from './gateway-health';

const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Blocks the event loop on purpose.
  }
};
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createGatewayHealthCheck', () => {
  it('passes while the event loop is free and fails after it was blocked past the limit', async () => {
    const health = createGatewayHealthCheck({ maxEventLoopDelayMs: 300 });
    try {
      await tick(100);
      expect(() => health.check()).not.toThrow();
      await tick(30);
      busy(900);
      await tick(50);
      expect(() => health.check()).toThrow(/event loop p99 delay \d+ ms \(limit 300 ms\)/);
      // The window restarts at each check: free again, healthy again.
      await tick(100);
      expect(() => health.check()).not.toThrow();
    } finally {
      health.stop();
    }
  });
});
