import { z } from 'zod';
import { parseInput } from '../validation/parse-input';
import { erlangAOf } from './erlang-a';
import { erlangCOf } from './erlang-c';
import type { ArrivalForecast } from './forecast-arrivals';
import { requiredAgentsOf, StaffingTargetSchema } from './required-agents';

export const PlanTargetsSchema = StaffingTargetSchema.omit({ arrivalsPerHour: true }).extend({
  /** Agents kept on the desk even in an hour with no expected arrivals. */
  minimumAgents: z.number().int().min(0).max(10_000).default(0),
});

/**
 * What {@link PlanTargetsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const plan = planStaffing(forecast, { averageHandleSeconds: 240, answerWithinSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3 } satisfies PlanTargets);
 * ```
 */
export type PlanTargets = z.input<typeof PlanTargetsSchema>;

/**
 * One hour of a staffing plan.
 *
 * @example
 * ```ts
 * const hours: PlannedHour[] = planStaffing(forecast, targets);
 * const most = Math.max(...hours.map((hour) => hour.agents));
 * ```
 */
export interface PlannedHour {
  start: number;
  hourOfWeek: number;
  arrivals: number;
  /** Agents needed on the desk in this hour. */
  agents: number;
  /** Agents to schedule, shrinkage included. */
  scheduledAgents: number;
  /** Expected figures with that many agents (1 when nothing is expected). */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
}

/**
 * A staffing plan (排班) per forecast hour: the fewest agents meeting the targets in each hour,
 * by Erlang C — or Erlang A with `averagePatienceSeconds` — as in {@link requiredAgents}.
 *
 * @example
 * import { forecastArrivals, planStaffing } from '@kefu/core/staffing';
 *
 * const forecast = await forecastArrivals({ desk, from, to, horizonDays: 7 });
 * const plan = planStaffing(forecast, {
 *   averageHandleSeconds: 240,
 *   answerWithinSeconds: 20,
 *   targetServiceLevel: 0.8,
 *   shrinkage: 0.3,
 * });
 * plan.map((hour) => hour.scheduledAgents); // the rota, hour by hour
 */
export function planStaffing(
  forecast: Pick<ArrivalForecast, 'hours'>,
  targets: PlanTargets,
): PlannedHour[] {
  const t = parseInput(PlanTargetsSchema, targets, 'staffing targets');
  return forecast.hours.map((hour) => {
    const base = { start: hour.start, hourOfWeek: hour.hourOfWeek, arrivals: hour.arrivals };
    if (hour.arrivals <= 0 && t.minimumAgents === 0) {
      return {
        ...base,
        agents: 0,
        scheduledAgents: 0,
        serviceLevel: 1,
        asaSeconds: 0,
        occupancy: 0,
      };
    }
    const needed = requiredAgentsOf({ ...t, arrivalsPerHour: Math.max(0, hour.arrivals) });
    const agents = Math.max(needed.agents, t.minimumAgents);
    const queue = { ...t, arrivalsPerHour: Math.max(0, hour.arrivals), agents };
    const patience = t.averagePatienceSeconds;
    const figures =
      agents === needed.agents
        ? needed.figures
        : patience === undefined
          ? erlangCOf(queue)
          : erlangAOf({ ...queue, averagePatienceSeconds: patience });
    // More agents than needed is always stable: the fewest that met the target already were.
    if (!figures.stable) throw new Error('unreachable: a staffed hour without a steady state');
    return {
      ...base,
      agents,
      scheduledAgents: Math.ceil(agents / (1 - t.shrinkage) - 1e-9),
      serviceLevel: figures.serviceLevel,
      asaSeconds: figures.asaSeconds,
      occupancy: figures.occupancy,
    };
  });
}
