import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../events/domain-events';
import { collectFacts } from '../../metrics/metrics-facts';
import { computeReport } from '../../metrics/metrics-report';
import { ReportQuerySchema } from '../../metrics/report-shape';
import { createBusinessCalendar } from '../../sla/business-calendar';
import type { StorageAdapter } from '../../storage/storage-adapter';
import type { GetAdapter } from './conformance-helpers';
import { makeConversation, makeEventDraft } from './fixtures';
import { METRICS_RANGES, metricsHistory, metricsQueries } from './metrics-history';

const periods = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const calendar = createBusinessCalendar({
  timeZone: 'Asia/Shanghai',
  weekly: { mon: periods, tue: periods, wed: periods, thu: periods, fri: periods },
});

async function wholeLog(storage: StorageAdapter): Promise<DomainEvent[]> {
  const log: DomainEvent[] = [];
  for (let page = await storage.events.read(0, 500); page.length > 0; ) {
    log.push(...page);
    page = await storage.events.read(page.at(-1)?.position ?? 0, 500);
  }
  return log;
}

/** What the event-log path gives for every query of the check. */
async function expectSameAsEventLog(storage: StorageAdapter) {
  const metrics = storage.metrics;
  if (!metrics) throw new Error('no metrics hook');
  const facts = collectFacts(await wholeLog(storage));
  for (const query of metricsQueries()) {
    const expected = computeReport(facts, query, calendar);
    const actual = await metrics.report(query, { calendar });
    expect(actual, `${JSON.stringify(query)}`).toEqual(expected);
  }
}

/**
 * The optional `metrics.report` hook: skipped for adapters without one. An adapter that has one
 * must give exactly what `computeReport(collectFacts(log))` gives over its own event log.
 */
export function metricsReportConformance(adapter: GetAdapter): void {
  describe('metrics report hook', () => {
    it('gives the report of the event log, for every grouping and range', async (context) => {
      const storage = adapter();
      if (!storage.metrics) return context.skip();
      await storage.transaction((tx) => tx.events.append(metricsHistory()));
      await expectSameAsEventLog(storage);

      // The history is not trivial: these would all be empty or null otherwise.
      const all = ReportQuerySchema.parse({ ...METRICS_RANGES.all, groupBy: ['agent'] });
      const report = await storage.metrics.report(all, { calendar });
      expect(report.total).toMatchObject({
        conversations: 7,
        // c1: 3 and 4 minutes (a note and a bot message in between), c2: 4 and 2, c6: 1 and 0,
        // c7: 2.
        responseTime: { count: 7, p50: 2 * 60_000 },
        slaAttainment: { firstResponse: 1 / 3, resolution: 1 },
        csat: { responses: 2, responseRate: 1 },
        nps: { responses: 2 },
        ces: { responses: 1 },
        // c2's, c6's (its latest snapshot came with a ticket SLA event), two for c4 (one moved there).
        complaintRate: 4 / 7,
        repeatComplaintRate: 0.5,
        backlog: 2, // c4 (open) and c5 (still with the bot)
      });
      const byAgent = new Map(report.rows.map((row) => [row.group.agent, row.metrics]));
      expect(byAgent.get('agt_wang')?.utilisation).toBeGreaterThan(0);
      expect(byAgent.get('agt_li')?.utilisation).toBeGreaterThan(0);
      expect(byAgent.get('unassigned')?.utilisation).toBeGreaterThan(0);
    });

    it('sees later commits and nothing of a rolled-back one', async (context) => {
      const storage = adapter();
      if (!storage.metrics) return context.skip();
      await storage.transaction((tx) => tx.events.append(metricsHistory()));
      const query = ReportQuerySchema.parse({ ...METRICS_RANGES.all, groupBy: ['channel'] });
      const before = await storage.metrics.report(query, { calendar });
      const late = makeConversation({ id: 'conv_metrics_late', channel: 'email' });
      await storage
        .transaction(async (tx) => {
          await tx.events.append([makeEventDraft(late)]);
          throw new Error('rollback');
        })
        .catch(() => undefined);
      expect(await storage.metrics.report(query, { calendar })).toEqual(before);
      await storage.transaction((tx) => tx.events.append([makeEventDraft(late)]));
      const after = await storage.metrics.report(query, { calendar });
      expect(after.total.conversations).toBe(before.total.conversations + 1);
      await expectSameAsEventLog(storage);
    });
  });
}
