import { type Agent, type Conversation, canSupervise, type Desk } from '@kefu/core';
import {
  type AgentCallMethod,
  PRIVILEGED_CALL_METHODS,
  SUPERVISOR_CALL_METHODS,
} from '@kefu/core/protocol';
import type { AgentSubject } from './authorization';

type AuthorizeAgent = (agentId: string, subject: AgentSubject) => boolean | Promise<boolean>;
type AuthorizeCall = (
  agentId: string,
  method: AgentCallMethod,
  input: Record<string, unknown>,
) => boolean | Promise<boolean>;

const PRIVILEGED: ReadonlySet<AgentCallMethod> = new Set(PRIVILEGED_CALL_METHODS);
const SUPERVISOR: ReadonlySet<AgentCallMethod> = new Set(SUPERVISOR_CALL_METHODS);

/**
 * The role a call needs, the one rule for every call. With roles enforced: privileged calls
 * (`privacy.audit`, `privacy.erase`) need `admin`, supervisor calls need `supervisor` or `admin`.
 * Without roles: `supervision.*` still need a supervisor (the desk checks that too), other
 * supervisor calls are open, and a privileged call is `'policy'`: only the shop's own
 * `authorizeCall` can allow it.
 *
 * @example
 * roleForCall('privacy.erase', true); // 'admin'
 * roleForCall('supervision.whisper', false); // 'supervisor'
 * roleForCall('tickets.get', true); // null: every agent (in scope)
 */
export function roleForCall(
  method: AgentCallMethod,
  enforce: boolean,
): 'admin' | 'supervisor' | 'policy' | null {
  if (PRIVILEGED.has(method)) return enforce ? 'admin' : 'policy';
  if (method.startsWith('supervision.')) return 'supervisor';
  return enforce && SUPERVISOR.has(method) ? 'supervisor' : null;
}

function hasRole(agent: Pick<Agent, 'role'>, needed: 'admin' | 'supervisor'): boolean {
  return needed === 'admin' ? agent.role === 'admin' : canSupervise(agent);
}

/**
 * Whether an agent's role lets them at a conversation: supervisors and admins see every team's;
 * a plain agent sees the ones assigned to them and the unassigned ones of their teams (the queue;
 * a conversation without a team is everyone's). Other subjects are left to `authorizeAgent`.
 */
export function roleAllowsConversation(
  agent: { id: string; role?: string | undefined; teams: readonly string[] },
  conversation: Conversation,
): boolean {
  if (canSupervise(agent as { role?: 'agent' | 'supervisor' | 'admin' })) return true;
  if (conversation.assigneeId !== null) return conversation.assigneeId === agent.id;
  return conversation.team === null || agent.teams.includes(conversation.team);
}

/**
 * Puts the role rule in front of the shop's own `authorizeAgent` and `authorizeCall` (both must
 * allow). With `enforce` off, conversations are left to `authorizeAgent` alone, and calls follow
 * `roleForCall` without roles.
 */
export function withRoles(
  desk: Desk,
  enforce: boolean,
  authorizeAgent: AuthorizeAgent,
  shopAuthorizeCall: AuthorizeCall | undefined,
): { authorizeAgent: AuthorizeAgent; authorizeCall: AuthorizeCall } {
  async function authorizeCall(
    agentId: string,
    method: AgentCallMethod,
    input: Record<string, unknown>,
  ): Promise<boolean> {
    const needed = roleForCall(method, enforce);
    if (needed === 'policy' && !shopAuthorizeCall) return false;
    if (needed === 'admin' || needed === 'supervisor') {
      const agent = await desk.agents.get(agentId);
      if (!agent || !hasRole(agent, needed)) return false;
    }
    return shopAuthorizeCall ? shopAuthorizeCall(agentId, method, input) : true;
  }
  if (!enforce) return { authorizeAgent, authorizeCall };
  return {
    async authorizeAgent(agentId, subject) {
      const agent = await desk.agents.get(agentId);
      if (!agent) return false;
      if (subject.kind === 'conversation' && !roleAllowsConversation(agent, subject.conversation)) {
        return false;
      }
      return authorizeAgent(agentId, subject);
    },
    authorizeCall,
  };
}

/**
 * The open conversations beyond "mine and the queue" an agent's inbox shows: for supervisors and
 * admins, every active or pending one of every team; for agents, none.
 */
export async function supervisedConversations(
  desk: Desk,
  agentId: string,
  limit: number,
): Promise<Conversation[]> {
  const agent = await desk.agents.get(agentId);
  if (!agent || !canSupervise(agent)) return [];
  const page = await desk.conversations.list({ status: ['active', 'pending'], limit });
  return page.items.filter((c) => c.assigneeId !== agentId);
}
