/**
 * `@kefu/core/protocol`: the wire protocol with its zod schemas, for gateways and anyone who wants
 * every field checked. Everything in `@kefu/core/wire` (types, version, `encodeFrame`,
 * `readServerFrame`) is here too.
 *
 * @module @kefu/core/protocol
 */
export type { ParsedClientFrame } from './client-frames';
export {
  ActFrameSchema,
  CallFrameSchema,
  ClaimNextFrameSchema,
  ClientFrameSchema,
  CredentialsSchema,
  HelloFrameSchema,
  InboxFrameSchema,
  PingFrameSchema,
  PresenceFrameSchema,
  RateFrameSchema,
  ReadFrameSchema,
  RequestIdSchema,
  SendFrameSchema,
  StartFrameSchema,
  StatusFrameSchema,
  SubscribeFrameSchema,
  TicketNoteFrameSchema,
  TicketReplyFrameSchema,
  TicketsFrameSchema,
  TypingFrameSchema,
  UnsubscribeFrameSchema,
  WatchMetricsFrameSchema,
  WatchSupervisionFrameSchema,
} from './client-frames';
export type { DecodeResult, FrameProblem } from './frame-codec';
export { decodeClientFrame, decodeServerFrame } from './frame-codec';
export {
  AckFrameSchema,
  AgentTicketFrameSchema,
  ConversationFrameSchema,
  DeskStatusSchema,
  ErrorFrameSchema,
  IncidentFrameSchema,
  LiveMetricsSchema,
  MessageFrameSchema,
  MetricsFrameSchema,
  PeerReadFrameSchema,
  PeerTypingFrameSchema,
  PongFrameSchema,
  QueueFrameSchema,
  ServerFrameSchema,
  SessionSchema,
  SupervisionFrameSchema,
  SurveyFrameSchema,
  SyncedFrameSchema,
  TicketFrameSchema,
  WelcomeFrameSchema,
  WireConversationDetailsSchema,
  WireConversationSchema,
  WireIncidentSchema,
  WireLiveConversationSchema,
  WireMessageSchema,
  WireSurveySchema,
  WireTicketSchema,
} from './server-frames';
export * from './wire';
export {
  toWireConversation,
  toWireIncident,
  toWireMessage,
  toWireSurvey,
  toWireTicket,
} from './wire-views';
