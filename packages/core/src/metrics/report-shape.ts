import { z } from 'zod';
import type { SlaTarget } from '../sla/sla-policy';
import { assertTimeZone } from '../sla/zoned-time';
import type { Distribution } from './statistics';

/**
 * What a metrics report is asked (the cohort, the grouping, the zone) and what it answers (one
 * row of {@link Metrics} per group, plus the total). `computeReport` in `metrics-report.ts` fills it.
 *
 * @example
 * ```ts
 * const report = await desk.metrics.report({ from, to, groupBy: [GROUP_BY[0]] }); // by agent
 * ```
 */

export const GROUP_BY = [
  'agent',
  'team',
  'channel',
  'priority',
  'category',
  'day',
  'hour',
] as const;

/**
 * One of `GROUP_BY`.
 *
 * @example
 * ```ts
 * const groupBy: GroupBy[] = ['team', 'day'];
 * const report = await desk.metrics.report({ from, to, groupBy, timeZone: 'Asia/Shanghai' });
 * ```
 */
export type GroupBy = (typeof GROUP_BY)[number];

/**
 * What a metrics report covers: conversations and tickets created in [from, to), grouped, in a time zone.
 *
 * @example
 * ```ts
 * const query = ReportQuerySchema.parse({ from: Date.parse('2026-11-09T00:00:00+08:00'), to: Date.parse('2026-11-16T00:00:00+08:00'), groupBy: ['agent'], timeZone: 'Asia/Shanghai' });
 * ```
 */
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

/**
 * What {@link ReportQuerySchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const query: ReportQueryInput = { from: Date.parse('2026-11-09T00:00:00+08:00'), to: Date.parse('2026-11-16T00:00:00+08:00'), groupBy: ['agent'], timeZone: 'Asia/Shanghai' };
 * const report = await desk.metrics.report(query);
 * ```
 */
export type ReportQueryInput = z.input<typeof ReportQuerySchema>;

/**
 * The value {@link ReportQuerySchema} parses to.
 *
 * @example
 * ```ts
 * const title = (query: ReportQuery) => `${new Date(query.from).toISOString()} – ${query.groupBy.join(', ')}`;
 * ```
 */
export type ReportQuery = z.output<typeof ReportQuerySchema>;

/**
 * Every metric for one group; formulas in docs/concepts/metrics.md. Rates are 0–1 or null.
 *
 * @example
 * ```ts
 * const { total }: { total: Metrics } = await desk.metrics.report({ from: Date.parse('2026-11-09T00:00:00+08:00'), to: Date.parse('2026-11-16T00:00:00+08:00'), groupBy: ['agent'], timeZone: 'Asia/Shanghai' });
 * console.log(total.conversations, total.firstResponseTime.p50);
 * ```
 */
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

/**
 * One group of a report (e.g. one agent) and its metrics.
 *
 * @example
 * ```ts
 * for (const row of report.rows as ReportRow[]) console.log(row.group.agent, row.metrics.csat);
 * ```
 */
export interface ReportRow {
  group: Partial<Record<GroupBy, string>>;
  metrics: Metrics;
}

/**
 * A metrics report: the query, the totals and one row per group.
 *
 * @example
 * ```ts
 * const report: MetricsReport = await desk.metrics.report({ from: Date.parse('2026-11-09T00:00:00+08:00'), to: Date.parse('2026-11-16T00:00:00+08:00'), groupBy: ['agent'], timeZone: 'Asia/Shanghai' });
 * const slowest = report.rows.sort((a, b) => (b.metrics.firstResponseTime.p90 ?? 0) - (a.metrics.firstResponseTime.p90 ?? 0))[0];
 * ```
 */
export interface MetricsReport {
  query: ReportQuery;
  total: Metrics;
  rows: ReportRow[];
}
