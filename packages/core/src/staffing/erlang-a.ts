import { z } from 'zod';
import { KefuError } from '../errors/kefu-error';
import { parseInput } from '../validation/parse-input';
import { erlangB, QueueInputSchema } from './erlang-c';

export const ErlangAInputSchema = QueueInputSchema.extend({
  /** Mean time a customer waits before leaving the queue (exponential patience, 1/θ). */
  averagePatienceSeconds: z.number().finite().positive(),
});

/**
 * What {@link ErlangAInputSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const input: ErlangAInput = { ...{ arrivalsPerHour: 360, averageHandleSeconds: 240, agents: 28, answerWithinSeconds: 20 }, averagePatienceSeconds: 120 };
 * const { pAbandon } = erlangA(input);
 * ```
 */
export type ErlangAInput = z.input<typeof ErlangAInputSchema>;

/**
 * Steady-state figures of an M/M/c+M queue. Probabilities are 0–1; times in seconds.
 *
 * @example
 * ```ts
 * const result: ErlangAResult = erlangA({ arrivalsPerHour: 360, averageHandleSeconds: 240, agents: 28, answerWithinSeconds: 20, averagePatienceSeconds: 120 });
 * console.log(result.pAbandon, result.serviceLevel);
 * ```
 */
export interface ErlangAResult {
  /** With abandonment a steady state always exists. */
  stable: true;
  offeredLoad: number;
  servers: number;
  /** Probability that a conversation finds every server busy and has to wait. */
  pWait: number;
  /** Probability that a conversation leaves the queue before an agent takes it. */
  pAbandon: number;
  /** Average wait of the conversations that were answered (what `speedOfAnswer` measures). */
  asaSeconds: number;
  /** Average time in queue over every conversation, answered or abandoned. */
  averageWaitSeconds: number;
  /** Share of all conversations answered within `answerWithinSeconds`; abandoned ones miss. */
  serviceLevel: number;
  /** Share of server time busy: the load actually served (1 − P(abandon)) ÷ servers. */
  occupancy: number;
}

/** Queue states summed before giving up: far beyond any desk, small enough to stay fast. */
const MAX_QUEUE_STATES = 50_000;
const MAX_WORK = 50_000_000;
const RESCALE_ABOVE = 1e250;

/**
 * Erlang A (Palm's M/M/c+M, as in Garnett, Mandelbaum and Reiman 2002): Erlang C with customers
 * who leave after an exponential patience. Chat customers do leave, so below the Erlang C staffing
 * the queue still settles — with abandonment instead of an endless wait.
 *
 * The queue is a birth–death chain; the tagged customer who finds j others waiting is answered
 * with probability cμ / (cμ + (j+1)θ) and, if answered, after a sum of exponential stages whose
 * distribution is evaluated by uniformisation. Exact to about 1e-12, no approximations.
 *
 * @example
 * import { erlangA } from '@kefu/core/staffing';
 *
 * const figures = erlangA({
 *   arrivalsPerHour: 360,
 *   averageHandleSeconds: 240,
 *   agents: 24,
 *   answerWithinSeconds: 20,
 *   averagePatienceSeconds: 120,
 * });
 * figures.pAbandon; // share of customers who give up waiting
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  return erlangAOf(parseInput(ErlangAInputSchema, input, 'Erlang A input'));
}

/** {@link erlangA} over input already validated. */
export function erlangAOf(q: z.output<typeof ErlangAInputSchema>): ErlangAResult {
  const lambda = q.arrivalsPerHour / 3600;
  const mu = 1 / q.averageHandleSeconds;
  const theta = 1 / q.averagePatienceSeconds;
  const servers = q.agents * q.capacity;
  const load = lambda / mu;
  const b = lambda === 0 ? 0 : erlangB(load, servers);
  if (b < 1e-290) {
    // No load, or so many servers that all of them busy is below double precision (1/b overflows).
    return {
      stable: true,
      offeredLoad: load,
      servers,
      pWait: 0,
      pAbandon: 0,
      asaSeconds: 0,
      averageWaitSeconds: 0,
      serviceLevel: 1,
      occupancy: load / servers,
    };
  }
  const serviceRate = servers * mu;
  // Weights relative to "all servers busy, nobody waiting": below = states with a free server.
  let below = 1 / b - 1;
  const weights = [1];
  let sum = 1;
  const peak = (lambda - serviceRate) / theta;
  for (let j = 1; ; j++) {
    let next = ((weights[j - 1] as number) * lambda) / (serviceRate + j * theta);
    if (next > RESCALE_ABOVE) {
      for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) / RESCALE_ABOVE;
      below /= RESCALE_ABOVE;
      sum /= RESCALE_ABOVE;
      next /= RESCALE_ABOVE;
    }
    if (j > peak && next < 1e-17 * sum) break;
    if (j > MAX_QUEUE_STATES) throw tooLong(q.averagePatienceSeconds);
    weights.push(next);
    sum += next;
  }
  const total = below + sum;
  const states = weights.length;
  let queueLength = 0;
  let answeredAfterWait = 0;
  let waitOfAnswered = 0;
  let stages = 0;
  const answered: number[] = new Array(states);
  for (let j = 0; j < states; j++) {
    const p = (weights[j] as number) / total;
    const rate = serviceRate + (j + 1) * theta;
    // Σ 1/(cμ + kθ), k = 1…j+1: the mean of the stages an answered customer waits through.
    stages += 1 / rate;
    const served = p * (serviceRate / rate);
    answered[j] = served;
    queueLength += j * p;
    answeredAfterWait += served;
    waitOfAnswered += served * stages;
  }
  const pAnsweredAtOnce = below / total;
  const pAnswered = pAnsweredAtOnce + answeredAfterWait;
  const within = answeredWithin(answered, serviceRate, theta, q.answerWithinSeconds);
  const pAbandon = (theta * queueLength) / lambda;
  return {
    stable: true,
    offeredLoad: load,
    servers,
    pWait: sum / total,
    pAbandon,
    asaSeconds: pAnswered > 0 ? waitOfAnswered / pAnswered : 0,
    averageWaitSeconds: queueLength / lambda,
    serviceLevel: pAnsweredAtOnce + within,
    occupancy: (load * (1 - pAbandon)) / servers,
  };
}

