import type { IncomingHttpHeaders } from 'node:http';
import type { Conversation, Desk, EventBus } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import type { AgentPresenceOptions } from './agent-presence';
import type { GatewayMetricsOptions } from './gateway-metrics';

/** What `authenticate` gets to decide who an agent is. */
export interface AgentAuthRequest {
  /** The token from the agent's `hello` frame or `Authorization: Bearer` header. */
  token: string;
  /** Headers of the WebSocket upgrade or HTTP request (cookies included). */
  headers: IncomingHttpHeaders;
  ip: string;
}

/** Limits per gateway; every one has a default, and exceeding one answers `RATE_LIMITED`. */
export interface GatewayLimits {
  /** Largest accepted frame in bytes (UTF-8). Default 64 KiB. */
  maxFrameBytes: number;
  /** `send` frames per connection per minute. Default 60. */
  messagesPerMinute: number;
  /** Frames of any kind per connection per minute. Default 600. */
  framesPerMinute: number;
  /** New conversations per customer per hour. Default 10. */
  conversationsPerHour: number;
  /** Open connections per IP address. Default 20. */
  connectionsPerIp: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxFrameBytes: 64 * 1024,
  messagesPerMinute: 60,
  framesPerMinute: 600,
  conversationsPerHour: 10,
  connectionsPerIp: 20,
};

export interface IdentityOptions {
  /**
   * The secret the shop signs customer ids with (`signCustomerId`). With it, unsigned and forged
   * customer identities are refused.
   */
  secret?: string;
  /**
   * Refuse unsigned customers. Defaults to `true` when `NODE_ENV` is `production`: a production
   * gateway without a secret throws at creation unless this is set to `false` explicitly.
   */
  requireSignature?: boolean;
  /** Let anonymous visitors in with signed visitor tokens (needs `secret`). Default false. */
  allowVisitors?: boolean;
}

export interface CreateGatewayOptions {
  desk: Desk;
  /** Where the gateway listens, for both WebSocket upgrades and HTTP. Default `/kefu`. */
  path?: string;
  identity?: IdentityOptions;
  /** Decides who an agent is; `null` (or a throw) refuses. Without it, agents cannot connect. */
  authenticate?: (request: AgentAuthRequest) => Promise<{ agentId: string } | null>;
  /** May an agent read and write this conversation? Default: every agent may. */
  authorizeAgent?: (agentId: string, conversation: Conversation) => boolean | Promise<boolean>;
  /**
   * May an agent make this desk call (`call` frame, e.g. `tickets.propose`, `metrics.report`)?
   * Default: every agent may make every allow-listed call. Use it to keep reports to supervisors.
   */
  authorizeCall?: (
    agentId: string,
    method: AgentCallMethod,
    input: Record<string, unknown>,
  ) => boolean | Promise<boolean>;
  limits?: Partial<GatewayLimits>;
  /** How often clients ping; silent connections are dropped after 2.5 times this. Default 25 s. */
  heartbeatMs?: number;
  /**
   * Cross-node fan-out: the storage adapter's event bus (`storage.bus`). Events committed on other
   * nodes are read from the log and sent to this node's connections.
   */
  bus?: EventBus;
  /** The client address; defaults to the socket's remote address. Use it behind a proxy. */
  getIp?: (request: { headers: IncomingHttpHeaders; socketAddress: string | undefined }) => string;
  /**
   * Tie agents' presence to their connections: when an agent's last connection to this gateway
   * has been closed for `graceMs`, an `online` agent becomes `away` or `offline`. Off by default.
   * Counted per gateway process: behind a load balancer, use sticky sessions for agents or a grace
   * longer than a reconnect takes.
   */
  agentPresence?: AgentPresenceOptions;
  /**
   * Prometheus metrics at `<path>/metrics` (and on `metrics.port` if given); `false` turns them
   * off. On by default; in production the gateway path answers 401 until `metrics.token` is set.
   */
  metrics?: GatewayMetricsOptions | false;
  /** Unexpected failures (not the client's fault). Defaults to `console.error`. */
  onError?: (error: unknown) => void;
}
