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

/**
 * One conversation of the cohort as the query returns it (jsonb, parsed by the driver). Keys
 * without a fact are left out: no assignment, no reply, no survey…
 */
interface ConversationRow {
  latest: ReportConversation['latest'] & { firstResponseAt: number | null };
  order: number;
  firstAssignedAt?: number;
  firstReply?: number;
  responseTimes?: number[];
  sla?: ReportConversation['sla'];
  surveysSent?: { kind: 'csat' | 'nps' | 'ces'; at: number }[];
  surveyAnswers?: { kind: 'csat' | 'nps' | 'ces'; score: number; at: number }[];
  complaints?: { id: string; repeat: boolean }[];
}

/** The rows of the query: each cohort conversation (part 0), then the presence changes (1). */
type FactsRow = { part: 0; facts: ConversationRow } | { part: 1; facts: ReportFacts['presence'] };

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
  // Only for the first response when the log has no agent reply (see toReportFacts).
  'firstResponseAt',
] as const satisfies readonly (keyof ConversationRow['latest'])[];

/** `= ANY` of an array computed once: an index scan per key, whatever the planner guesses. */
const cohortIds = '(SELECT ids FROM cohort_ids)::text[]';

/**
 * The facts of `collectFacts`, folded in SQL for the cohort only: one statement, one snapshot
 * of the database. $1 and $2 are the cohort's [from, to); $3 says whether the report needs
 * agent presence (utilisation, grouped by agent alone). Every lookup is by an indexed
 * expression of migration 4, with `= ANY(array)` rather than joins, and the per-conversation
 * parts are put together by one GROUP BY: the planner cannot estimate how many conversations
 * a range holds, and a join planned for one row and run for twenty thousand is quadratic.
 * The comments name the `collectFacts` rule each part follows.
 */
