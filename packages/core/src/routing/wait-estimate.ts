import type { Agent } from '../agents/agent';

/**
 * The staffing numbers the wait estimate uses.
 *
 * @example
 * ```ts
 * const { agentsOnline, freeSlots }: Staffing = staffingOf(await desk.agents.list());
 * ```
 */
export interface Staffing {
  /** Agents online. */
  agentsOnline: number;
  /** Sum of the capacities of online agents: conversations handled at once. */
  totalSlots: number;
  /** Places free right now among online agents. */
  freeSlots: number;
}

/**
 * Counts agents online, their total capacity and the free places among them.
 *
 * @example
 * ```ts
 * const staffing = staffingOf(agents);
 * const waitMs = estimateWaitMs(3, staffing, 240_000);
 * ```
 */
export function staffingOf(agents: readonly Agent[]): Staffing {
  let agentsOnline = 0;
  let totalSlots = 0;
  let freeSlots = 0;
  for (const agent of agents) {
    if (agent.presence !== 'online') continue;
    agentsOnline++;
    totalSlots += agent.capacity;
    freeSlots += Math.max(0, agent.capacity - agent.load);
  }
  return { agentsOnline, totalSlots, freeSlots };
}

/**
 * Expected wait, in ms, of the conversation at 1-based `position` in the queue:
 *
 *   wait = 0                                   when position ≤ freeSlots
 *   wait = (position − freeSlots) × H / S      otherwise
 *
 * where H is the average handle time (assignment to resolution) of recent conversations and S the
 * slots of the agents online: S slots free up at a rate of S / H. `null` when nobody is online —
 * then the customer should be offered to leave a message.
 *
 * @example
 * ```ts
 * const waitMs = estimateWaitMs(position, staffingOf(agents), handleTime.valueMs);
 * if (waitMs !== null) show(`预计等待 ${Math.ceil(waitMs / 60_000)} 分钟`);
 * ```
 */
export function estimateWaitMs(
  position: number,
  staffing: Staffing,
  handleTimeMs: number,
): number | null {
  if (staffing.totalSlots === 0) return null;
  if (position <= staffing.freeSlots) return 0;
  return Math.round(((position - staffing.freeSlots) * handleTimeMs) / staffing.totalSlots);
}

/**
 * A rolling average of the last `size` handle times, with a default before any arrive.
 *
 * @example
 * ```ts
 * const handleTime = new HandleTimeAverage(50, 240_000);
 * handleTime.add(180_000);
 * console.log(handleTime.valueMs); // mean of the last 50, or 240 s before any
 * ```
 */
export class HandleTimeAverage {
  readonly #samples: number[] = [];
  readonly #size: number;
  readonly #fallback: number;

  constructor(size: number, fallbackMs: number) {
    this.#size = size;
    this.#fallback = fallbackMs;
  }

  add(durationMs: number): void {
    if (!(durationMs >= 0)) return;
    this.#samples.push(durationMs);
    if (this.#samples.length > this.#size) this.#samples.shift();
  }

  get valueMs(): number {
    if (this.#samples.length === 0) return this.#fallback;
    return this.#samples.reduce((sum, value) => sum + value, 0) / this.#samples.length;
  }
}
