import type { KefuAgentClient } from '@kefu/client/agent';

/** What an agent can do to a conversation. */
export type AgentAction = Parameters<KefuAgentClient['act']>[1];
/** Options of an agent action (transfer target, reason, note). */
export type AgentActionOptions = NonNullable<Parameters<KefuAgentClient['act']>[2]>;
