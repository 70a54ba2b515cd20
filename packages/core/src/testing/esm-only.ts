// Built as `dist/testing/esm-only.cjs`: what `require('@kefu/core/testing')` loads.
const error = new Error(
  "@kefu/core/testing is ESM-only: its conformance suites run on vitest, which cannot be loaded with require(). Import it from an ES module or a test file (import { VirtualClock } from '@kefu/core/testing'), or use await import('@kefu/core/testing') from CommonJS; and install vitest (>=3) as a dev dependency.",
);
Object.assign(error, { code: 'ERR_REQUIRE_ESM' });
throw error;

export {};
