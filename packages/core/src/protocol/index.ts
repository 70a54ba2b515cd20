/**
 * `@kefu/core/protocol`: the wire protocol with its zod schemas, for gateways and anyone who wants
 * every field checked. Everything in `@kefu/core/wire` (types, version, `encodeFrame`,
 * `readServerFrame`) is here too.
 *
 * @module @kefu/core/protocol
 */

export {
  ActFrameSchema,
  CallFrameSchema,
  ClaimNextFrameSchema,
  PresenceFrameSchema,
  WatchMetricsFrameSchema,
  WatchSupervisionFrameSchema,
} from './agent-frames';
export type { ParsedClientFrame } from './client-frames';
export {
  ClientFrameSchema,
  CredentialsSchema,
  HelloFrameSchema,
  InboxFrameSchema,
  PingFrameSchema,
  RateFrameSchema,
  ReadFrameSchema,
  SendFrameSchema,
  StartFrameSchema,
  StatusFrameSchema,
  SubscribeFrameSchema,
  TicketNoteFrameSchema,
  TicketReplyFrameSchema,
  TicketsFrameSchema,
  TypingFrameSchema,
  UnsubscribeFrameSchema,
} from './client-frames';
export type { DecodeResult, FrameProblem } from './frame-codec';
export { decodeClientFrame, decodeServerFrame } from './frame-codec';
export { RequestIdSchema } from './request-id';
export {
  AckFrameSchema,
  AgentTicketFrameSchema,
  ConversationFrameSchema,
  ErrorFrameSchema,
  IncidentFrameSchema,
  MessageFrameSchema,
  MetricsFrameSchema,
  PeerReadFrameSchema,
  PeerTypingFrameSchema,
  PongFrameSchema,
  QueueFrameSchema,
  ServerFrameSchema,
  SessionSchema,
  SupervisionEndedFrameSchema,
  SupervisionFrameSchema,
  SurveyFrameSchema,
  SyncedFrameSchema,
  TicketFrameSchema,
  WelcomeFrameSchema,
} from './server-frames';
export * from './wire';
export {
  DeskStatusSchema,
  LiveMetricsSchema,
  WireConversationDetailsSchema,
  WireConversationSchema,
  WireIncidentSchema,
  WireLiveConversationSchema,
  WireMessageSchema,
  WireSurveySchema,
  WireTicketSchema,
} from './wire-records';
export {
  toWireConversation,
  toWireIncident,
  toWireMessage,
  toWireSurvey,
  toWireTicket,
} from './wire-views';
