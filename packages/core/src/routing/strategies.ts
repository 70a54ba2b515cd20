import type { RoutingCandidate, RoutingRequest } from './routing-candidate';
import { isAvailable } from './routing-candidate';

/**
 * An order of candidates as a tuple; the smallest tuple is chosen.
 *
 * @example
 * ```ts
 * // VIP specialists first, then the least busy
 * const vipFirst: Rank = (candidate) => [candidate.agent.skills.includes('vip') ? 0 : 1, candidate.load];
 * ```
 */
export type Rank = (
  candidate: RoutingCandidate,
  request: RoutingRequest,
) => readonly (number | string)[];

/**
 * Keeps the candidates that may take the conversation.
 *
 * @example
 * ```ts
 * const speaksJapanese: RoutingFilter = (candidate) => candidate.agent.skills.includes('ja');
 * const strategy = strategies.custom('ja-desk', leastBusy, [speaksJapanese]);
 * ```
 */
export type RoutingFilter = (candidate: RoutingCandidate, request: RoutingRequest) => boolean;

/**
 * Picks one candidate among those the filters kept, or `null` to leave the conversation queued.
 *
 * @example
 * ```ts
 * const firstOnline: RoutingSelector = (candidates) => candidates[0] ?? null;
 * const desk = createDesk({ storage, routing: { strategy: strategies.custom('first', firstOnline) } });
 * ```
 */
export type RoutingSelector = (
  candidates: readonly RoutingCandidate[],
  request: RoutingRequest,
) => RoutingCandidate | null;

/**
 * Filters, then a selector. Availability (online, under capacity) always applies first.
 *
 * @example
 * ```ts
 * const strategy: RoutingStrategy = {
 *   name: 'after-sales-first',
 *   filters: [hasRequiredSkills, inRequestedTeam],
 *   select: leastBusy,
 * };
 * const desk = createDesk({ storage, routing: { strategy } });
 * ```
 */
export interface RoutingStrategy {
  name: string;
  /** Set when the selector reads `request.previousAgent` (sticky): the desk then looks it up. */
  usesHistory?: boolean;
  filters: readonly RoutingFilter[];
  select: RoutingSelector;
  /**
   * The selector's order as a tuple (smaller wins), when it has one: lets `RoutingIndex` keep
   * agents in a heap instead of scanning them all. Must agree with `select`.
   */
  rank?: Rank;
}

const lastAssigned = (candidate: RoutingCandidate) =>
  candidate.lastAssignedAt ?? Number.NEGATIVE_INFINITY;

const roundRobinRank: Rank = (c) => [lastAssigned(c), c.agent.id];
const leastBusyRank: Rank = (c) => [c.load, lastAssigned(c), c.agent.id];
const skillMatchRank: Rank = (c) => [c.agent.skills.length, c.load, lastAssigned(c), c.agent.id];

/**
 * Smaller rank tuples win; compared element by element.
 *
 * @example
 * ```ts
 * compareRanks([0, 3], [1, 0]); // < 0: the first wins
 * compareRanks(['a', 2], ['a', 2]); // 0
 * ```
 */
export function compareRanks(
  a: readonly (number | string)[],
  b: readonly (number | string)[],
): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The selector that picks the candidate with the smallest rank. */
function byRank(rank: Rank): RoutingSelector {
  return (candidates, request) => {
    let best: RoutingCandidate | null = null;
    let bestRank: readonly (number | string)[] = [];
    for (const candidate of candidates) {
      const candidateRank = rank(candidate, request);
      if (best === null || compareRanks(candidateRank, bestRank) < 0) {
        best = candidate;
        bestRank = candidateRank;
      }
    }
    return best;
  };
}

/**
 * Filters: every required skill covered.
 *
 * @example
 * ```ts
 * const strategy = strategies.custom('skills-only', leastBusy, [hasRequiredSkills]);
 * ```
 */
export const hasRequiredSkills: RoutingFilter = (candidate, request) =>
  request.skills.every((skill) => candidate.agent.skills.includes(skill));

/**
 * Filters: member of the requested team (any agent when the request names none).
 *
 * @example
 * ```ts
 * const strategy = strategies.custom('team-first', leastRecentlyAssigned, [inRequestedTeam]);
 * ```
 */
