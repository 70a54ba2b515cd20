/**
 * The protocol version this build speaks. A gateway refuses a `hello` with another major.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, auth: { kind: 'visitor' } }));
 * ```
 */
export const PROTOCOL_VERSION = 1;

/**
 * What an agent may do to a conversation over the gateway (`act` frame).
 *
 * @example
 * ```ts
 * const action = CONVERSATION_ACTIONS.includes(input as ConversationAction) ? input : 'claim';
 * ```
 */
export const CONVERSATION_ACTIONS = [
  'claim',
  'resolve',
  'reopen',
  'close',
  'pending',
  'transfer',
] as const;

/**
 * One of `CONVERSATION_ACTIONS`.
 *
 * @example
 * ```ts
 * const label: Record<ConversationAction, string> = {
 *   claim: '接入', resolve: '解决', reopen: '重新打开',
 *   close: '关闭', pending: '挂起', transfer: '转接',
 * };
 * ```
 */
export type ConversationAction = (typeof CONVERSATION_ACTIONS)[number];

/**
 * The desk calls an agent connection may make (`call` frame). The gateway fills in who is acting
 * (`by`, `agentId`) from the authenticated agent; a caller cannot act as someone else.
 *
 * @example
 * ```ts
 * const allowed = (method: string): method is AgentCallMethod =>
 *   (AGENT_CALL_METHODS as readonly string[]).includes(method);
 * ```
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
  'privacy.reveal',
  'privacy.audit',
  'privacy.erase',
  // Quality review (质检): supervisors and admins; an agent reads and disputes only their own.
  'quality.scorecards',
  'quality.sample',
  'quality.start',
  'quality.score',
  'quality.submit',
  'quality.resolve',
  'quality.report',
  'quality.list',
  'quality.get',
  'quality.dispute',
  // Incident mode (应急): every agent reads the current one; supervisors and admins switch it.
  'incidents.current',
  'incidents.history',
  'incidents.start',
  'incidents.end',
  // Supervision: supervisors and admins only (see SUPERVISOR_CALL_METHODS).
  'supervision.live',
  'supervision.watch',
  'supervision.whisper',
  'supervision.bargeIn',
  'supervision.reassign',
] as const;

/**
 * Calls that only administrators should make: with roles enforced (the default), only agents
 * with `role: 'admin'`; without roles, only when the gateway's `authorizeCall` allows them.
 *
 * @example
 * ```ts
 * const authorizeCall = ({ method, agent }: { method: AgentCallMethod; agent: { role: string } }) =>
 *   !PRIVILEGED_CALL_METHODS.includes(method) || agent.role === 'admin';
 * ```
 */
export const PRIVILEGED_CALL_METHODS: readonly AgentCallMethod[] = [
  'privacy.audit',
  'privacy.erase',
];

/**
 * One of `AGENT_CALL_METHODS`.
 *
 * @example
 * ```ts
 * const method: AgentCallMethod = 'tickets.create';
 * socket.send(JSON.stringify({ type: 'call', id: 'r1', method, input }));
 * ```
 */
export type AgentCallMethod = (typeof AGENT_CALL_METHODS)[number];

/**
 * Calls only supervisors and admins make: the `supervision.*` calls always (the desk checks the
 * role too), `metrics.report` when the gateway enforces roles.
 *
 * @example
 * const canOffer = SUPERVISOR_CALL_METHODS.includes('supervision.whisper'); // true
 */
export const SUPERVISOR_CALL_METHODS: readonly AgentCallMethod[] = [
  'metrics.report',
  'supervision.live',
  'supervision.watch',
  'supervision.whisper',
  'supervision.bargeIn',
  'supervision.reassign',
];

/**
 * Whether a conversation is in an agent's inbox (`inbox` request, live `conversation` frames):
 * waiting in the queue, or assigned to them and open. The gateway and the client both decide with
 * this, so they never disagree.
 *
 * @example
 * if (isInAgentInbox(conversation, 'agt_wang')) showInInbox(conversation);
 */
export function isInAgentInbox(
  conversation: { status: string; assigneeId: string | null },
  agentId: string,
): boolean {
  if (conversation.status === 'queued') return true;
  return (
    conversation.assigneeId === agentId &&
    (conversation.status === 'active' || conversation.status === 'pending')
  );
}
