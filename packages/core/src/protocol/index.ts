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
  ClientFrameSchema,
  CredentialsSchema,
  HelloFrameSchema,
  PingFrameSchema,
  PROTOCOL_VERSION,
  ReadFrameSchema,
  RequestIdSchema,
  SendFrameSchema,
  StartFrameSchema,
  SubscribeFrameSchema,
  TypingFrameSchema,
  UnsubscribeFrameSchema,
} from './client-frames';
export type { DecodeResult, FrameProblem } from './frame-codec';
export { decodeClientFrame, decodeServerFrame, encodeFrame } from './frame-codec';
export type {
  ErrorFrame,
  ServerFrame,
  Session,
  WelcomeFrame,
  WireConversation,
  WireMessage,
} from './server-frames';
export {
  AckFrameSchema,
  ConversationFrameSchema,
  ErrorFrameSchema,
  MessageFrameSchema,
  PeerReadFrameSchema,
  PeerTypingFrameSchema,
  PongFrameSchema,
  ServerFrameSchema,
  SessionSchema,
  SyncedFrameSchema,
  WelcomeFrameSchema,
  WireConversationSchema,
  WireMessageSchema,
} from './server-frames';
export { toWireConversation, toWireMessage } from './wire-views';
