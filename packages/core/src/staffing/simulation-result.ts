import type { Desk } from '../desk/create-desk';
import type { MetricsReport } from '../metrics/report-shape';

/**
 * One local hour of the day, over every simulated day. Rates 0–1 or null; times in seconds.
 *
 * @example
 * ```ts
 * for (const hour of result.hours as SimulatedHour[]) console.log(hour.hour, hour.conversations, hour.agents);
 * ```
 */
export interface SimulatedHour {
  /** `00` … `23`, local. */
  hour: string;
  conversations: number;
  /** Agents online in this hour, averaged over the days. */
  agents: number;
  asaSeconds: number | null;
  serviceLevel: number | null;
  abandonmentRate: number | null;
}

/**
 * The headline figures of the run, read from the desk's report.
 *
 * @example
 * ```ts
 * const { answered, abandoned }: SimulationSummary = (await simulate(options)).summary;
 * ```
 */
export interface SimulationSummary {
  conversations: number;
  /** Conversations an agent took. */
  answered: number;
  abandoned: number;
  /** Average speed of answer (queue entry → assignment) of answered conversations. */
  asaSeconds: number | null;
  /** The desk's first-response SLA attainment: met within the target ÷ met or breached. */
  serviceLevel: number | null;
  abandonmentRate: number | null;
  /** Handle time ÷ (agent time online × capacity). */
  utilisation: number | null;
  averageHandleSeconds: number | null;
}

/**
 * What `simulate` returns: the desk's own metrics report, a summary and one row per local hour.
 *
 * @example
 * ```ts
 * const result: SimulationResult = await simulate(options);
 * console.log(result.summary.serviceLevel, result.report.total.conversations);
 * ```
 */
export interface SimulationResult {
  /** The desk's own metrics report over the run (after warm-up), grouped by local hour. */
  report: MetricsReport;
  summary: SimulationSummary;
  hours: SimulatedHour[];
}

/** One simulated hour's staffing: starting at `at`, `agents` online for `ms`, `capacity` each. */
export interface AgentHour {
  at: number;
  hour: number;
  agents: number;
  ms: number;
  capacity: number;
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/** Reads the simulated desk's report and sums it up. */
export async function summarise(
  desk: Desk,
  window: {
    from: number;
    to: number;
    timeZone: string;
    agentHours: readonly AgentHour[];
  },
): Promise<SimulationResult> {
  const report = await desk.metrics.report({
    from: window.from,
    to: window.to,
    groupBy: ['hour'],
    timeZone: window.timeZone,
  });
  const total = report.total;
  const handled = total.handleTime;
  // Capacity time inside the reported window only: warm-up hours are left out like their conversations.
  let capacityMs = 0;
  for (const slot of window.agentHours) {
    const from = Math.max(slot.at, window.from);
    const to = Math.min(slot.at + slot.ms, window.to);
    if (to > from) capacityMs += (to - from) * slot.agents * slot.capacity;
  }
  const staffing = new Map<number, number[]>();
  for (const { hour, agents } of window.agentHours) {
    const list = staffing.get(hour) ?? [];
    list.push(agents);
    staffing.set(hour, list);
  }
  const hours: SimulatedHour[] = report.rows.map((row) => {
    const hour = row.group.hour ?? '00';
    const agents = staffing.get(Number(hour)) ?? [];
    return {
      hour,
      conversations: row.metrics.conversations,
      agents: agents.length === 0 ? 0 : agents.reduce((a, b) => a + b, 0) / agents.length,
      asaSeconds: seconds(row.metrics.speedOfAnswer.avg),
      serviceLevel: row.metrics.slaAttainment.firstResponse ?? null,
      abandonmentRate: row.metrics.abandonmentRate,
    };
  });
  return {
    report,
    summary: {
      conversations: total.conversations,
      answered: total.speedOfAnswer.count,
      // Every simulated conversation enters the queue, so the rate's denominator is all of them.
      abandoned: Math.round((total.abandonmentRate ?? 0) * total.conversations),
      asaSeconds: seconds(total.speedOfAnswer.avg),
      serviceLevel: total.slaAttainment.firstResponse ?? null,
      abandonmentRate: total.abandonmentRate,
      utilisation:
        capacityMs > 0 && handled.avg !== null ? (handled.avg * handled.count) / capacityMs : null,
      averageHandleSeconds: seconds(handled.avg),
    },
    hours,
  };
}
