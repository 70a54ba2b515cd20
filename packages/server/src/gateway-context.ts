import type { Author, Desk, Message, RateLimitDecision } from '@kefu/core';
import type { WireMessage } from '@kefu/core/protocol';
import type { AttachmentOptions } from './attachment-policy';
import type { AttachmentService } from './attachment-service';
import type { Identify } from './gateway-identity';
import type { CreateGatewayOptions, GatewayLimits } from './gateway-options';
import type { RecentKeys } from './inbound-budget';

/** Where a connection's frames go: a WebSocket, or a function for in-process clients. */
export interface ConnectionSink {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Stop reading from the client for `ms` (a socket's later frames wait in TCP meanwhile). */
  pause?(ms: number): void;
}

/** Who a connection (or an HTTP request) is, once authenticated. */
export interface Principal {
  role: 'customer' | 'visitor' | 'agent';
  id: string;
  author: Author;
  visitorToken?: string;
  /** The client address the identity was established from, for the audit log. */
  ip?: string;
}

/** Close codes the gateway uses (4000–4999 are for applications). */
export const CLOSE_CODES = {
  unauthorized: 4401,
  rateLimited: 4429,
  protocol: 4400,
  heartbeat: 4408,
  shutdown: 1001,
  restart: 1012,
} as const;

/**
 * What connections report as they work (metrics) and when they are identified (the incident
 * banner). Each hook is optional to call sites: they go through `context.hooks`.
 */
export interface GatewayHooks {
  opened(transport: 'websocket' | 'in_process'): void;
  /** A valid frame arrived. */
  frameIn(type: string): void;
  /** A frame goes out. */
  frameOut(frame: object): void;
  /** A frame was handled (or failed) after `ms`. */
  handled(type: string, ms: number): void;
  /** An HTTP request under the gateway path was answered with this status. */
  httpServed(status: number): void;
  /** The connection said hello and was identified (its `welcome` went out). */
  identified(connection: SubscriberHandle): void;
}

/** What connections share: the desk, the settings and the gateway-wide limits. */
export interface GatewayContext {
  desk: Desk;
  limits: GatewayLimits;
  heartbeatMs: number;
  /** Takes from a shared limit: `messages`/`conversations` per principal id, `visitors` per address. */
  takeLimit(
    kind: 'messages' | 'conversations' | 'visitors',
    key: string,
  ): Promise<RateLimitDecision>;
  /** (customerId:clientId) pairs already counted, so an idempotent retry is not counted twice. */
  countedStarts: RecentKeys;
  authorizeAgent: NonNullable<CreateGatewayOptions['authorizeAgent']>;
  authorizeCall: NonNullable<CreateGatewayOptions['authorizeCall']>;
  attachments: AttachmentOptions;
  /** Uploads, downloads and the signing of the gateway's own file links. */
  uploads: AttachmentService;
  identify: Identify;
  /** Creates the customer record of an accepted customer or visitor, once (idempotent). */
  ensureCustomer(principal: Principal): Promise<void>;
  subscribe(conversationId: string, connection: SubscriberHandle): void;
  unsubscribe(conversationId: string, connection: SubscriberHandle): void;
  subscribersOf(conversationId: string): Iterable<SubscriberHandle>;
  /** The agent's connection hears inbox changes; `ids` are the conversations it was sent. */
  watchInbox(agentId: string, connection: SubscriberHandle, ids: Iterable<string>): void;
  /** The customer's connection hears changes of their tickets. */
  watchTickets(customerId: string, connection: SubscriberHandle): void;
  /** The agent's connection hears the live desk (`metrics` frames). */
  watchMetrics(connection: SubscriberHandle): void;
  /** The supervisor's connection hears the live view; `shown` are the rows it was sent. */
  watchSupervision(
    connection: SubscriberHandle,
    teams: readonly string[] | undefined,
    shown: Iterable<string>,
  ): void;
  /** The connection closed: drop its inbox, ticket, metrics and live-view watches. */
  forget(connection: SubscriberHandle): void;
  onError(error: unknown): void;
  /** An agent's connection said hello, or closed (for presence tied to connections). */
  agentConnected(agentId: string): void;
  agentDisconnected(agentId: string): void;
  /**
   * A stored message as it goes on the wire, with its agent's display name; for agent
   * connections with personal data masked (see `desk.privacy.mask`).
   */
  wireMessage(message: Message, forAgent: boolean): WireMessage;
  hooks?: GatewayHooks;
}

/** The part of a connection the fan-out needs. */
export interface SubscriberHandle {
  readonly principal: Principal | null;
  deliver(frame: object): void;
}
