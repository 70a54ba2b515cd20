import { z } from 'zod';
import type { BusinessCalendar } from '../sla/business-calendar';
import { SLA_TARGETS, type SlaTarget } from '../sla/sla-policy';
import { wallClock } from '../sla/zoned-time';
import type { ConversationFacts, LogFacts } from './metrics-facts';
import { type Distribution, distribution, rate } from './statistics';

export const GROUP_BY = ['agent', 'team', 'channel', 'priority', 'category', 'day', 'hour'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const ReportQuerySchema = z
  .object({
    /** Cohort: conversations and tickets created in [from, to). Epoch ms. */
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
    groupBy: z.array(z.enum(GROUP_BY)).max(3).default([]),
    /** Zone for `day` and `hour`. */
    timeZone: z.string().default('UTC'),
  })
  .refine((query) => query.from < query.to, { message: '`from` must be before `to`', path: ['to'] });
export type ReportQueryInput = z.input<typeof ReportQuerySchema>;
export type ReportQuery = z.output<typeof ReportQuerySchema>;

/** Every metric for one group; formulas in docs/concepts/metrics.md. Rates are 0–1 or null. */
export interface Metrics {
  conversations: number;
  firstResponseTime: Distribution;
  firstResponseBusinessTime: Distribution;
  responseTime: Distribution;
  resolutionTime: Distribution;
  speedOfAnswer: Distribution;
  firstContactResolution: number | null;
  resolutionRate: number | null;
  abandonmentRate: number | null;
  slaAttainment: Partial<Record<SlaTarget, number | null>>;
  csat: { score: number | null; responseRate: number | null; responses: number };
  nps: { score: number | null; responses: number };
  ces: { average: number | null; responses: number };
  complaintRate: number | null;
  repeatComplaintRate: number | null;
  handled: number;
  handleTime: Distribution;
  /** Handle time over online capacity time; only when grouped by agent alone. */
  utilisation: number | null;
  /** Open at `to`: created before it and not resolved, closed or abandoned by then. */
  backlog: number;
}

export interface ReportRow {
  group: Partial<Record<GroupBy, string>>;
  metrics: Metrics;
}

export interface MetricsReport {
  query: ReportQuery;
  total: Metrics;
  rows: ReportRow[];
}

function groupOf(facts: ConversationFacts, by: readonly GroupBy[], timeZone: string) {
  const c = facts.latest;
  const group: Partial<Record<GroupBy, string>> = {};
  for (const key of by) {
    if (key === 'agent') group.agent = c.assigneeId ?? 'unassigned';
    if (key === 'team') group.team = c.team ?? 'none';
    if (key === 'channel') group.channel = c.channel;
    if (key === 'priority') group.priority = c.priority;
    if (key === 'category') group.category = c.topic ?? 'none';
    if (key === 'day' || key === 'hour') {
      const w = wallClock(c.createdAt, timeZone);
      const pad = (n: number) => String(n).padStart(2, '0');
      if (key === 'day') group.day = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
      else group.hour = pad(w.hour);
    }
  }
  return group;
}

const RESOLVED_STATES = new Set(['resolved', 'closed']);

/**
 * Computes every metric for the cohort of conversations created in [from, to), grouped as asked.
 * Pure: the same facts and query always give the same report.
 */
export function computeReport(facts: LogFacts, query: ReportQuery, calendar: BusinessCalendar): MetricsReport {
  const cohort = [...facts.conversations.values()].filter(
    (f) => f.latest.createdAt >= query.from && f.latest.createdAt < query.to,
  );
  const groups = new Map<string, { group: Partial<Record<GroupBy, string>>; members: ConversationFacts[] }>();
  for (const member of cohort) {
    const group = groupOf(member, query.groupBy, query.timeZone);
    const key = JSON.stringify(query.groupBy.map((k) => group[k]));
    const entry = groups.get(key) ?? { group, members: [] };
    entry.members.push(member);
    groups.set(key, entry);
  }
  const byAgentOnly = query.groupBy.length === 1 && query.groupBy[0] === 'agent';
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { group, members }]) => ({
      group,
      metrics: metricsOf(members, facts, query, calendar, byAgentOnly ? (group.agent ?? null) : null),
    }));
  return { query, total: metricsOf(cohort, facts, query, calendar, null), rows };
}

