/**
 * The client for browsers and Node: reconnect with backoff, gap-free resume, an offline outbox with exactly-once sends, and a `subscribe`/`getSnapshot` store.
 *
 * @module @kefu/client
 */
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
export type { OutboxStorage, TokenStorage } from './browser-storage';
export type {
  ConnectionStatus,
  CreateKefuClientOptions,
  KefuClient,
  KefuClientSnapshot,
} from './client-types';
export type { BackoffOptions } from './connection/backoff';
export { backoffDelay } from './connection/backoff';
export type {
  ClientTransport,
  InProcessGateway,
  TransportConnection,
  TransportHandlers,
  WebSocketConstructor,
  WebSocketLike,
} from './connection/transport';
export { createInProcessTransport, createWebSocketTransport } from './connection/transport';
export type {
  ClientMessage,
  ConversationView,
  MessageStatus,
  OutboxEntry,
  QueuePlace,
} from './conversations/conversation-state';
export { createKefuClient } from './kefu-client';
export type { RequestError } from './requests/requests';
export type { UploadOptions, UploadProgress, WireAttachment } from './uploads/upload-types';
