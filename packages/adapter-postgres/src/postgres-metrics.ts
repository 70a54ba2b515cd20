import {
  type BusinessCalendar,
  computeReport,
  KefuError,
  type MetricsReport,
  type ReportQuery,
  ReportQuerySchema,
  type StorageAdapter,
} from '@kefu/core';
import { EVENT_KEYS as K } from './event-keys';
import type { SqlSession } from './sql-client';

/** What `computeReport` reads: the facts, narrowed to the fields the report uses. */
type ReportFacts = Parameters<typeof computeReport>[0];
type ReportConversation =
  ReportFacts['conversations'] extends ReadonlyMap<string, infer F> ? F : never;

/** One conversation of the cohort as the query returns it (jsonb, parsed by the driver). */
interface ConversationRow {
  latest: ReportConversation['latest'];
  firstAssignedAt: number | null;
  firstResponseAt: number | null;
  responseTimes: number[];
  sla: ReportConversation['sla'];
  surveysSent: { kind: 'csat' | 'nps' | 'ces'; at: number }[];
  surveyAnswers: { kind: 'csat' | 'nps' | 'ces'; score: number; at: number }[];
  complaints: { id: string; repeat: boolean }[];
}

interface FactsRow {
  conversations: ConversationRow[];
  presence: ReportFacts['presence'];
}

/** The snapshot fields the report reads; the rest of each snapshot stays in the database. */
const LATEST_FIELDS = [
  'id',
  'assigneeId',
  'team',
  'channel',
  'priority',
  'topic',
  'status',
  'createdAt',
  'queuedAt',
  'resolvedAt',
  'closedAt',
  'abandonedAt',
  'reopenCount',
  'transferCount',
] as const satisfies readonly (keyof ReportConversation['latest'])[];

/**
 * The facts of `collectFacts`, folded in SQL for the cohort only: one statement, one snapshot
 * of the database. $1 and $2 are the cohort's [from, to); $3 says whether the report needs
 * agent presence (utilisation, grouped by agent alone). Every lookup is by an indexed
 * expression of migration 4. The comments name the `collectFacts` rule each part follows.
 */
