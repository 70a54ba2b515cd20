export type {
  ClientFrame,
  Credentials,
  HelloFrame,
  ParsedClientFrame,
  SendFrame,
  StartFrame,
  SubscribeFrame,
} from './client-frames';
export {
  ActFrameSchema,
  CallFrameSchema,
  ClaimNextFrameSchema,
  ClientFrameSchema,
  CredentialsSchema,
  HelloFrameSchema,
  InboxFrameSchema,
  PingFrameSchema,
  PROTOCOL_VERSION,
  PresenceFrameSchema,
  RateFrameSchema,
  ReadFrameSchema,
  RequestIdSchema,
  SendFrameSchema,
  StartFrameSchema,
  StatusFrameSchema,
  SubscribeFrameSchema,
  TicketReplyFrameSchema,
  TicketsFrameSchema,
  TypingFrameSchema,
  UnsubscribeFrameSchema,
} from './client-frames';
export type { DecodeResult, FrameProblem } from './frame-codec';
export { decodeClientFrame, decodeServerFrame, encodeFrame } from './frame-codec';
export type { AgentCallMethod, ConversationAction } from './protocol-constants';
export { AGENT_CALL_METHODS, CONVERSATION_ACTIONS } from './protocol-constants';
export type {
  DeskStatus,
  ErrorFrame,
  ServerFrame,
  Session,
  WelcomeFrame,
  WireConversation,
  WireConversationDetails,
  WireMessage,
  WireSurvey,
  WireTicket,
} from './server-frames';
export {
  AckFrameSchema,
  ConversationFrameSchema,
  DeskStatusSchema,
  ErrorFrameSchema,
  MessageFrameSchema,
  PeerReadFrameSchema,
  PeerTypingFrameSchema,
  PongFrameSchema,
  QueueFrameSchema,
  ServerFrameSchema,
  SessionSchema,
  SurveyFrameSchema,
  SyncedFrameSchema,
  TicketFrameSchema,
  WelcomeFrameSchema,
  WireConversationDetailsSchema,
  WireConversationSchema,
  WireMessageSchema,
  WireSurveySchema,
  WireTicketSchema,
} from './server-frames';
export { readServerFrame } from './wire-codec';
export { toWireConversation, toWireMessage, toWireSurvey, toWireTicket } from './wire-views';