export const inRequestedTeam: RoutingFilter = (candidate, request) =>
  request.team === null || candidate.agent.teams.includes(request.team);

/**
 * Selects: the agent who waited longest since their last assignment (round robin).
 *
 * @example
 * ```ts
 * const strategy = strategies.custom('rotate', leastRecentlyAssigned, [hasRequiredSkills]);
 * ```
 */
export const leastRecentlyAssigned: RoutingSelector = byRank(roundRobinRank);

/**
 * Selects: fewest open conversations; ties go to the least recently assigned.
 *
 * @example
 * ```ts
 * const picked = leastBusy(candidates, request); // fewest open conversations
 * ```
 */
export const leastBusy: RoutingSelector = byRank(leastBusyRank);

/**
 * Selects: the most specialised agent (fewest skills) among those covering the required ones,
 * then the least busy: generalists stay free for conversations only they can take.
 *
 * @example
 * ```ts
 * const strategy = strategies.custom('specialists', bestSkillMatch, [hasRequiredSkills]);
 * ```
 */
export const bestSkillMatch: RoutingSelector = byRank(skillMatchRank);

/**
 * Selects: nobody; agents claim from the queue themselves.
 *
 * @example
 * ```ts
 * // agents pick conversations from the queue themselves (抢单)
 * const strategy = strategies.custom('claim-only', nobody);
 * ```
 */
export const nobody: RoutingSelector = () => null;

/**
 * Wraps a selector: the customer's previous agent, when they are a candidate and their last
 * conversation ended within `windowMs`, else whatever `fallback` picks.
 *
 * @example
 * ```ts
 * // the customer's last agent if they talked in the past 24 h, else the least busy
 * const select = sticky(24 * 60 * 60 * 1000, leastBusy);
 * ```
 */
export function sticky(windowMs: number, fallback: RoutingSelector): RoutingSelector {
  return (candidates, request) => {
    const previous = request.previousAgent;
    if (previous && request.now - previous.at <= windowMs) {
      const same = candidates.find((candidate) => candidate.agent.id === previous.agentId);
      if (same) return same;
    }
    return fallback(candidates, request);
  };
}

/**
 * Ready-made strategies. Compose your own with `{ name, filters, select }`.
 *
 * @example
 * const desk = createDesk({ storage, routing: { strategy: strategies.skillsBased() } });
 * const custom = { name: 'vip-desk', filters: [hasRequiredSkills], select: (c) => c[0] ?? null };
 */
export const strategies = {
  roundRobin: (): RoutingStrategy => ({
    name: 'round-robin',
    filters: [hasRequiredSkills, inRequestedTeam],
    select: leastRecentlyAssigned,
    rank: roundRobinRank,
  }),
  leastBusy: (): RoutingStrategy => ({
    name: 'least-busy',
    filters: [hasRequiredSkills, inRequestedTeam],
    select: leastBusy,
    rank: leastBusyRank,
  }),
  skillsBased: (): RoutingStrategy => ({
    name: 'skills-based',
    filters: [hasRequiredSkills, inRequestedTeam],
    select: bestSkillMatch,
    rank: skillMatchRank,
  }),
  sticky: (windowMs: number, fallback: RoutingSelector = leastBusy): RoutingStrategy => ({
    name: 'sticky',
    usesHistory: true,
    filters: [hasRequiredSkills, inRequestedTeam],
    select: sticky(windowMs, fallback),
  }),
  manual: (): RoutingStrategy => ({ name: 'manual', filters: [], select: nobody }),
  custom: (name: string, select: RoutingSelector, filters: readonly RoutingFilter[] = []) => ({
    name,
    filters,
    select,
  }),
};

/**
 * Runs a strategy over all candidates: availability, then its filters, then its selector.
 *
 * @example
 * ```ts
 * const candidate = chooseAgent(strategies.leastBusy(), candidates, request);
 * if (candidate) console.log('assign to', candidate.agent.id);
 * ```
 */
export function chooseAgent(
  strategy: RoutingStrategy,
  candidates: readonly RoutingCandidate[],
  request: RoutingRequest,
): RoutingCandidate | null {
  const eligible = candidates.filter(
    (candidate) =>
      isAvailable(candidate) && strategy.filters.every((filter) => filter(candidate, request)),
  );
  return eligible.length === 0 ? null : strategy.select(eligible, request);
}
