// The public face of supervision/, re-exported by the package root.
export type { LiveConversation, LiveSentiment } from './live-view';
export {
  isSupervised,
  orderLiveView,
  SUPERVISED_STATUSES,
  toLiveConversation,
} from './live-view';
export type { LiveViewOptions, SupervisionApi } from './supervision-api';
export type {
  BargeInInput,
  LiveViewInput,
  ReassignInput,
  WatchInput,
  WhisperInput,
} from './supervision-schemas';
