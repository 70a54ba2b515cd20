import { z } from 'zod';
import { parseInput } from '../validation/parse-input';

/** The most agents (× capacity) the formulas take: the recursion is linear in it. */
export const MAX_SERVERS = 100_000;

/** What every staffing formula is given: traffic, handle time, people and the answer target. */
export const QueueInputSchema = z.object({
  /** Conversations that reach the queue per hour (λ). */
  arrivalsPerHour: z.number().finite().nonnegative(),
  /** Mean time an agent spends on one conversation, assignment to resolution (1/μ). */
  averageHandleSeconds: z.number().finite().positive(),
  /** People on the desk. */
  agents: z.number().int().min(1).max(MAX_SERVERS),
  /** Service-level threshold: answered within this many seconds counts as on time. */
  answerWithinSeconds: z.number().finite().nonnegative(),
  /**
   * Conversations one agent holds at once (their routing capacity). The formulas treat each
   * agent as `capacity` independent servers; see docs/concepts/staffing.md.
   */
  capacity: z.number().int().min(1).max(50).default(1),
});

/**
 * What {@link QueueInputSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const input: QueueInput = { arrivalsPerHour: 360, averageHandleSeconds: 240, agents: 28, answerWithinSeconds: 20 };
 * const result = erlangC(input);
 * ```
 */
export type QueueInput = z.input<typeof QueueInputSchema>;

/**
 * Too few agents for the load: the queue grows without bound, so there is no steady state.
 *
 * @example
 * ```ts
 * const result = erlangC({ arrivalsPerHour: 600, averageHandleSeconds: 240, agents: 30, answerWithinSeconds: 20 });
 * if (!result.stable) console.log('need more than', result.offeredLoad, 'agents');
 * ```
 */
export interface UnstableQueue {
  stable: false;
  /** Offered load in Erlangs (λ × handle time). */
  offeredLoad: number;
  /** Servers (agents × capacity) given. */
  servers: number;
  /** The fewest agents with which the queue is stable. */
  minimumAgents: number;
}

/**
 * Steady-state figures of an M/M/c queue. Probabilities are 0–1; times in seconds.
 *
 * @example
 * ```ts
 * const result = erlangC({ arrivalsPerHour: 360, averageHandleSeconds: 240, agents: 28, answerWithinSeconds: 20 });
 * if (result.stable) console.log(result.pWait, result.asaSeconds, result.serviceLevel); // ≈0.333, 20 s, 0.761
 * ```
 */
export interface ErlangCResult {
  stable: true;
  /** Offered load in Erlangs (λ × handle time): servers busy on average. */
  offeredLoad: number;
  /** Servers: agents × capacity. */
  servers: number;
  /** Probability that a conversation has to wait at all (Erlang C). */
  pWait: number;
  /** Average speed of answer over all conversations, waiting or not. */
  asaSeconds: number;
  /** Share answered within `answerWithinSeconds`. */
  serviceLevel: number;
  /** Share of server time busy: load ÷ servers. */
  occupancy: number;
}

/**
 * Erlang B (blocking probability of M/M/c/c) for a load of `load` Erlangs on `servers` servers,
 * by the recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)): no factorials, no overflow, and
 * every step stays in [0, 1].
 *
 * @example
 * erlangB(24, 28); // 0.0666…
 */
export function erlangB(load: number, servers: number): number {
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (load * b) / (n + load * b);
  return b;
}

/** Minimum agents for a stable queue at this load. */
export function minimumAgentsFor(load: number, capacity: number): number {
  return Math.floor(load / capacity) + 1;
}

/**
 * Erlang C: waiting probability, average speed of answer, service level and occupancy of an
 * M/M/c queue (Poisson arrivals, exponential handle times, patient customers, first come first
 * served). With agents × capacity ≤ load there is no steady state: `{ stable: false }`.
 *
 * @example
 * import { erlangC } from '@kefu/core/staffing';
 *
 * const figures = erlangC({
 *   arrivalsPerHour: 360,
 *   averageHandleSeconds: 240,
 *   agents: 28,
 *   answerWithinSeconds: 20,
 * });
 * if (figures.stable) figures.serviceLevel; // 0.761
 */
export function erlangC(input: QueueInput): ErlangCResult | UnstableQueue {
  const q = parseInput(QueueInputSchema, input, 'Erlang C input');
  return erlangCOf(q);
}

/** {@link erlangC} over input already validated. */
export function erlangCOf(q: z.output<typeof QueueInputSchema>): ErlangCResult | UnstableQueue {
  const handle = q.averageHandleSeconds;
  const load = (q.arrivalsPerHour / 3600) * handle;
  const servers = q.agents * q.capacity;
  if (servers <= load) {
    return {
      stable: false,
      offeredLoad: load,
      servers,
      minimumAgents: minimumAgentsFor(load, q.capacity),
    };
  }
  if (load === 0) {
    return {
      stable: true,
      offeredLoad: 0,
      servers,
      pWait: 0,
      asaSeconds: 0,
      serviceLevel: 1,
      occupancy: 0,
    };
  }
  const b = erlangB(load, servers);
  const pWait = (servers * b) / (servers - load * (1 - b));
  // A delayed conversation waits Exp((c − A) / h): c servers free up at rate c/h, arrivals add A/h.
  const drain = (servers - load) / handle;
  return {
    stable: true,
    offeredLoad: load,
    servers,
    pWait,
    asaSeconds: pWait / drain,
    serviceLevel: 1 - pWait * Math.exp(-drain * q.answerWithinSeconds),
    occupancy: load / servers,
  };
}
