import type { Agent } from '../agents/agent';

/**
 * An agent as routing sees it: who they are and how busy they are right now.
 *
 * @example
 * ```ts
 * const candidate: RoutingCandidate = { agent, load: 2, lastAssignedAt: null };
 * isAvailable(candidate); // online and under capacity?
 * ```
 */
export interface RoutingCandidate {
  agent: Agent;
  /** Open, non-pending conversations assigned to the agent (status `active`). */
  load: number;
  /** When the agent last got a conversation; `null` if never. */
  lastAssignedAt: number | null;
}

/**
 * What the conversation being routed needs.
 *
 * @example
 * ```ts
 * const request: RoutingRequest = {
 *   conversationId: 'cnv_42', customerId: 'cus_lin', skills: ['after-sales'], team: null, previousAgent: null, now: Date.now(),
 * };
 * const candidate = chooseAgent(strategies.skillsBased(), candidates, request);
 * ```
 */
export interface RoutingRequest {
  conversationId: string;
  customerId: string;
  /** Skills the agent must all have (e.g. `after-sales`, `zh`). */
  skills: readonly string[];
  /** Team (department) the conversation is for, or null for any. */
  team: string | null;
  /** The customer's most recent agent and when that conversation ended, for sticky routing. */
  previousAgent: { agentId: string; at: number } | null;
  now: number;
}

/**
 * True when the agent may take one more conversation now.
 *
 * @example
 * ```ts
 * const free = candidates.filter(isAvailable);
 * ```
 */
export function isAvailable(candidate: RoutingCandidate): boolean {
  return candidate.agent.presence === 'online' && candidate.load < candidate.agent.capacity;
}
