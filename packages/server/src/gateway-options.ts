import type { IncomingHttpHeaders } from 'node:http';
import type { Desk, EventBus, RateLimitStore } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import type { AgentPresenceOptions } from './agent-presence';
import type { AttachmentOptions } from './attachment-policy';
import type { AgentSubject } from './authorization';
import type { GatewayMetricsOptions } from './gateway-metrics';

/**
 * What `authenticate` gets to decide who an agent is.
 *
 * @example
 * const gateway = createGateway({
 *   desk,
 *   authenticate: async ({ token }: AgentAuthRequest) => {
 *     const session = await sessions.verify(token); // your own session store
 *     return session ? { agentId: session.agentId } : null;
 *   },
 * });
 */
export interface AgentAuthRequest {
  /** The token from the agent's `hello` frame or `Authorization: Bearer` header. */
  token: string;
  /** Headers of the WebSocket upgrade or HTTP request (cookies included). */
  headers: IncomingHttpHeaders;
  ip: string;
}

/**
 * Limits, each with a default. Per connection and per address they are counted in this process;
 * per customer and per address for new visitors in `rateLimits` (shared by every node using the
 * same store). Exceeding one answers `RATE_LIMITED` with `retryAfterMs`.
 *
 * @example
 * const limits: Partial<GatewayLimits> = { messagesPerMinute: 30, connectionsPerIp: 5 };
 * createGateway({ desk, limits });
 */
export interface GatewayLimits {
  /** Largest accepted frame in bytes (UTF-8), checked before parsing. Default 64 KiB. */
  maxFrameBytes: number;
  /** Deepest nesting of objects and arrays in a frame, checked before parsing. Default 16. */
  maxFrameDepth: number;
  /**
   * Bytes of frames per connection per minute (a token bucket: up to this much at once, refilled
   * evenly). Beyond it the gateway stops reading the connection until there is budget again.
   * Default 1 MiB.
   */
  inboundBytesPerMinute: number;
  /** Frames of any kind per connection per minute. Default 600. */
  framesPerMinute: number;
  /** `send` frames per customer (or agent) per minute, across connections and nodes. Default 60. */
  messagesPerMinute: number;
  /** New conversations per customer per hour, across connections and nodes. Default 10. */
  conversationsPerHour: number;
  /**
   * New visitors per address per hour: `POST {path}/visitors` and `hello` without a valid visitor
   * token. Default 20.
   */
  visitorsPerHour: number;
  /** Open connections per IP address (per gateway process). Default 20. */
  connectionsPerIp: number;
}

/**
 * The limits a gateway uses for each one its options leave out.
 *
 * @example
 * DEFAULT_LIMITS.maxFrameBytes; // 65536
 */
export const DEFAULT_LIMITS: GatewayLimits = {
  maxFrameBytes: 64 * 1024,
  maxFrameDepth: 16,
  inboundBytesPerMinute: 1024 * 1024,
  framesPerMinute: 600,
  messagesPerMinute: 60,
  conversationsPerHour: 10,
  visitorsPerHour: 20,
  connectionsPerIp: 20,
};

/**
 * How the gateway tells who a customer is.
 *
 * @example
 * createGateway({
 *   desk,
 *   identity: { secret: process.env.KEFU_SECRET, allowVisitors: true },
 * });
 */
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
  /** How long a visitor token is valid. Default 30 days; an expired token gets a new visitor. */
  visitorTokenTtlMs?: number;
  /**
   * A visitor token older than this is replaced on `hello` (`welcome.visitorToken`, same visitor,
   * fresh expiry). Default 1 day.
   */
  visitorTokenRotateAfterMs?: number;
}

/**
 * Options of `createGateway`: the desk, identity, agent authentication and limits.
 *
 * @example
 * const options: CreateGatewayOptions = {
 *   desk,
 *   path: '/kefu',
 *   identity: { secret: process.env.KEFU_SECRET },
 * };
 * const gateway = createGateway(options);
 */
export interface CreateGatewayOptions {
  desk: Desk;
  /** Where the gateway listens, for both WebSocket upgrades and HTTP. Default `/kefu`. */
  path?: string;
  identity?: IdentityOptions;
  /** Decides who an agent is; `null` (or a throw) refuses. Without it, agents cannot connect. */
  authenticate?: (request: AgentAuthRequest) => Promise<{ agentId: string } | null>;
  /**
   * May this agent read or write this customer's data: a conversation, a ticket, a survey, or the
   * customer's profile and orders? Applied to every frame and `call` that touches customer data.
   * Default: every agent may.
   */
  authorizeAgent?: (agentId: string, subject: AgentSubject) => boolean | Promise<boolean>;
  /**
   * Enforce agent roles (`agent` | `supervisor` | `admin`, see `desk.agents.upsert`). Default
   * true. A plain agent sees only conversations assigned to them and their teams' queue, and
   * cannot make supervisor calls (`metrics.report`, `supervision.*`); supervisors see every
   * team's conversations; only admins make privileged calls (`privacy.audit`, `privacy.erase`).
   * Applied before `authorizeAgent` and `authorizeCall` (all must allow). Agents stored before
   * roles existed read as `agent`: give supervisors and admins their role before upgrading, or
   * set `false` for the old behaviour (every agent sees everything; privileged calls only through
   * `authorizeCall`; `supervision.*` still need a supervisor).
   */
  enforceRoles?: boolean;
  /**
   * Origins (`https://candy.example`) browsers may connect from. Checked on the WebSocket upgrade
   * and on HTTP endpoints that take credentials; others get 403. Requests without an `Origin`
   * header (not from a browser) pass. Without this option no origin is checked, and `authenticate`
   * does not see the `cookie` header: set it when agents sign in with cookies.
   */
  allowedOrigins?: readonly string[];
  /** Which attachments clients may send. Default: none until `allowedHosts` is set. */
  attachments?: AttachmentOptions;
  /**
   * May an agent make this desk call (`call` frame, e.g. `tickets.propose`, `metrics.report`)?
   * Asked after the role rule allowed the call. Default: the role rule alone decides; without
   * roles (`enforceRoles: false`) privileged calls are then refused.
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
  /**
   * Where per-customer and per-address limits are counted: the storage adapter's
   * `storage.rateLimits` makes them hold across every node on the database. Default: in this
   * process (`createMemoryRateLimits()`), right for a single node.
   */
  rateLimits?: RateLimitStore;
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
