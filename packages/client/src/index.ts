export type {
  AgentCallMethod,
  AgentTicket,
  ConversationAction,
  DeskStatus,
  LiveMetrics,
  Session,
  WireConversation,
  WireConversationDetails,
  WireMessage,
  WireSurvey,
  WireTicket,
} from '@kefu/core/wire';
export type { BackoffOptions } from './backoff';
export { backoffDelay } from './backoff';
export type { OutboxStorage, TokenStorage } from './browser-storage';
export type {
  ClientMessage,
  ConversationView,
  MessageStatus,
  OutboxEntry,
  QueuePlace,
} from './conversation-state';
export type {
  ConnectionStatus,
  CreateKefuClientOptions,
  KefuClient,
  KefuClientSnapshot,
  RequestError,
} from './kefu-client';
export { createKefuClient } from './kefu-client';
export type {
  ClientTransport,
  InProcessGateway,
  TransportConnection,
  TransportHandlers,
  WebSocketConstructor,
  WebSocketLike,
} from './transport';
export { createInProcessTransport, createWebSocketTransport } from './transport';
