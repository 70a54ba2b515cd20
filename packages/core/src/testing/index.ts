/**
 * For tests: `VirtualClock`, record makers and `runStorageConformance`. ESM-only, and it needs `vitest` (>=3) installed: its suites are vitest tests.
 *
 * @module @kefu/core/testing
 */
export * from '../fixtures';
export { VirtualClock } from '../time/virtual-clock';
export type { BlobStoreConformanceOptions } from './blob-store-conformance';
export { runBlobStoreConformance } from './blob-store-conformance';
export {
  countErasedEvents,
  drainJobs,
  dyingNode,
  ERASURE_REQUEST,
  expectNoPersonalValues,
  PII,
  PII_VALUES,
  privacyScenarioOptions,
  seedPrivacyScenario,
} from './privacy-scenario';
export {
  FIXTURE_NOW,
  makeAgent,
  makeConversation,
  makeCustomer,
  makeEventDraft,
  makeJobDraft,
  makeMessage,
} from './storage-conformance/fixtures';
export type { StorageConformanceOptions } from './storage-conformance/run-storage-conformance';
export { runStorageConformance } from './storage-conformance/run-storage-conformance';
export { makeTicket } from './storage-conformance/ticket-fixture';