/**
 * Σ_j answered[j] · P(V_j ≤ t), where V_j is the sum of exponential stages with rates cμ + kθ,
 * k = 1…j+1 (the wait of an answered customer who found j waiting, tilted by its patience).
 * Uniformisation at the largest rate Λ: a pure-death chain that, after m Poisson(Λt) steps, has
 * reached zero with probability u_m(level) — stable for any number of stages.
 */
function answeredWithin(
  answered: readonly number[],
  serviceRate: number,
  theta: number,
  seconds: number,
): number {
  if (seconds === 0) return 0;
  const levels = answered.length;
  const fastest = serviceRate + levels * theta;
  const x = fastest * seconds;
  const weights = poissonWeights(x);
  if (weights.length * levels > MAX_WORK) throw tooLong(1 / theta);
  // reached[k]: probability of having reached zero from level k (k = 0 is zero itself).
  const reached = new Float64Array(levels + 1);
  reached[0] = 1;
  const cdf = new Float64Array(levels + 1);
  for (let m = 0; m < weights.length; m++) {
    const w = weights[m] as number;
    if (w > 0)
      for (let k = 1; k <= levels; k++) cdf[k] = (cdf[k] as number) + w * (reached[k] as number);
    // One uniformised step: level k moves down with probability (cμ + kθ) / Λ.
    for (let k = Math.min(levels, m + 1); k >= 1; k--) {
      const down = (serviceRate + k * theta) / fastest;
      reached[k] = down * (reached[k - 1] as number) + (1 - down) * (reached[k] as number);
    }
  }
  let within = 0;
  for (let j = 0; j < levels; j++) within += (answered[j] as number) * (cdf[j + 1] as number);
  return within;
}

/** Poisson(x) probabilities for 0…M, M far enough into the tail; computed outward from the mode. */
function poissonWeights(x: number): number[] {
  const mode = Math.floor(x);
  const high = Math.ceil(x + 12 * Math.sqrt(x) + 30);
  const weights = new Array<number>(high + 1).fill(0);
  weights[mode] = 1;
  let total = 1;
  for (let m = mode; m > 0; m--) {
    const w = ((weights[m] as number) * m) / x;
    if (w < 1e-300) break;
    weights[m - 1] = w;
    total += w;
  }
  for (let m = mode; m < high; m++) {
    const w = ((weights[m] as number) * x) / (m + 1);
    weights[m + 1] = w;
    total += w;
  }
  for (let m = 0; m <= high; m++) weights[m] = (weights[m] as number) / total;
  return weights;
}

function tooLong(patience: number): KefuError {
  return new KefuError(
    'VALIDATION',
    `Invalid Erlang A input: with ${patience} s of patience this overload builds a queue too long to evaluate; add agents or shorten averagePatienceSeconds.`,
    { issues: [{ path: 'averagePatienceSeconds', message: 'too long for this overload' }] },
  );
}
