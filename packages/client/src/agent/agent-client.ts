import {
  type AgentCallMethod,
  type AgentTicket,
  type ConversationAction,
  isInAgentInbox,
  type LiveMetrics,
  type WireConversation,
  type WireLiveConversation,
  type WireMessage,
} from '@kefu/core/wire';
import { nanoid } from 'nanoid';
import type { CreateKefuClientOptions, KefuClient, KefuClientSnapshot } from '../client-types';
import { type ClientCore, createClientCore } from '../kefu-client';

/**
 * What an agent console reads: the customer snapshot plus the inbox, tickets and live desk.
 *
 * @example
 * agent.subscribe(() => {
 *   const { inbox, metrics } = agent.getSnapshot();
 *   console.log(inbox?.length ?? 0, 'in my inbox;', metrics?.queueLength ?? 0, 'queued');
 * });
 */
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
  /**
   * After `watchSupervision()` (supervisors and admins): every open conversation's live-view row
   * by conversation id, kept live (also across reconnects).
   */
  supervision: Readonly<Record<string, WireLiveConversation>> | null;
}

/**
 * Where a supervisor moves a conversation with `reassign`: another agent, or a team's queue.
 *
 * @example
 * await agent.reassign(conversationId, { toAgentId: 'agt_li', reason: '售后问题' });
 * await agent.reassign(conversationId, { toTeam: 'after-sales' });
 */
export type ReassignTarget =
  | { toAgentId: string; reason?: string }
  | { toTeam?: string; reason?: string; toAgentId?: undefined };

/**
 * Options of an agent's `act` on a conversation.
 *
 * @example
 * await agent.act(conversationId, 'transfer', { toTeam: 'after-sales', note: '退款问题' });
 */
export interface ActOptions {
  /** `transfer`: another agent, or `null` back to the queue. */
  toAgentId?: string | null;
  /** `transfer` to this team's queue. */
  toTeam?: string;
  reason?: string;
  /** `transfer`: an internal note for whoever takes over. */
  note?: string;
}

/**
 * The client of an agent console: everything a customer's has, plus the desk's work.
 *
 * @example
 * const agent = createAgentClient({ url: 'wss://candy.example/kefu', identity: { kind: 'agent', token } });
 * await agent.setPresence('online');
 * const inbox = await agent.listConversations();
 */
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
  /**
   * Supervisors and admins: the live view (every open conversation with its queue time,
   * assignee, SLA state and due, sentiment), then kept live in `snapshot.supervision`.
   *
   * @example
   * const rows = await agent.watchSupervision({ teams: ['after-sales'] });
   */
  watchSupervision(options?: { teams?: string[] }): Promise<WireLiveConversation[]>;
  /**
   * Supervisors: watch a conversation without taking it (recorded as `conversation.watched`),
   * then its messages, internal notes included, arrive like those of any watched conversation.
   *
   * @example
   * await agent.watchAsSupervisor(conversationId);
   */
  watchAsSupervisor(conversationId: string): Promise<WireConversation>;
  /**
   * Supervisors: an internal note for the assigned agent, flagged `whisper` — never sent to the
   * customer. Idempotent: a retry with the same `clientId` stores nothing new.
   *
   * @example
   * await agent.whisper(conversationId, '先道歉，再查物流单号');
   */
  whisper(
    conversationId: string,
    text: string,
    options?: { clientId?: string },
  ): Promise<WireMessage>;
  /**
   * Supervisors: take the conversation over (recorded as `conversation.barged_in`).
   *
   * @example
   * await agent.bargeIn(conversationId, { reason: '客户投诉升级' });
   */
  bargeIn(conversationId: string, options?: { reason?: string }): Promise<WireConversation>;
  /**
   * Supervisors: move the conversation to another agent or a team's queue.
   *
   * @example
   * await agent.reassign(conversationId, { toAgentId: 'agt_li' });
   */
  reassign(conversationId: string, target: ReassignTarget): Promise<WireConversation>;
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
  let supervision: Record<string, WireLiveConversation> | null = null;
  let supervisedTeams: string[] | undefined;
  /** Conversations that entered the inbox while an `inbox` request was on its way. */
  const entered = new Set<string>();
  let agent: KefuAgentClient | null = null;

  const agentId = (core: ClientCore) => {
    const session = core.session();
    return session?.role === 'agent' ? session.id : null;
  };

  const core = createClientCore(options, (core) => ({
    snapshot: () => ({ inbox, agentTickets, metrics, supervision }),
    onFrame(frame) {
      if (frame.type === 'metrics') metrics = frame.metrics;
      else if (frame.type === 'supervision_ended') {
        // Refused from now on: drop the rows, and do not ask again after a reconnect.
        supervision = null;
        supervisedTeams = undefined;
      } else if (frame.type === 'supervision') {
        if (!supervision) return;
        const { [frame.conversationId]: _left, ...rest } = supervision;
        supervision = frame.row ? { ...rest, [frame.conversationId]: frame.row } : rest;
      } else if (frame.type === 'agent_ticket')
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
      if (supervision !== null) {
        const teams = supervisedTeams ? { teams: supervisedTeams } : {};
        agent?.watchSupervision(teams).catch((error: { code?: string }) => {
          // The role was taken away while offline: the rows go, as on `supervision_ended`. Any
          // other failure (the connection dropped again) is asked again at the next welcome.
          if (error.code !== 'FORBIDDEN') return;
          supervision = null;
          supervisedTeams = undefined;
          core.emit();
        });
      }
    },
  }));
  const { client, request, requestId, ask } = core;

  /** A supervisor call answered with a conversation: it goes into the store too. */
  async function supervisorCall(method: AgentCallMethod, input: Record<string, unknown>) {
    const ack = await request({ type: 'call', id: requestId('k'), method, input });
    const conversation = ack.result as WireConversation;
    core.applyConversation(conversation);
    return conversation;
  }

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
    async watchSupervision(watchOptions = {}) {
      supervisedTeams = watchOptions.teams;
      const rows = await ask(
        { type: 'watch_supervision', id: requestId('sv'), ...watchOptions },
        'supervision',
      );
      supervision = Object.fromEntries(rows.map((row) => [row.conversationId, row]));
      core.emit();
      return rows;
    },
    async watchAsSupervisor(conversationId) {
      const conversation = await supervisorCall('supervision.watch', { conversationId });
      client.watch(conversationId);
      return conversation;
    },
    async whisper(conversationId, text, whisperOptions = {}) {
      const clientId = whisperOptions.clientId ?? `c_${nanoid(16)}`;
      const input = { conversationId, text, clientId };
      const ack = await request({
        type: 'call',
        id: requestId('k'),
        method: 'supervision.whisper',
        input,
      });
      return ack.result as WireMessage;
    },
    bargeIn: (conversationId, bargeOptions = {}) =>
      supervisorCall('supervision.bargeIn', { conversationId, ...bargeOptions }),
    reassign: (conversationId, target) =>
      supervisorCall('supervision.reassign', {
        conversationId,
        ...target,
        toAgentId: target.toAgentId ?? null,
      }),
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
