import type { RoutingCandidate, RoutingRequest } from './routing-candidate';
import { isAvailable } from './routing-candidate';

/** Keeps the candidates that may take the conversation. */
export type RoutingFilter = (candidate: RoutingCandidate, request: RoutingRequest) => boolean;

/** Picks one candidate among those the filters kept, or `null` to leave the conversation queued. */
export type RoutingSelector = (
  candidates: readonly RoutingCandidate[],
  request: RoutingRequest,
) => RoutingCandidate | null;

/** Filters, then a selector. Availability (online, under capacity) always applies first. */
export interface RoutingStrategy {
  name: string;
  /** Set when the selector reads `request.previousAgent` (sticky): the desk then looks it up. */
  usesHistory?: boolean;
  filters: readonly RoutingFilter[];
  select: RoutingSelector;
}

const lastAssigned = (candidate: RoutingCandidate) =>
  candidate.lastAssignedAt ?? Number.NEGATIVE_INFINITY;

/** Orders by `compare`, then by least recently assigned, then by id for a stable choice. */
function pickBest(
  candidates: readonly RoutingCandidate[],
  compare: (a: RoutingCandidate, b: RoutingCandidate) => number = () => 0,
): RoutingCandidate | null {
  let best: RoutingCandidate | null = null;
  for (const candidate of candidates) {
    if (
      best === null ||
      (compare(candidate, best) ||
        lastAssigned(candidate) - lastAssigned(best) ||
        (candidate.agent.id < best.agent.id ? -1 : 1)) < 0
    ) {
      best = candidate;
    }
  }
  return best;
}

/** Filters: every required skill covered. */
export const hasRequiredSkills: RoutingFilter = (candidate, request) =>
  request.skills.every((skill) => candidate.agent.skills.includes(skill));

/** Filters: member of the requested team (any agent when the request names none). */
export const inRequestedTeam: RoutingFilter = (candidate, request) =>
  request.team === null || candidate.agent.teams.includes(request.team);

/** Selects: the agent who waited longest since their last assignment (round robin). */
export const leastRecentlyAssigned: RoutingSelector = (candidates) => pickBest(candidates);

/** Selects: fewest open conversations; ties go to the least recently assigned. */
export const leastBusy: RoutingSelector = (candidates) =>
  pickBest(candidates, (a, b) => a.load - b.load);

/** Selects: most skills beyond the required ones shared with the request, then least busy. */
export const bestSkillMatch: RoutingSelector = (candidates, request) =>
  pickBest(candidates, (a, b) => {
    const extra = (c: RoutingCandidate) => c.agent.skills.length - request.skills.length;
    // Fewer unrelated skills means a more specialised agent for this request.
    return extra(a) - extra(b) || a.load - b.load;
  });

/** Selects: nobody; agents claim from the queue themselves. */
export const nobody: RoutingSelector = () => null;

/**
 * Wraps a selector: the customer's previous agent, when they are a candidate and their last
 * conversation ended within `windowMs`, else whatever `fallback` picks.
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
  }),
  leastBusy: (): RoutingStrategy => ({
    name: 'least-busy',
    filters: [hasRequiredSkills, inRequestedTeam],
    select: leastBusy,
  }),
  skillsBased: (): RoutingStrategy => ({
    name: 'skills-based',
    filters: [hasRequiredSkills, inRequestedTeam],
    select: bestSkillMatch,
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

/** Runs a strategy over all candidates: availability, then its filters, then its selector. */
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