function metricsOf(
  members: ConversationFacts[],
  facts: LogFacts,
  query: ReportQuery,
  calendar: BusinessCalendar,
  agentId: string | null,
): Metrics {
  const ids = new Set(members.map((m) => m.latest.id));
  const conversations = members.map((m) => m.latest);
  const queued = conversations.filter((c) => c.queuedAt !== null);
  const answered = conversations.filter((c) => c.firstResponseAt !== null);
  const start = (c: (typeof conversations)[number]) => c.queuedAt ?? c.createdAt;
  const resolved = conversations.filter((c) => c.resolvedAt !== null || RESOLVED_STATES.has(c.status));
  const firstResolved = resolved.filter((c) => c.resolvedAt !== null);
  const assigned = conversations.filter((c) => c.assignedAt !== null && c.queuedAt !== null);
  const slaAttainment: Partial<Record<SlaTarget, number | null>> = {};
  for (const target of SLA_TARGETS) {
    const outcomes = members.map((m) => m.sla[target]).filter((o) => o !== undefined);
    if (outcomes.length > 0) slaAttainment[target] = rate(outcomes.filter((o) => o === 'met').length, outcomes.length);
  }
  const sent = facts.surveysSent.filter((s) => s.conversationId !== null && ids.has(s.conversationId));
  const answers = facts.surveyAnswers.filter((s) => s.conversationId !== null && ids.has(s.conversationId));
  const of = (kind: 'csat' | 'nps' | 'ces') => answers.filter((a) => a.kind === kind).map((a) => a.score);
  const csat = of('csat');
  const nps = of('nps');
  const ces = of('ces');
  const complaints = [...facts.tickets.values()].filter(
    (t) => t.kind === 'complaint' && t.conversationIds.some((id) => ids.has(id)),
  );
  const handled = firstResolved.filter((c) => c.assignedAt !== null);
  const handleTimes = handled.map((c) => (c.resolvedAt ?? 0) - (c.assignedAt ?? 0));
  return {
    conversations: conversations.length,
    firstResponseTime: distribution(answered.map((c) => (c.firstResponseAt ?? 0) - start(c))),
    firstResponseBusinessTime: distribution(
      answered.map((c) => calendar.businessTimeBetween(start(c), c.firstResponseAt ?? 0)),
    ),
    responseTime: distribution(members.flatMap((m) => m.responseTimes)),
    resolutionTime: distribution(firstResolved.map((c) => (c.resolvedAt ?? 0) - c.createdAt)),
    speedOfAnswer: distribution(assigned.map((c) => (c.assignedAt ?? 0) - (c.queuedAt ?? 0))),
    firstContactResolution: rate(
      firstResolved.filter((c) => c.reopenCount === 0 && c.transferCount === 0).length,
      firstResolved.length,
    ),
    resolutionRate: rate(resolved.length, conversations.length),
    abandonmentRate: rate(queued.filter((c) => c.status === 'abandoned').length, queued.length),
    slaAttainment,
    csat: {
      score: rate(csat.filter((s) => s >= 4).length, csat.length),
      responseRate: rate(answers.filter((a) => a.kind === 'csat').length, sent.filter((s) => s.kind === 'csat').length),
      responses: csat.length,
    },
    nps: {
      score:
        nps.length === 0
          ? null
          : (100 * (nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length)) / nps.length,
      responses: nps.length,
    },
    ces: { average: distribution(ces).avg, responses: ces.length },
    complaintRate: rate(complaints.length, conversations.length),
    repeatComplaintRate: rate(complaints.filter((t) => t.repeat).length, complaints.length),
    handled: handled.length,
    handleTime: distribution(handleTimes),
    utilisation:
      agentId === null ? null : utilisation(facts, agentId, query, handleTimes.reduce((a, b) => a + b, 0)),
    backlog: conversations.filter((c) => isOpenAt(c, query.to)).length,
  };
}

function isOpenAt(c: { createdAt: number; resolvedAt: number | null; closedAt: number | null; abandonedAt: number | null }, at: number) {
  if (c.createdAt >= at) return false;
  const ended = [c.resolvedAt, c.closedAt, c.abandonedAt].filter((t): t is number => t !== null);
  return ended.length === 0 || Math.min(...ended) >= at;
}

/** Handle time over the agent's online time × capacity inside [from, to). */
function utilisation(facts: LogFacts, agentId: string, query: ReportQuery, handleMs: number): number | null {
  let onlineSince: number | null = null;
  let capacity = 0;
  let capacityTime = 0;
  for (const change of facts.presence) {
    if (change.agentId !== agentId) continue;
    const at = Math.min(Math.max(change.at, query.from), query.to);
    if (onlineSince !== null) capacityTime += (at - onlineSince) * capacity;
    onlineSince = change.online ? at : null;
    capacity = change.capacity;
  }
  if (onlineSince !== null) capacityTime += (query.to - onlineSince) * capacity;
  return capacityTime === 0 ? null : handleMs / capacityTime;
}
