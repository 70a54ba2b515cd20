import { z } from 'zod';
import type { Conversation } from '../conversation/conversation';
import type { BusinessCalendar } from '../sla/business-calendar';
import { SLA_TARGETS, type SlaTarget } from '../sla/sla-policy';
import { assertTimeZone, localHourOf } from '../sla/zoned-time';
import type { Ticket } from '../tickets/ticket';
import type { ConversationFacts, LogFacts } from './metrics-facts';
import { type Distribution, distribution, rate } from './statistics';

export const GROUP_BY = [
  'agent',
  'team',
  'channel',
  'priority',
  'category',
  'day',
  'hour',
] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const ReportQuerySchema = z
  .object({
    /** Cohort: conversations and tickets created in [from, to). Epoch ms. */
    from: z.number().int().nonnegative(),
    to: z.number().int().nonnegative(),
    groupBy: z.array(z.enum(GROUP_BY)).max(3).default([]),
    /** Zone for `day` and `hour`. */
    timeZone: z
      .string()
      .refine((zone) => {
        try {
          assertTimeZone(zone);
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Asia/Shanghai')
      .default('UTC'),
  })
  .refine((query) => query.from < query.to, {
    message: '`from` must be before `to`',
    path: ['to'],
  });
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

/**
 * The part of {@link LogFacts} the report reads, and nothing more: a database adapter's
 * `metrics.report` hook can fetch exactly these fields and hand them to `computeReport`.
 */
export interface ReportFacts {
  conversations: ReadonlyMap<string, ReportConversationFacts>;
  tickets: ReadonlyMap<string, Pick<Ticket, 'kind' | 'conversationIds' | 'repeat'>>;
  surveysSent: LogFacts['surveysSent'];
  surveyAnswers: LogFacts['surveyAnswers'];
  presence: LogFacts['presence'];
}

/** One conversation of {@link ReportFacts}: only the snapshot fields the report reads. */
export type ReportConversationFacts = Omit<ConversationFacts, 'latest'> & {
  latest: Pick<
    Conversation,
    | 'id'
    | 'assigneeId'
    | 'team'
    | 'channel'
    | 'priority'
    | 'topic'
    | 'status'
    | 'createdAt'
    | 'queuedAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'abandonedAt'
    | 'reopenCount'
    | 'transferCount'
  >;
};

function groupOf(facts: ReportConversationFacts, by: readonly GroupBy[], timeZone: string) {
  const c = facts.latest;
  const group: Partial<Record<GroupBy, string>> = {};
  for (const key of by) {
    if (key === 'agent') group.agent = c.assigneeId ?? 'unassigned';
    if (key === 'team') group.team = c.team ?? 'none';
    if (key === 'channel') group.channel = c.channel;
    if (key === 'priority') group.priority = c.priority;
    if (key === 'category') group.category = c.topic ?? 'none';
    if (key === 'day' || key === 'hour') {
      const w = localHourOf(c.createdAt, timeZone);
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
export function computeReport(
  facts: ReportFacts,
  query: ReportQuery,
  calendar: BusinessCalendar,
): MetricsReport {
  const index = indexByConversation(facts);
  const cohort = [...facts.conversations.values()].filter(
    (f) => f.latest.createdAt >= query.from && f.latest.createdAt < query.to,
  );
  const groups = new Map<
    string,
    { group: Partial<Record<GroupBy, string>>; members: ReportConversationFacts[] }
  >();
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
      metrics: metricsOf(
        members,
        facts,
        index,
        query,
        calendar,
        byAgentOnly ? (group.agent ?? null) : null,
      ),
    }));
  return { query, total: metricsOf(cohort, facts, index, query, calendar, null), rows };
}

interface ConversationIndex {
  surveysSent: Map<string, LogFacts['surveysSent']>;
  surveyAnswers: Map<string, LogFacts['surveyAnswers']>;
  complaints: Map<string, Pick<Ticket, 'repeat'>[]>;
}

/** Surveys and complaint tickets by conversation, so each group reads only its own. */
function indexByConversation(facts: ReportFacts): ConversationIndex {
  const push = <T>(map: Map<string, T[]>, key: string | null, value: T) => {
    if (key === null) return;
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const index: ConversationIndex = {
    surveysSent: new Map(),
    surveyAnswers: new Map(),
    complaints: new Map(),
  };
  for (const sent of facts.surveysSent) push(index.surveysSent, sent.conversationId, sent);
  for (const answer of facts.surveyAnswers)
    push(index.surveyAnswers, answer.conversationId, answer);
  for (const ticket of facts.tickets.values()) {
    if (ticket.kind !== 'complaint') continue;
    // A complaint counts once, for the first conversation it came from.
    push(index.complaints, ticket.conversationIds[0] ?? null, ticket);
  }
  return index;
}

function metricsOf(
  members: ReportConversationFacts[],
  facts: ReportFacts,
  index: ConversationIndex,
  query: ReportQuery,
  calendar: BusinessCalendar,
  agentId: string | null,
): Metrics {
  // One pass over the group; every metric below is a fold of these lists and counters.
  const firstResponses: number[] = [];
  const firstResponsesBusiness: number[] = [];
  const responses: number[] = [];
  const resolutions: number[] = [];
  const answerSpeeds: number[] = [];
  const handleTimes: number[] = [];
  const slaOutcomes = new Map<SlaTarget, { met: number; all: number }>();
  const sent: LogFacts['surveysSent'] = [];
  const answers: LogFacts['surveyAnswers'] = [];
  const complaints: Pick<Ticket, 'repeat'>[] = [];
  let queued = 0;
  let abandoned = 0;
  let resolved = 0;
  let firstContact = 0;
  let resolvedOnce = 0;
  let backlog = 0;
  for (const member of members) {
    const c = member.latest;
    const start = c.queuedAt ?? c.createdAt;
    if (member.firstResponseAt !== null) {
      firstResponses.push(member.firstResponseAt - start);
      firstResponsesBusiness.push(calendar.businessTimeBetween(start, member.firstResponseAt));
    }
    for (const time of member.responseTimes) responses.push(time);
    if (c.queuedAt !== null) {
      queued++;
      if (c.status === 'abandoned') abandoned++;
      if (member.firstAssignedAt !== null) answerSpeeds.push(member.firstAssignedAt - c.queuedAt);
    }
    if (c.resolvedAt !== null || RESOLVED_STATES.has(c.status)) resolved++;
    if (c.resolvedAt !== null) {
      resolvedOnce++;
      resolutions.push(c.resolvedAt - c.createdAt);
      if (c.reopenCount === 0 && c.transferCount === 0) firstContact++;
      if (member.firstAssignedAt !== null) handleTimes.push(c.resolvedAt - member.firstAssignedAt);
    }
    if (isOpenAt(c, query.to)) backlog++;
    for (const [target, outcome] of Object.entries(member.sla) as [
      SlaTarget,
      'met' | 'breached',
    ][]) {
      const tally = slaOutcomes.get(target) ?? { met: 0, all: 0 };
      tally.all++;
      if (outcome === 'met') tally.met++;
      slaOutcomes.set(target, tally);
    }
    for (const item of index.surveysSent.get(c.id) ?? []) sent.push(item);
    for (const item of index.surveyAnswers.get(c.id) ?? []) answers.push(item);
    for (const ticket of index.complaints.get(c.id) ?? []) complaints.push(ticket);
  }
  const slaAttainment: Partial<Record<SlaTarget, number | null>> = {};
  for (const target of SLA_TARGETS) {
    const tally = slaOutcomes.get(target);
    if (tally) slaAttainment[target] = rate(tally.met, tally.all);
  }
  const of = (kind: 'csat' | 'nps' | 'ces') =>
    answers.filter((a) => a.kind === kind).map((a) => a.score);
  const csat = of('csat');
  const nps = of('nps');
  const ces = of('ces');
  return {
    conversations: members.length,
    firstResponseTime: distribution(firstResponses),
    firstResponseBusinessTime: distribution(firstResponsesBusiness),
    responseTime: distribution(responses),
    resolutionTime: distribution(resolutions),
    speedOfAnswer: distribution(answerSpeeds),
    firstContactResolution: rate(firstContact, resolvedOnce),
    resolutionRate: rate(resolved, members.length),
    abandonmentRate: rate(abandoned, queued),
    slaAttainment,
    csat: {
      score: rate(csat.filter((s) => s >= 4).length, csat.length),
      responseRate: rate(csat.length, sent.filter((s) => s.kind === 'csat').length),
      responses: csat.length,
    },
    nps: {
      score:
        nps.length === 0
          ? null
          : (100 * (nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length)) /
            nps.length,
      responses: nps.length,
    },
    ces: { average: distribution(ces).avg, responses: ces.length },
    complaintRate: rate(complaints.length, members.length),
    repeatComplaintRate: rate(complaints.filter((t) => t.repeat).length, complaints.length),
    handled: handleTimes.length,
    handleTime: distribution(handleTimes),
    utilisation:
      agentId === null
        ? null
        : utilisation(
            facts,
            agentId,
            query,
            handleTimes.reduce((a, b) => a + b, 0),
          ),
    backlog,
  };
}

function isOpenAt(
  c: {
    createdAt: number;
    resolvedAt: number | null;
    closedAt: number | null;
    abandonedAt: number | null;
  },
  at: number,
) {
  if (c.createdAt >= at) return false;
  const ended = [c.resolvedAt, c.closedAt, c.abandonedAt].filter((t): t is number => t !== null);
  return ended.length === 0 || Math.min(...ended) >= at;
}

/** Handle time over the agent's online time × capacity inside [from, to). */
function utilisation(
  facts: ReportFacts,
  agentId: string,
  query: ReportQuery,
  handleMs: number,
): number | null {
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
