/** The protocol version this build speaks. A gateway refuses a `hello` with another major. */
export const PROTOCOL_VERSION = 1;

/** What an agent may do to a conversation over the gateway (`act` frame). */
export const CONVERSATION_ACTIONS = [
  'claim',
  'resolve',
  'reopen',
  'close',
  'pending',
  'transfer',
] as const;
export type ConversationAction = (typeof CONVERSATION_ACTIONS)[number];

/**
 * The desk calls an agent connection may make (`call` frame). The gateway fills in who is acting
 * (`by`, `agentId`) from the authenticated agent; a caller cannot act as someone else.
 */
export const AGENT_CALL_METHODS = [
  'conversations.get',
  'conversations.list',
  'conversations.setPriority',
  'conversations.tag',
  'customers.get',
  'orders.lookup',
  'tickets.create',
  'tickets.get',
  'tickets.list',
  'tickets.triage',
  'tickets.start',
  'tickets.awaitCustomer',
  'tickets.awaitThirdParty',
  'tickets.resume',
  'tickets.propose',
  'tickets.resolve',
  'tickets.close',
  'tickets.cancel',
  'tickets.escalate',
  'tickets.addNote',
  'knowledge.search',
  'knowledge.suggest',
  'knowledge.suggestFor',
  'metrics.snapshot',
  'metrics.report',
  'surveys.get',
  'agents.list',
] as const;
export type AgentCallMethod = (typeof AGENT_CALL_METHODS)[number];
