import { type Conversation, canSupervise, type Desk } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import type { AgentSubject } from './authorization';

type AuthorizeAgent = (agentId: string, subject: AgentSubject) => boolean | Promise<boolean>;
type AuthorizeCall = (
  agentId: string,
  method: AgentCallMethod,
  input: Record<string, unknown>,
) => boolean | Promise<boolean>;

/** Calls only supervisors and admins make when roles are enforced. */
export const SUPERVISOR_CALLS: ReadonlySet<AgentCallMethod> = new Set(['metrics.report']);

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
 * allow). With `enforce` off, the shop's functions are used as they are.
 */
export function withRoles(
  desk: Desk,
  enforce: boolean,
  authorizeAgent: AuthorizeAgent,
  authorizeCall: AuthorizeCall,
): { authorizeAgent: AuthorizeAgent; authorizeCall: AuthorizeCall } {
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
    async authorizeCall(agentId, method, input) {
      if (SUPERVISOR_CALLS.has(method)) {
        const agent = await desk.agents.get(agentId);
        if (!agent || !canSupervise(agent)) return false;
      }
      return authorizeCall(agentId, method, input);
    },
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
