/**
 * The agent console's client: inbox, actions and the live desk.
 *
 * @module @kefu/client/agent
 */
export type {
  AgentCallMethod,
  AgentTicket,
  ConversationAction,
  LiveMetrics,
  WireLiveConversation,
} from '@kefu/core/wire';
export type {
  ActOptions,
  AgentClientSnapshot,
  KefuAgentClient,
  ReassignTarget,
} from './agent-client';
export { createAgentClient, isAgentClient } from './agent-client';
