/**
 * `@kefu/widget-react/agent`: hooks for agent consoles. Kept out of the main entry so storefronts
 * that only show the chat widget never ship them.
 *
 * @module @kefu/widget-react/agent
 */
export type { AgentAction, AgentActionOptions } from './agent-types';
export type { KefuAgentProviderProps } from './kefu-agent-provider';
export { KefuAgentProvider } from './kefu-agent-provider';
export { useAgentClient } from './use-agent-client';
export type { AgentConversation } from './use-agent-conversation';
export { useAgentConversation } from './use-agent-conversation';
export { useAgentSelector } from './use-agent-selector';
export type { Inbox } from './use-inbox';
export { useInbox } from './use-inbox';
