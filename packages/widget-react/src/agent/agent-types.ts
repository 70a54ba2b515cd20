import type { KefuAgentClient } from '@kefu/client/agent';

/**
 * What an agent can do to a conversation.
 *
 * @example
 * const action: AgentAction = 'resolve';
 * await act(action);
 */
export type AgentAction = Parameters<KefuAgentClient['act']>[1];
/**
 * Options of an agent action (transfer target, reason, note).
 *
 * @example
 * const options: AgentActionOptions = { toAgentId: 'agt_li', note: '客户要求退款' };
 * await act('transfer', options);
 */
export type AgentActionOptions = NonNullable<Parameters<KefuAgentClient['act']>[2]>;