export const metricsFactsQuery = (s: string): string => `
WITH candidates AS (
  SELECT DISTINCT ${K.conversationId} AS id FROM ${s}.events
   WHERE ${K.conversationId} IS NOT NULL
     AND ${K.conversationCreatedAt} >= $1::numeric AND ${K.conversationCreatedAt} < $2::numeric
), snapshots AS (
  -- Every event that carries a snapshot of a candidate, whatever its type.
  SELECT position, type, at, doc -> 'data' AS data, ${K.conversationId} AS id FROM ${s}.events
   WHERE ${K.conversationId} IS NOT NULL AND ${K.conversationId} IN (SELECT id FROM candidates)
), latest AS (
  -- The highest version wins; among equal versions, the first in the log.
  SELECT DISTINCT ON (id) id, data -> 'conversation' AS c,
         min(position) OVER (PARTITION BY id) AS first_position
    FROM snapshots
   ORDER BY id, (data #>> '{conversation,version}')::numeric DESC, position
), cohort AS (
  SELECT id, c, first_position FROM latest
   WHERE (c ->> 'createdAt')::numeric >= $1::numeric AND (c ->> 'createdAt')::numeric < $2::numeric
), assigned AS (
  SELECT id, min(at) AS first_assigned_at FROM snapshots
   WHERE type = 'conversation.assigned' GROUP BY id
), sla_targets AS (
  -- Breached if ever breached (or met late), else met.
  SELECT id, data ->> 'target' AS target,
         bool_or(type = 'sla.breached' OR data -> 'breached' = 'true'::jsonb) AS breached
    FROM snapshots WHERE type IN ('sla.met', 'sla.breached')
   GROUP BY id, data ->> 'target'
), sla AS (
  SELECT id, jsonb_object_agg(target, CASE WHEN breached THEN 'breached' ELSE 'met' END) AS outcomes
    FROM sla_targets GROUP BY id
), messages AS (
  -- Internal notes neither answer nor wait.
  SELECT ${K.messageConversationId} AS id, position,
         (doc #>> '{data,message,seq}')::numeric AS seq,
         (doc #>> '{data,message,createdAt}')::numeric AS created_at,
         doc #>> '{data,message,author,kind}' AS author
    FROM ${s}.events
   WHERE type = 'message.posted' AND ${K.messageConversationId} IN (SELECT id FROM cohort)
     AND doc #> '{data,message,internal}' IS DISTINCT FROM 'true'::jsonb
), turns AS (
  -- In seq order, a turn ends at an agent reply: turn n holds what follows the n-th reply, up
  -- to and including the next one.
  SELECT id, seq, position, created_at, author,
         count(*) FILTER (WHERE author = 'agent') OVER (
           PARTITION BY id ORDER BY seq, position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
         ) AS turn
    FROM messages
), turn_waits AS (
  -- The oldest unanswered customer message of the turn, and the reply that ends it.
  SELECT id, turn,
         (array_agg(created_at ORDER BY seq, position) FILTER (WHERE author = 'customer'))[1]
           AS waiting_since,
         min(created_at) FILTER (WHERE author = 'agent') AS replied_at
    FROM turns GROUP BY id, turn
), replies AS (
  SELECT id, min(replied_at) AS first_reply,
         jsonb_agg(greatest(0, replied_at - waiting_since) ORDER BY turn)
           FILTER (WHERE waiting_since IS NOT NULL AND replied_at IS NOT NULL) AS response_times
    FROM turn_waits GROUP BY id
), surveys AS (
  SELECT ${K.surveyConversationId} AS id, type, position, at, doc #> '{data,survey}' AS survey
    FROM ${s}.events
   WHERE type IN ('survey.sent', 'survey.answered')
     AND ${K.surveyConversationId} IN (SELECT id FROM cohort)
), survey_facts AS (
  -- Answers without a score do not count.
  SELECT id,
         jsonb_agg(jsonb_build_object('kind', survey -> 'kind', 'at', at) ORDER BY position)
           FILTER (WHERE type = 'survey.sent') AS sent,
         jsonb_agg(jsonb_build_object('kind', survey -> 'kind', 'at', at,
                                      'score', coalesce(survey -> 'score', '0'::jsonb))
                   ORDER BY position)
           FILTER (WHERE type = 'survey.answered' AND survey -> 'score' IS DISTINCT FROM 'null'::jsonb)
           AS answers
    FROM surveys GROUP BY id
), ticket_candidates AS (
  SELECT DISTINCT ${K.ticketId} AS ticket_id FROM ${s}.events
   WHERE ${K.ticketConversationId} IS NOT NULL
     AND ${K.ticketConversationId} IN (SELECT id FROM cohort)
), tickets AS (
  -- A complaint counts once, for the first conversation of its latest snapshot.
  SELECT DISTINCT ON (ticket_id) ticket_id, t FROM (
    SELECT ${K.ticketId} AS ticket_id, position, doc #> '{data,ticket}' AS t FROM ${s}.events
     WHERE ${K.ticketId} IS NOT NULL AND ${K.ticketId} IN (SELECT ticket_id FROM ticket_candidates)
  ) versions
   ORDER BY ticket_id, (t ->> 'version')::numeric DESC, position
), complaints AS (
  SELECT t #>> '{conversationIds,0}' AS id,
         jsonb_agg(jsonb_build_object('id', ticket_id, 'repeat', t -> 'repeat') ORDER BY ticket_id)
           AS list
    FROM tickets
   WHERE t ->> 'kind' = 'complaint' AND t #>> '{conversationIds,0}' IN (SELECT id FROM cohort)
   GROUP BY t #>> '{conversationIds,0}'
), presence_changes AS (
  SELECT ${K.agentId} AS agent_id, ${K.agentUpdatedAt} AS at,
         (doc #>> '{data,agent,version}')::numeric AS version, position,
         coalesce(doc #>> '{data,agent,presence}' = 'online', false) AS online,
         doc #> '{data,agent,capacity}' AS capacity
    FROM ${s}.events
   WHERE $3::boolean AND type = 'agent.upserted'
     AND ${K.agentId} IN (SELECT coalesce(c ->> 'assigneeId', 'unassigned') FROM cohort)
     AND ${K.agentUpdatedAt} < $2::numeric
), presence AS (
  -- Changes at or after \`to\` add nothing, and of those at or before \`from\` only the last
  -- one counts (it says how the agent stood at \`from\`).
  SELECT * FROM presence_changes WHERE at > $1::numeric
  UNION ALL
  (SELECT DISTINCT ON (agent_id) * FROM presence_changes WHERE at <= $1::numeric
    ORDER BY agent_id, at DESC, version DESC, position DESC)
)
SELECT
  coalesce((
    SELECT jsonb_agg(jsonb_build_object(
             'latest', jsonb_build_object(${LATEST_FIELDS.map((f) => `'${f}', k.c -> '${f}'`).join(', ')}),
             'firstAssignedAt', a.first_assigned_at,
             'firstResponseAt', coalesce(to_jsonb(r.first_reply), k.c -> 'firstResponseAt'),
             'responseTimes', coalesce(r.response_times, '[]'::jsonb),
             'sla', coalesce(l.outcomes, '{}'::jsonb),
             'surveysSent', coalesce(v.sent, '[]'::jsonb),
             'surveyAnswers', coalesce(v.answers, '[]'::jsonb),
             'complaints', coalesce(t.list, '[]'::jsonb)
           ) ORDER BY k.first_position)
      FROM cohort k
      LEFT JOIN assigned a USING (id)
      LEFT JOIN replies r USING (id)
      LEFT JOIN sla l USING (id)
      LEFT JOIN survey_facts v USING (id)
      LEFT JOIN complaints t USING (id)
  ), '[]'::jsonb) AS conversations,
  coalesce((
    SELECT jsonb_agg(jsonb_build_object('agentId', agent_id, 'at', at, 'online', online,
                                        'capacity', capacity, 'version', version)
                     ORDER BY at, version, position)
      FROM presence
  ), '[]'::jsonb) AS presence`;