export const metricsFactsQuery = (s: string): string => `
WITH candidates AS (
  SELECT DISTINCT ${K.conversationId} AS id FROM ${s}.events
   WHERE ${K.conversationId} IS NOT NULL
     AND ${K.conversationCreatedAt} >= $1::numeric AND ${K.conversationCreatedAt} < $2::numeric
), snapshots AS (
  -- Every event that carries a snapshot of a candidate, whatever its type.
  SELECT ${K.conversationId} AS id, position, type, at,
         (doc #>> '{data,conversation,version}')::numeric AS version,
         doc #>> '{data,target}' AS target,
         type = 'sla.breached' OR doc #> '{data,breached}' = 'true'::jsonb AS breached
    FROM ${s}.events
   WHERE ${K.conversationId} IS NOT NULL
     AND ${K.conversationId} = ANY (ARRAY(SELECT id FROM candidates))
), latest AS (
  -- The highest version wins; among equal versions, the first in the log.
  SELECT DISTINCT ON (id) id, position, min(position) OVER (PARTITION BY id) AS first_position
    FROM snapshots
   ORDER BY id, version DESC, position
), cohort AS (
  -- The latest snapshot is read once (OFFSET 0 keeps it one value), then picked apart.
  SELECT latest.id, latest.first_position,
         jsonb_build_object(${LATEST_FIELDS.map((f) => `'${f}', snapshot.c -> '${f}'`).join(', ')}) AS latest
    FROM latest CROSS JOIN LATERAL (
      SELECT doc #> '{data,conversation}' AS c FROM ${s}.events
       WHERE events.position = latest.position OFFSET 0
    ) snapshot
   WHERE (snapshot.c ->> 'createdAt')::numeric >= $1::numeric
     AND (snapshot.c ->> 'createdAt')::numeric < $2::numeric
), cohort_ids AS (
  SELECT coalesce(array_agg(id), '{}') AS ids FROM cohort
), sla_targets AS (
  -- Breached if ever breached (or met late), else met.
  SELECT id, target, bool_or(breached) AS breached
    FROM snapshots WHERE type IN ('sla.met', 'sla.breached')
   GROUP BY id, target
), messages AS (
  -- Internal notes neither answer nor wait.
  SELECT ${K.messageConversationId} AS id, position,
         (doc #>> '{data,message,seq}')::numeric AS seq,
         (doc #>> '{data,message,createdAt}')::numeric AS created_at,
         doc #>> '{data,message,author,kind}' AS author
    FROM ${s}.events
   WHERE type = 'message.posted' AND ${K.messageConversationId} = ANY (${cohortIds})
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
), surveys AS (
  SELECT ${K.surveyConversationId} AS id, type, position, at, doc #> '{data,survey}' AS survey
    FROM ${s}.events
   WHERE type IN ('survey.sent', 'survey.answered')
     AND ${K.surveyConversationId} = ANY (${cohortIds})
), ticket_candidates AS (
  SELECT DISTINCT ${K.ticketId} AS ticket_id FROM ${s}.events
   WHERE ${K.ticketConversationId} IS NOT NULL
     AND ${K.ticketConversationId} = ANY (${cohortIds})
), tickets AS (
  SELECT DISTINCT ON (${K.ticketId}) ${K.ticketId} AS ticket_id, doc #> '{data,ticket}' AS t
    FROM ${s}.events
   WHERE ${K.ticketId} IS NOT NULL
     AND ${K.ticketId} = ANY (ARRAY(SELECT ticket_id FROM ticket_candidates))
   ORDER BY ${K.ticketId}, (doc #>> '{data,ticket,version}')::numeric DESC, position
), parts (id, key, value) AS (
  SELECT id, 'latest', latest FROM cohort
  UNION ALL
  SELECT id, 'order', to_jsonb(first_position) FROM cohort
  UNION ALL
  SELECT id, 'firstAssignedAt', to_jsonb(min(at))
    FROM snapshots WHERE type = 'conversation.assigned' GROUP BY id
  UNION ALL
  SELECT id, 'sla', jsonb_object_agg(target, CASE WHEN breached THEN 'breached' ELSE 'met' END)
    FROM sla_targets GROUP BY id
  UNION ALL
  SELECT id, 'firstReply', to_jsonb(min(replied_at))
    FROM turn_waits WHERE replied_at IS NOT NULL GROUP BY id
  UNION ALL
  SELECT id, 'responseTimes', jsonb_agg(greatest(0, replied_at - waiting_since) ORDER BY turn)
    FROM turn_waits WHERE waiting_since IS NOT NULL AND replied_at IS NOT NULL GROUP BY id
  UNION ALL
  SELECT id, 'surveysSent', jsonb_agg(jsonb_build_object('kind', survey -> 'kind', 'at', at)
                                      ORDER BY position)
    FROM surveys WHERE type = 'survey.sent' GROUP BY id
  UNION ALL
  -- Answers without a score do not count.
  SELECT id, 'surveyAnswers',
         jsonb_agg(jsonb_build_object('kind', survey -> 'kind', 'at', at,
                                      'score', coalesce(survey -> 'score', '0'::jsonb))
                   ORDER BY position)
    FROM surveys
   WHERE type = 'survey.answered' AND survey -> 'score' IS DISTINCT FROM 'null'::jsonb
   GROUP BY id
  UNION ALL
  -- A complaint counts once, for the first conversation of its latest snapshot.
  SELECT t #>> '{conversationIds,0}', 'complaints',
         jsonb_agg(jsonb_build_object('id', ticket_id, 'repeat', t -> 'repeat') ORDER BY ticket_id)
    FROM tickets WHERE t ->> 'kind' = 'complaint'
   GROUP BY t #>> '{conversationIds,0}'
), presence_changes AS (
  SELECT ${K.agentId} AS agent_id, ${K.agentUpdatedAt} AS at,
         (doc #>> '{data,agent,version}')::numeric AS version, position,
         coalesce(doc #>> '{data,agent,presence}' = 'online', false) AS online,
         doc #> '{data,agent,capacity}' AS capacity
    FROM ${s}.events
   WHERE $3::boolean AND type = 'agent.upserted'
     AND ${K.agentId} = ANY (ARRAY(SELECT DISTINCT coalesce(latest ->> 'assigneeId', 'unassigned') FROM cohort))
     AND ${K.agentUpdatedAt} < $2::numeric
), presence AS (
  -- Changes at or after \`to\` add nothing, and of those at or before \`from\` only the last
  -- one counts (it says how the agent stood at \`from\`).
  SELECT * FROM presence_changes WHERE at > $1::numeric
  UNION ALL
  (SELECT DISTINCT ON (agent_id) * FROM presence_changes WHERE at <= $1::numeric
    ORDER BY agent_id, at DESC, version DESC, position DESC)
)
-- One row per cohort conversation; ids outside the cohort (other candidates, the conversations
-- of other complaints) have no latest. Then one row with the presence changes.
SELECT * FROM (
  SELECT 0 AS part, min((value #>> '{}')::numeric) FILTER (WHERE key = 'order') AS n,
         jsonb_object_agg(key, value) AS facts
    FROM parts GROUP BY id HAVING bool_or(key = 'latest')
  UNION ALL
  SELECT 1, 0, coalesce(jsonb_agg(jsonb_build_object('agentId', agent_id, 'at', at,
                                                    'online', online, 'capacity', capacity,
                                                    'version', version)
                                  ORDER BY at, version, position), '[]'::jsonb)
    FROM presence
) facts ORDER BY part, n`;

/** The facts from the query, in the shape `computeReport` takes. */
function toReportFacts(rows: readonly FactsRow[]): ReportFacts {
  const facts = {
    conversations: new Map<string, ReportConversation>(),
    tickets: new Map<string, { kind: 'complaint'; conversationIds: string[]; repeat: boolean }>(),
    surveysSent: [] as ReportFacts['surveysSent'],
    surveyAnswers: [] as ReportFacts['surveyAnswers'],
    presence: [] as ReportFacts['presence'],
  };
  for (const row of rows) {
    if (row.part === 1) {
      facts.presence = row.facts;
      continue;
    }
    const c = row.facts;
    const { firstResponseAt, ...latest } = c.latest;
    const conversationId = latest.id;
    facts.conversations.set(conversationId, {
      latest,
      firstAssignedAt: c.firstAssignedAt ?? null,
      // The first agent reply in the log; without one, what the snapshot knows.
      firstResponseAt: c.firstReply ?? firstResponseAt,
      responseTimes: c.responseTimes ?? [],
      sla: c.sla ?? {},
    });
    for (const { kind, at } of c.surveysSent ?? []) {
      facts.surveysSent.push({ kind, conversationId, at });
    }
    for (const { kind, score, at } of c.surveyAnswers ?? []) {
      facts.surveyAnswers.push({ kind, score, conversationId, at });
    }
    for (const { id, repeat } of c.complaints ?? []) {
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
      return computeReport(toReportFacts(rows), valid, options.calendar) satisfies MetricsReport;
    },
  };
}
