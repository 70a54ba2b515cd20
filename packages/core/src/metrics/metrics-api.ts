import type { DomainEvent, DomainEventType } from '../events/domain-events';
import type { SlaRuntime } from '../sla/sla-runtime';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { collectFacts } from './metrics-facts';
import { computeReport } from './metrics-report';
import { type MetricsReport, type ReportQueryInput, ReportQuerySchema } from './report-shape';

/** The desk right now, for wallboards and alerts. */
export interface LiveSnapshot {
  at: number;
  queueLength: number;
  longestWaitMs: number;
  agentsOnline: number;
  /** Online agents with at least one active conversation. */
  agentsBusy: number;
  /** Open conversations with a warned, not yet breached SLA clock. */
  slaAtRisk: number;
  /** Open conversations with a breached, unmet SLA clock. */
  slaBreached: number;
}

/** Service metrics (服务指标): reports from the event log, a live snapshot, Prometheus text. */
export interface MetricsApi {
  /**
   * Every metric for conversations created in [from, to), grouped as asked.
   *
   * @example
   * const report = await desk.metrics.report({ from, to, groupBy: ['agent', 'day'], timeZone: 'Asia/Shanghai' });
   */
  report(query: ReportQueryInput): Promise<MetricsReport>;
  /** Recomputes the live snapshot from storage now. */
  refresh(): Promise<LiveSnapshot>;
  subscribe(listener: () => void): () => void;
  /** The latest live snapshot (referentially stable until it changes). */
  getSnapshot(): LiveSnapshot;
  /** Prometheus text exposition of live gauges and of event counters since this desk started. */
  prometheus(): Promise<string>;
}

const PAGE = 1000;

/** Reads the whole event log, page by page. */
export async function readAllEvents(storage: StorageAdapter): Promise<DomainEvent[]> {
  const all: DomainEvent[] = [];
  for (let after = 0; ; ) {
    const page = await storage.events.read(after, PAGE);
    all.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return all;
    after = last.position;
  }
}

export function createMetrics(options: {
  storage: StorageAdapter;
  clock: Clock;
  sla: SlaRuntime;
  calendarId: string | undefined;
}) {
  const { storage, clock, sla } = options;
  const calendar = sla.calendar(options.calendarId);
  const counters = new Map<DomainEventType, number>();
  const listeners = new Set<() => void>();
  let snapshot: LiveSnapshot = {
    at: clock.now(),
    queueLength: 0,
    longestWaitMs: 0,
    agentsOnline: 0,
    agentsBusy: 0,
    slaAtRisk: 0,
    slaBreached: 0,
  };
  let refreshing: Promise<LiveSnapshot> | null = null;

  async function compute(): Promise<LiveSnapshot> {
    const now = clock.now();
    const [open, agents] = await Promise.all([
      storage.read.conversations.list(
        { status: ['queued', 'active', 'pending'] },
        { limit: 100_000 },
      ),
      storage.read.agents.list(),
    ]);
    const queued = open.filter((c) => c.status === 'queued');
    const clocks = open.map((c) =>
      Object.values(c.sla?.clocks ?? {}).filter((k) => k && k.metAt === null),
    );
    const next: LiveSnapshot = {
      at: now,
      queueLength: queued.length,
      longestWaitMs: Math.max(0, ...queued.map((c) => now - (c.queuedAt ?? c.createdAt))),
      agentsOnline: agents.filter((a) => a.presence === 'online').length,
      agentsBusy: agents.filter((a) => a.presence === 'online' && a.load > 0).length,
      slaAtRisk: clocks.filter((list) =>
        list.some((k) => k && k.warned.length > 0 && k.breachedAt === null),
      ).length,
      slaBreached: clocks.filter((list) => list.some((k) => k && k.breachedAt !== null)).length,
    };
    const changed = (Object.keys(next) as (keyof LiveSnapshot)[]).some(
      (key) => key !== 'at' && next[key] !== snapshot[key],
    );
    if (changed) {
      snapshot = next;
      for (const listener of listeners) listener();
    }
    return snapshot;
  }

  const api: MetricsApi = {
    async report(raw) {
      const query = parseInput(ReportQuerySchema, raw, 'metrics report query');
      if (storage.metrics) return storage.metrics.report(query, { calendar });
      return computeReport(collectFacts(await readAllEvents(storage)), query, calendar);
    },
    refresh() {
      refreshing ??= compute().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    async prometheus() {
      const live = await api.refresh();
      const lines = [
        '# HELP kefu_queue_length Conversations waiting for an agent.',
        '# TYPE kefu_queue_length gauge',
        `kefu_queue_length ${live.queueLength}`,
        '# HELP kefu_queue_longest_wait_seconds Wait of the longest-waiting queued conversation.',
        '# TYPE kefu_queue_longest_wait_seconds gauge',
        `kefu_queue_longest_wait_seconds ${live.longestWaitMs / 1000}`,
        '# HELP kefu_agents_online Agents online.',
        '# TYPE kefu_agents_online gauge',
        `kefu_agents_online ${live.agentsOnline}`,
        '# HELP kefu_agents_busy Online agents with at least one active conversation.',
        '# TYPE kefu_agents_busy gauge',
        `kefu_agents_busy ${live.agentsBusy}`,
        '# HELP kefu_sla_conversations Open conversations by SLA state.',
        '# TYPE kefu_sla_conversations gauge',
        `kefu_sla_conversations{state="at_risk"} ${live.slaAtRisk}`,
        `kefu_sla_conversations{state="breached"} ${live.slaBreached}`,
        '# HELP kefu_events_total Domain events this desk committed since it started, by type.',
        '# TYPE kefu_events_total counter',
        ...[...counters.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([type, count]) => `kefu_events_total{type="${type}"} ${count}`),
      ];
      return `${lines.join('\n')}\n`;
    },
  };
  return {
    api,
    /** Counts the event and, when someone watches the live snapshot, refreshes it. */
    onEvent(event: DomainEvent, onError: (error: unknown) => void) {
      counters.set(event.type, (counters.get(event.type) ?? 0) + 1);
      if (listeners.size > 0) api.refresh().catch(onError);
    },
  };
}
