import type { Desk } from '@kefu/core';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayHooks, SubscriberHandle } from './gateway-context';

/**
 * `/metrics` on the gateway (Prometheus text, from prom-client).
 *
 * @example
 * ```ts
 * const gateway = createGateway({ desk, metrics: { token: process.env.METRICS_TOKEN, port: 9464 } });
 * ```
 */
export interface GatewayMetricsOptions {
  /**
   * Require `Authorization: Bearer <token>` on `<path>/metrics`. Without it the endpoint is open,
   * except when `NODE_ENV` is `production`: there it answers 401 until a token is set (or serve
   * it on a separate listener with `port`).
   */
  token?: string;
  /**
   * Also serve `/metrics` on a listener of its own (an internal port that is not exposed to the
   * internet); the token applies there too when set.
   */
  port?: number;
  /** The separate listener's address. Default `127.0.0.1`. */
  host?: string;
  /** Node process metrics (`process_*`, `nodejs_*`). Default true. */
  processMetrics?: boolean;
}

/** A connection as the metrics count it. */
export interface CountedConnection extends SubscriberHandle {
  readonly request: { ip: string };
}

/** Latency buckets in seconds: a few ms for a ping up to seconds for a slow report. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Every series the gateway exposes, documented in docs/guides/monitoring.md.
 *
 * @example
 * ```ts
 * const text = await gateway.metrics.text();
 * const missing = GATEWAY_SERIES.filter((name) => !text.includes(name));
 * ```
 */
export const GATEWAY_SERIES = [
  'kefu_queue_length',
  'kefu_queue_longest_wait_seconds',
  'kefu_agents_online',
  'kefu_agents_busy',
  'kefu_sla_conversations',
  'kefu_incident_active',
  'kefu_events_total',
  'kefu_jobs_lag_seconds',
  'kefu_gateway_connections',
  'kefu_gateway_connections_opened_total',
  'kefu_gateway_http_requests_total',
  'kefu_gateway_frames_received_total',
  'kefu_gateway_frames_sent_total',
  'kefu_gateway_request_duration_seconds',
  'kefu_gateway_errors_total',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
] as const;

/**
 * The gateway's Prometheus registry (its own, never prom-client's global one, so two gateways in
 * a process or the shop's own metrics do not collide) and the hooks that feed it.
 */
export function createGatewayMetrics(options: {
  desk: Desk;
  connections: () => Iterable<CountedConnection>;
  processMetrics: boolean;
}) {
  const { desk } = options;
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const live = () => desk.metrics.refresh();
  const gauge = (name: string, help: string, read: (g: Gauge) => Promise<void>, labels = []) =>
    new Gauge({
      name,
      help,
      labelNames: labels,
      registers,
      async collect() {
        await read(this);
      },
    });
  gauge('kefu_queue_length', 'Conversations waiting for an agent.', async (g) => {
    g.set((await live()).queueLength);
  });
  gauge(
    'kefu_queue_longest_wait_seconds',
    'Wait of the longest-waiting queued conversation.',
    async (g) => g.set((await live()).longestWaitMs / 1000),
  );
  gauge('kefu_agents_online', 'Agents online.', async (g) => g.set((await live()).agentsOnline));
  gauge('kefu_agents_busy', 'Online agents with at least one active conversation.', async (g) =>
    g.set((await live()).agentsBusy),
  );
  new Gauge({
    name: 'kefu_sla_conversations',
    help: 'Open conversations by SLA state.',
    labelNames: ['state'],
    registers,
    async collect() {
      const snapshot = await live();
      this.set({ state: 'at_risk' }, snapshot.slaAtRisk);
      this.set({ state: 'breached' }, snapshot.slaBreached);
    },
  });
  new Gauge({
    name: 'kefu_incident_active',
    help: 'Whether the desk is in incident mode (1) or not (0), by mode.',
    labelNames: ['mode'],
    registers,
    collect() {
      const incident = desk.incidents.getSnapshot();
      for (const mode of ['normal', 'bot-only', 'leave-message'] as const) {
        this.set({ mode }, incident?.mode === mode ? 1 : 0);
      }
    },
  });
  gauge(
    'kefu_jobs_lag_seconds',
    'How late the most overdue durable job is (0 when the runners keep up).',
    async (g) => g.set((await desk.jobs.lagMs()) / 1000),
  );
  new Gauge({
    name: 'kefu_gateway_connections',
    help: 'Open connections to this gateway, by role (anonymous before hello).',
    labelNames: ['role'],
    registers,
    collect() {
      const counts = new Map<string, number>([
        ['customer', 0],
        ['visitor', 0],
        ['agent', 0],
        ['anonymous', 0],
      ]);
      for (const connection of options.connections()) {
        const role = connection.principal?.role ?? 'anonymous';
        counts.set(role, (counts.get(role) ?? 0) + 1);
      }
      for (const [role, count] of counts) this.set({ role }, count);
    },
  });
  const counter = (name: string, help: string, label: string) =>
    new Counter({ name, help, labelNames: [label], registers });
  const events = counter(
    'kefu_events_total',
    'Domain events this node committed since it started, by type.',
    'type',
  );
  const opened = counter(
    'kefu_gateway_connections_opened_total',
    'Connections opened, by transport.',
    'transport',
  );
  const http = counter(
    'kefu_gateway_http_requests_total',
    'HTTP requests served under the gateway path, by status code.',
    'status',
  );
  const framesIn = counter(
    'kefu_gateway_frames_received_total',
    'Valid frames received from clients, by frame type.',
    'type',
  );
  const framesOut = counter(
    'kefu_gateway_frames_sent_total',
    'Frames sent to clients, by frame type.',
    'type',
  );
  const latency = new Histogram({
    name: 'kefu_gateway_request_duration_seconds',
    help: 'Time to handle one client frame (a command), by frame type.',
    labelNames: ['type'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const errors = counter(
    'kefu_gateway_errors_total',
    'Error frames sent to clients, by error code.',
    'code',
  );
  const off = desk.on('*', (event) => events.inc({ type: event.type }));
  // Fan-out sends one frame per connection: a child per frame type skips prom-client's label
  // hashing on that hot path.
  type Child = ReturnType<Counter['labels']>;
  const inChildren = new Map<string, Child>();
  const outChildren = new Map<string, Child>();
  const childOf = (metric: Counter, children: Map<string, Child>, type: string): Child => {
    let child = children.get(type);
    if (!child) {
      child = metric.labels({ type });
      children.set(type, child);
    }
    return child;
  };

  const hooks: Omit<GatewayHooks, 'identified'> = {
    opened: (transport) => opened.inc({ transport }),
    frameIn: (type) => childOf(framesIn, inChildren, type).inc(),
    frameOut: (frame) => {
      const type = (frame as { type?: unknown }).type;
      childOf(framesOut, outChildren, typeof type === 'string' ? type : 'unknown').inc();
      if (type === 'error') errors.inc({ code: String((frame as { code?: unknown }).code) });
    },
    handled: (type, ms) => latency.observe({ type }, ms / 1000),
    httpServed: (status) => http.inc({ status: String(status) }),
  };

  return {
    registry,
    hooks,
    /** The exposition text, every series collected now. */
    text: () => registry.metrics(),
    stop() {
      off();
      registry.clear();
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
