export * from '../fixtures';
export { VirtualClock } from '../time/virtual-clock';
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
