import type { Conversation } from '../conversations/conversation';
import type { BusinessCalendar } from '../sla/business-calendar';
import { SLA_TARGETS, type SlaTarget } from '../sla/sla-policy';
import { localHourOf } from '../sla/zoned-time';
import type { Ticket } from '../tickets/ticket';
import type { ConversationFacts, LogFacts } from './metrics-facts';
import type { GroupBy, Metrics, MetricsReport, ReportQuery } from './report-shape';
import { distribution, rate } from './statistics';

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

type ReportConversation = ReportConversationFacts['latest'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The conversation's value for each `groupBy` key, in `groupBy` order. */
function groupValues(c: ReportConversation, by: readonly GroupBy[], timeZone: string): string[] {
  const values: string[] = [];
  for (const key of by) values.push(groupValue(c, key, timeZone));
  return values;
}

function groupValue(c: ReportConversation, key: GroupBy, timeZone: string): string {
  switch (key) {
    case 'agent':
      return c.assigneeId ?? 'unassigned';
    case 'team':
      return c.team ?? 'none';
    case 'channel':
      return c.channel;
    case 'priority':
      return c.priority;
    case 'category':
      return c.topic ?? 'none';
    case 'day': {
      const local = localHourOf(c.createdAt, timeZone);
      return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
    }
    case 'hour':
      return pad(localHourOf(c.createdAt, timeZone).hour);
  }
}

const RESOLVED_STATES = new Set(['resolved', 'closed']);

/**
 * Computes every metric for the cohort of conversations created in [from, to), grouped as asked.
 * Pure: the same facts and query always give the same report.
 *
 * @example
 * ```ts
 * const report = computeReport(facts, ReportQuerySchema.parse({ from, to, groupBy: ['agent'] }), ALWAYS_OPEN);
 * ```
 */
export function computeReport(
  facts: ReportFacts,
  query: ReportQuery,
  calendar: BusinessCalendar,
): MetricsReport {
  const index = indexByConversation(facts);
  const total = new Tally();
  // Rows by the JSON of their group values, which is also the order they are reported in.
  const rows = new Map<string, { group: Partial<Record<GroupBy, string>>; tally: Tally }>();
  for (const member of facts.conversations.values()) {
    if (!inCohort(member.latest, query)) continue;
    // Measured once, added twice: business time is the costly part of a conversation's metrics.
    const measured = measure(member, index, query, calendar);
    total.add(measured);
    const values = groupValues(member.latest, query.groupBy, query.timeZone);
    const key = JSON.stringify(values);
    let row = rows.get(key);
    if (!row) {
      row = { group: groupOf(query.groupBy, values), tally: new Tally() };
      rows.set(key, row);
    }
    row.tally.add(measured);
  }
  const byAgentOnly = query.groupBy.length === 1 && query.groupBy[0] === 'agent';
  return {
    query,
    total: total.metrics(facts, query, null),
    rows: [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { group, tally }]) => ({
        group,
        metrics: tally.metrics(facts, query, byAgentOnly ? (group.agent ?? null) : null),
      })),
  };
}

function inCohort(c: ReportConversation, query: ReportQuery): boolean {
  return c.createdAt >= query.from && c.createdAt < query.to;
}

