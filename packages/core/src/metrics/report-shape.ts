import { z } from 'zod';
import type { SlaTarget } from '../sla/sla-policy';
import { assertTimeZone } from '../sla/zoned-time';
import type { Distribution } from './statistics';

/**
 * What a metrics report is asked (the cohort, the grouping, the zone) and what it answers (one
 * row of {@link Metrics} per group, plus the total). `computeReport` in `metrics-report.ts` fills it.
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
