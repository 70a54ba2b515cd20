export type { BackoffOptions } from './backoff';
export { backoffDelay } from './backoff';
export type {
  ClientMessage,
  ConversationView,
  MessageStatus,
  OutboxEntry,
} from './conversation-state';
export type {
  ConnectionStatus,
  CreateKefuClientOptions,
  KefuClient,
  KefuClientSnapshot,
  TokenStorage,
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
