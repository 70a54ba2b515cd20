import { z } from 'zod';
import { KefuError } from '../errors/kefu-error';
import { parseInput } from '../validation/parse-input';
import { type ErlangAResult, erlangAOf } from './erlang-a';
import { type ErlangCResult, erlangCOf, MAX_SERVERS, minimumAgentsFor } from './erlang-c';

const share = z.number().finite().min(0).max(1);

export const StaffingTargetSchema = z.object({
  arrivalsPerHour: z.number().finite().nonnegative(),
  averageHandleSeconds: z.number().finite().positive(),
  answerWithinSeconds: z.number().finite().nonnegative(),
  /** Share to answer within `answerWithinSeconds`, e.g. 0.8 for "80/20". */
  targetServiceLevel: share,
  /** Highest acceptable occupancy (e.g. 0.85): more agents if the service level alone allows more. */
  maxOccupancy: z.number().finite().gt(0).max(1).optional(),
  /** Share of paid time off the desk (breaks, training, meetings): scheduled = agents ÷ (1 − shrinkage). */
  shrinkage: z.number().finite().min(0).lt(1).default(0),
  capacity: z.number().int().min(1).max(50).default(1),
  /** With a mean patience, Erlang A (customers leave) instead of Erlang C. */
  averagePatienceSeconds: z.number().finite().positive().optional(),
});

/**
 * What {@link StaffingTargetSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const target: StaffingTarget = { arrivalsPerHour: 360, averageHandleSeconds: 240, answerWithinSeconds: 20, targetServiceLevel: 0.8 };
 * const { agents } = requiredAgents(target);
 * ```
 */
export type StaffingTarget = z.input<typeof StaffingTargetSchema>;

/**
 * The fewest agents meeting a target, and the figures at that count.
 *
 * @example
 * ```ts
 * const needed: RequiredAgents = requiredAgents({ arrivalsPerHour: 360, averageHandleSeconds: 240, answerWithinSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3 });
 * console.log(needed.agents, needed.scheduledAgents);
 * ```
 */
export interface RequiredAgents {
  /** Agents on the desk at once. */
  agents: number;
  /** Agents to schedule so that `agents` are on the desk after shrinkage. */
  scheduledAgents: number;
  model: 'erlang-c' | 'erlang-a';
  figures: ErlangCResult | ErlangAResult;
}

/**
 * The fewest agents whose service level meets `targetServiceLevel` (and whose occupancy stays
 * under `maxOccupancy`), by Erlang C — or Erlang A when `averagePatienceSeconds` is given.
 * Service level rises with every agent added, so the first count that meets the target is the
 * answer.
 *
 * @example
 * import { requiredAgents } from '@kefu/core/staffing';
 *
 * const plan = requiredAgents({
 *   arrivalsPerHour: 360,
 *   averageHandleSeconds: 240,
 *   answerWithinSeconds: 20,
 *   targetServiceLevel: 0.8,
 *   shrinkage: 0.3,
 * });
 * plan.agents; // 29 on the desk
 * plan.scheduledAgents; // 42 on the rota
 */
export function requiredAgents(input: StaffingTarget): RequiredAgents {
  return requiredAgentsOf(parseInput(StaffingTargetSchema, input, 'staffing target'));
}

/** {@link requiredAgents} over input already validated. */
export function requiredAgentsOf(t: z.output<typeof StaffingTargetSchema>): RequiredAgents {
  const load = (t.arrivalsPerHour / 3600) * t.averageHandleSeconds;
  const patience = t.averagePatienceSeconds;
  const model = patience === undefined ? ('erlang-c' as const) : ('erlang-a' as const);
  const figuresAt = (agents: number) =>
    patience === undefined
      ? erlangCOf({ ...t, agents })
      : erlangAOf({ ...t, agents, averagePatienceSeconds: patience });
  // Service level only rises and occupancy only falls as agents are added, so "meets the target"
  // is monotone in the count: double until it holds, then bisect for the fewest.
  const meets = (agents: number) => {
    const figures = figuresAt(agents);
    if (!figures.stable || figures.serviceLevel < t.targetServiceLevel) return null;
    if (t.maxOccupancy !== undefined && figures.occupancy > t.maxOccupancy) return null;
    return figures;
  };
  const maxAgents = Math.floor(MAX_SERVERS / t.capacity);
  // Erlang C needs more servers than load; Erlang A can run below it, so it starts from one.
  let low = patience === undefined ? minimumAgentsFor(load, t.capacity) - 1 : 0;
  let high = Math.max(1, low + 1);
  let found = high <= maxAgents ? meets(high) : null;
  while (!found && high < maxAgents) {
    low = high;
    high = Math.min(maxAgents, high * 2);
    found = meets(high);
  }
  if (found) {
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const figures = meets(middle);
      if (figures) {
        high = middle;
        found = figures;
      } else low = middle;
    }
    return {
      agents: high,
      // The epsilon keeps 28 / (1 − 0.3) = 40.000000000000004 at 40.
      scheduledAgents: Math.ceil(high / (1 - t.shrinkage) - 1e-9),
      model,
      figures: found,
    };
  }
  throw new KefuError(
    'VALIDATION',
    `Invalid staffing target: no count up to ${maxAgents} agents meets it; lower targetServiceLevel or arrivalsPerHour.`,
    { issues: [{ path: 'targetServiceLevel', message: 'not reachable' }] },
  );
}
