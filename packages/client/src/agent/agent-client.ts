import {
  type AgentCallMethod,
  type AgentTicket,
  type ConversationAction,
  isInAgentInbox,
  type LiveMetrics,
  type WireConversation,
} from '@kefu/core/wire';
import type { CreateKefuClientOptions, KefuClient, KefuClientSnapshot } from '../client-types';
import { type ClientCore, createClientCore } from '../kefu-client';

/** What an agent console reads: the customer snapshot plus the inbox, tickets and live desk. */
export interface AgentClientSnapshot extends KefuClientSnapshot {
  /** After `listConversations()`: the inbox's conversation ids, kept live. */
  inbox: readonly string[] | null;
  /**
   * Whole tickets (internal notes included) linked to conversations this client watches, by id,
   * as the gateway pushes their changes.
   */
  agentTickets: Readonly<Record<string, AgentTicket>>;
  /** After `watchMetrics()`: the live desk (queue, waits, agents, SLA risk). */
  metrics: LiveMetrics | null;
}

/** Options of an agent's `act` on a conversation. */
export interface ActOptions {
  /** `transfer`: another agent, or `null` back to the queue. */
  toAgentId?: string | null;
  /** `transfer` to this team's queue. */
  toTeam?: string;
  reason?: string;
  /** `transfer`: an internal note for whoever takes over. */
  note?: string;
}

/** The client of an agent console: everything a customer's has, plus the desk's work. */
export interface KefuAgentClient extends KefuClient {
  getSnapshot(): AgentClientSnapshot;
  /**
   * The agent's inbox — queued conversations and those assigned to them — then kept live in
   * `snapshot.inbox` (also across reconnects).
   */
  listConversations(): Promise<WireConversation[]>;
  /** Claim, resolve, reopen, close, wait on the customer (`pending`) or transfer. */
  act(
    conversationId: string,
    action: ConversationAction,
    options?: ActOptions,
  ): Promise<WireConversation>;
  /** Takes the first queued conversation the agent qualifies for, or null. */
  claimNext(): Promise<WireConversation | null>;
  /** Online, away or offline. */
  setPresence(presence: 'online' | 'away' | 'offline'): Promise<void>;
  /** The live desk now, then kept live in `snapshot.metrics` (also across reconnects). */
  watchMetrics(): Promise<LiveMetrics>;
  /** One allow-listed desk call (`tickets.propose`, `orders.lookup`, …); see the protocol reference. */
  call<T = unknown>(method: AgentCallMethod, input?: Record<string, unknown>): Promise<T>;
}

/**
 * Creates the client of an agent console. Storefronts use `createKefuClient` from `@kefu/client`,
 * which leaves all of this out of their bundle.
 *
 * @example
 * import { createAgentClient } from '@kefu/client/agent';
 *
 * const agent = createAgentClient({ url: 'wss://candy.example/kefu', identity: { kind: 'agent', token } });
 * await agent.setPresence('online');
 * const next = await agent.claimNext();
 * if (next) await agent.act(next.id, 'resolve');
 */
export function createAgentClient(options: CreateKefuClientOptions): KefuAgentClient {
  let inbox: string[] | null = null;
  let agentTickets: Record<string, AgentTicket> = {};
  let metrics: LiveMetrics | null = null;
  /** Conversations that entered the inbox while an `inbox` request was on its way. */
  const entered = new Set<string>();
  let agent: KefuAgentClient | null = null;

  const agentId = (core: ClientCore) => {
    const session = core.session();
    return session?.role === 'agent' ? session.id : null;
  };

  const core = createClientCore(options, (core) => ({
    snapshot: () => ({ inbox, agentTickets, metrics }),
    onFrame(frame) {
      if (frame.type === 'metrics') metrics = frame.metrics;
      else if (frame.type === 'agent_ticket')
        agentTickets = { ...agentTickets, [frame.ticket.id]: frame.ticket };
      else return;
      core.emit();
    },
    // Keeps the inbox in step with every conversation the gateway sends or returns.
    onConversation(conversation) {
      const id = agentId(core);
      if (id === null) return;
      const inside = isInAgentInbox(conversation, id);
      if (inside) entered.add(conversation.id);
      else entered.delete(conversation.id);
      if (!inbox) return;
      const known = inbox.includes(conversation.id);
      if (inside && !known) inbox = [...inbox, conversation.id];
      else if (!inside && known) inbox = inbox.filter((listed) => listed !== conversation.id);
    },
    onWelcome() {
      if (inbox !== null) agent?.listConversations().catch(() => {});
      if (metrics !== null) agent?.watchMetrics().catch(() => {});
    },
  }));
  const { client, request, requestId, ask } = core;

  agent = {
    ...client,
    getSnapshot: () => client.getSnapshot() as AgentClientSnapshot,
    async listConversations() {
      entered.clear();
      const list = await client.listConversations();
      const id = agentId(core);
      if (id !== null) {
        // The list, plus what entered since it was read (its frame may beat this answer).
        const ids = new Set([...list.map((listed) => listed.id), ...entered]);
        inbox = [...ids].filter((listed) => {
          const current = core.conversation(listed);
          return current !== null && isInAgentInbox(current, id);
        });
        core.emit();
      }
      return list;
    },
    async act(conversationId, action, actOptions = {}) {
      const conversation = await ask(
        { type: 'act', id: requestId('a'), conversationId, action, ...actOptions },
        'conversation',
      );
      core.applyConversation(conversation);
      return conversation;
    },
    async claimNext() {
      const { conversation } = await request({ type: 'claim_next', id: requestId('cn') });
      if (conversation) core.applyConversation(conversation);
      return conversation ?? null;
    },
    async setPresence(presence) {
      await request({ type: 'presence', id: requestId('p'), presence });
    },
    async watchMetrics() {
      metrics = await ask({ type: 'watch_metrics', id: requestId('m') }, 'metrics');
      core.emit();
      return metrics;
    },
    async call<T>(method: AgentCallMethod, input: Record<string, unknown> = {}) {
      const ack = await request({ type: 'call', id: requestId('k'), method, input });
      return ack.result as T;
    },
  };
  if (options.autoConnect ?? true) agent.connect();
  return agent;
}

/**
 * Whether `client` is an agent client (from `createAgentClient`).
 *
 * @example
 * if (!isAgentClient(client)) throw new Error('This page needs an agent client.');
 */
export function isAgentClient(client: KefuClient): client is KefuAgentClient {
  return 'act' in client && 'claimNext' in client;
}