function groupOf(by: readonly GroupBy[], values: readonly string[]) {
  const group: Partial<Record<GroupBy, string>> = {};
  by.forEach((key, i) => {
    group[key] = values[i];
  });
  return group;
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

/** One conversation's part of every metric; null where it has no such value. */
interface Measured {
  responseTimes: readonly number[];
  firstResponse: number | null;
  firstResponseBusiness: number | null;
  /** From queued to first assigned; only for a queued conversation. */
  answerSpeed: number | null;
  queued: boolean;
  abandoned: boolean;
  resolved: boolean;
  /** Resolution, first-contact resolution and handle time need a `resolvedAt`. */
  resolution: number | null;
  firstContact: boolean;
  handleTime: number | null;
  open: boolean;
  sla: [SlaTarget, 'met' | 'breached'][];
  surveysSent: LogFacts['surveysSent'];
  surveyAnswers: LogFacts['surveyAnswers'];
  complaints: Pick<Ticket, 'repeat'>[];
}

const NONE: never[] = [];

function measure(
  member: ReportConversationFacts,
  index: ConversationIndex,
  query: ReportQuery,
  calendar: BusinessCalendar,
): Measured {
  const c = member.latest;
  const start = c.queuedAt ?? c.createdAt;
  const answered = member.firstResponseAt !== null;
  const resolved = c.resolvedAt !== null;
  return {
    responseTimes: member.responseTimes,
    firstResponse: answered ? (member.firstResponseAt as number) - start : null,
    firstResponseBusiness: answered
      ? calendar.businessTimeBetween(start, member.firstResponseAt as number)
      : null,
    answerSpeed:
      c.queuedAt !== null && member.firstAssignedAt !== null
        ? member.firstAssignedAt - c.queuedAt
        : null,
    queued: c.queuedAt !== null,
    abandoned: c.queuedAt !== null && c.status === 'abandoned',
    resolved: resolved || RESOLVED_STATES.has(c.status),
    resolution: resolved ? (c.resolvedAt as number) - c.createdAt : null,
    firstContact: resolved && c.reopenCount === 0 && c.transferCount === 0,
    handleTime:
      resolved && member.firstAssignedAt !== null
        ? (c.resolvedAt as number) - member.firstAssignedAt
        : null,
    open: isOpenAt(c, query.to),
    sla: Object.entries(member.sla) as [SlaTarget, 'met' | 'breached'][],
    surveysSent: index.surveysSent.get(c.id) ?? NONE,
    surveyAnswers: index.surveyAnswers.get(c.id) ?? NONE,
    complaints: index.complaints.get(c.id) ?? NONE,
  };
}

/** The metrics of one group (or of the whole cohort), as its conversations are added. */
class Tally {
  private conversations = 0;
  private readonly firstResponses: number[] = [];
  private readonly firstResponsesBusiness: number[] = [];
  private readonly responses: number[] = [];
  private readonly resolutions: number[] = [];
  private readonly answerSpeeds: number[] = [];
  private readonly handleTimes: number[] = [];
  private readonly slaOutcomes = new Map<SlaTarget, { met: number; all: number }>();
  private readonly sent: LogFacts['surveysSent'] = [];
  private readonly answers: LogFacts['surveyAnswers'] = [];
  private readonly complaints: Pick<Ticket, 'repeat'>[] = [];
  private queued = 0;
  private abandoned = 0;
  private resolved = 0;
  private firstContact = 0;
  private resolvedOnce = 0;
  private backlog = 0;

  add(m: Measured): void {
    this.conversations++;
    if (m.firstResponse !== null) this.firstResponses.push(m.firstResponse);
    if (m.firstResponseBusiness !== null) this.firstResponsesBusiness.push(m.firstResponseBusiness);
    for (const time of m.responseTimes) this.responses.push(time);
    if (m.queued) this.queued++;
    if (m.abandoned) this.abandoned++;
    if (m.answerSpeed !== null) this.answerSpeeds.push(m.answerSpeed);
    if (m.resolved) this.resolved++;
    if (m.resolution !== null) {
      this.resolvedOnce++;
      this.resolutions.push(m.resolution);
    }
    if (m.firstContact) this.firstContact++;
    if (m.handleTime !== null) this.handleTimes.push(m.handleTime);
    if (m.open) this.backlog++;
    for (const [target, outcome] of m.sla) {
      const tally = this.slaOutcomes.get(target) ?? { met: 0, all: 0 };
      tally.all++;
      if (outcome === 'met') tally.met++;
      this.slaOutcomes.set(target, tally);
    }
    for (const item of m.surveysSent) this.sent.push(item);
    for (const item of m.surveyAnswers) this.answers.push(item);
    for (const ticket of m.complaints) this.complaints.push(ticket);
  }

  metrics(facts: ReportFacts, query: ReportQuery, agentId: string | null): Metrics {
    const slaAttainment: Partial<Record<SlaTarget, number | null>> = {};
    for (const target of SLA_TARGETS) {
      const tally = this.slaOutcomes.get(target);
      if (tally) slaAttainment[target] = rate(tally.met, tally.all);
    }
    const scores = (kind: 'csat' | 'nps' | 'ces') =>
      this.answers.filter((a) => a.kind === kind).map((a) => a.score);
    const csat = scores('csat');
    const nps = scores('nps');
    const ces = scores('ces');
    const { conversations, complaints, handleTimes } = this;
    return {
      conversations,
      firstResponseTime: distribution(this.firstResponses),
      firstResponseBusinessTime: distribution(this.firstResponsesBusiness),
      responseTime: distribution(this.responses),
      resolutionTime: distribution(this.resolutions),
      speedOfAnswer: distribution(this.answerSpeeds),
      firstContactResolution: rate(this.firstContact, this.resolvedOnce),
      resolutionRate: rate(this.resolved, conversations),
      abandonmentRate: rate(this.abandoned, this.queued),
      slaAttainment,
      csat: {
        score: rate(csat.filter((s) => s >= 4).length, csat.length),
        responseRate: rate(csat.length, this.sent.filter((s) => s.kind === 'csat').length),
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
      complaintRate: rate(complaints.length, conversations),
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
      backlog: this.backlog,
    };
  }
}

/** Open at `at`: created before it, and not resolved, closed or abandoned before it. */
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
  return (
    notEndedBy(c.resolvedAt, at) && notEndedBy(c.closedAt, at) && notEndedBy(c.abandonedAt, at)
  );
}

const notEndedBy = (end: number | null, at: number) => end === null || end >= at;

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