/** The facts from the query, in the shape `computeReport` takes. */
function toReportFacts(row: FactsRow): ReportFacts {
  const facts = {
    conversations: new Map<string, ReportConversation>(),
    tickets: new Map<string, { kind: 'complaint'; conversationIds: string[]; repeat: boolean }>(),
    surveysSent: [] as ReportFacts['surveysSent'],
    surveyAnswers: [] as ReportFacts['surveyAnswers'],
    presence: row.presence,
  };
  for (const c of row.conversations) {
    const conversationId = c.latest.id;
    facts.conversations.set(conversationId, {
      latest: c.latest,
      firstAssignedAt: c.firstAssignedAt,
      firstResponseAt: c.firstResponseAt,
      responseTimes: c.responseTimes,
      sla: c.sla,
    });
    for (const { kind, at } of c.surveysSent) facts.surveysSent.push({ kind, conversationId, at });
    for (const { kind, score, at } of c.surveyAnswers) {
      facts.surveyAnswers.push({ kind, score, conversationId, at });
    }
    for (const { id, repeat } of c.complaints) {
      facts.tickets.set(id, { kind: 'complaint', conversationIds: [conversationId], repeat });
    }
  }
  return facts;
}

/**
 * `StorageAdapter.metrics` for Postgres. The event log is folded into per-conversation facts in
 * SQL (one statement over indexed lookups; only the cohort's facts leave the database); grouping,
 * business time on the calendar, percentiles and rates are then `computeReport` in JavaScript,
 * so the report is the one the event-log path gives.
 */
export function createPostgresMetrics(
  sql: SqlSession,
  s: string,
): NonNullable<StorageAdapter['metrics']> {
  const text = metricsFactsQuery(s);
  return {
    async report(query: ReportQuery, options: { calendar: BusinessCalendar }) {
      const parsed = ReportQuerySchema.safeParse(query);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.') || '(input)',
          message: issue.message,
        }));
        throw new KefuError(
          'VALIDATION',
          `Invalid metrics report query: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          { issues, cause: parsed.error },
        );
      }
      const valid = parsed.data;
      // computeReport reads presence only for utilisation, which it gives when grouped by agent alone.
      const presence = valid.groupBy.length === 1 && valid.groupBy[0] === 'agent';
      const { rows } = await sql.query<FactsRow>(text, [valid.from, valid.to, presence]);
      const row = rows[0] ?? { conversations: [], presence: [] };
      return computeReport(toReportFacts(row), valid, options.calendar) satisfies MetricsReport;
    },
  };
}
