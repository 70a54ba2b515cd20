import { z } from 'zod';
import type { Agent } from '../agents/agent';
import type { Conversation } from '../conversations/conversation';
import type { RunCommand } from '../desk/command-runner';
import type { DeskSettings } from '../desk/desk-settings';
import { KefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import { IdSchema, LabelSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { isAvailable, type RoutingRequest } from './routing-candidate';
import { claimFirstQueued, type PickAgent, strategyPick } from './routing-claim';
import { RoutingIndex } from './routing-index';
import {
  candidateOf,
  previousAgentOf,
  type QueuedConversation,
  readQueue,
  routingRequestFor,
} from './routing-queue';
import { hasRequiredSkills, inRequestedTeam, type RoutingStrategy, strategies } from './strategies';
import { estimateWaitMs, HandleTimeAverage, staffingOf } from './wait-estimate';

/**
 * One queued conversation as a customer or an agent UI shows it.
 *
 * @example
 * const place: QueuePosition | null = desk.routing.position(conversationId);
 * if (place) console.log(`第 ${place.position} 位`);
 */
export interface QueuePosition {
  conversationId: string;
  customerId: string;
  /** 1 = next to be served. */
  position: number;
  /** Expected wait in ms (see docs/concepts/routing.md); `null` when nobody is online. */
  estimatedWaitMs: number | null;
  priority: Conversation['priority'];
  tier: string;
  queuedAt: number;
  leftMessage: boolean;
  overflowed: boolean;
}

/**
 * The queue at one instant. Replaced (never mutated) when the queue moves.
 *
 * @example
 * const queue: QueueSnapshot = desk.routing.getSnapshot();
 */
export interface QueueSnapshot {
  at: number;
  entries: readonly QueuePosition[];
  agentsOnline: number;
  freeSlots: number;
  averageHandleTimeMs: number;
}

/**
 * Routing (智能分流): the queue, its positions and waits, and assignment to agents.
 *
 * @example
 * const next = await desk.routing.claimNext({ agentId: 'agt_wang' });
 * await desk.routing.idle(); // in tests: wait for automatic routing
 */
export interface RoutingApi {
  /**
   * Assigns queued conversations, best first, to the agents the strategy picks, until nobody
   * fits. Runs by itself when something changes unless `routing.auto` is false.
   *
   * @example
   * const assigned = await desk.routing.dispatch();
   */
  dispatch(): Promise<Conversation[]>;
  /**
   * The agent takes the first queued conversation they qualify for (manual routing, 抢单).
   *
   * @example
   * const next = await desk.routing.claimNext({ agentId: 'agt_wang' });
   */
  claimNext(input: { agentId: string }): Promise<Conversation | null>;
  /** Whether anyone could take a conversation with these needs now (else offer "leave a message"). */
  availability(input?: { skills?: string[]; team?: string }): Promise<{
    agentsOnline: number;
    acceptingNow: boolean;
  }>;
  /** Recomputes positions and waits now and returns them. */
  refreshQueue(): Promise<QueueSnapshot>;
  /** Calls `listener` whenever the queue snapshot changes. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The latest queue snapshot (referentially stable until it changes). */
  getSnapshot(): QueueSnapshot;
  /** This conversation's place in the latest snapshot, or null when it is not queued. */
  position(conversationId: string): QueuePosition | null;
  /** Resolves when automatic routing has nothing left to do. */
  idle(): Promise<void>;
}

export interface RoutingEngine extends RoutingApi {
  /** Something changed that may let routing assign: routes soon (coalesced). */
  kick(): void;
  recordHandleTime(conversation: Conversation): void;
}

const AvailabilitySchema = z.object({
  skills: z.array(LabelSchema).max(10).default([]),
  team: LabelSchema.optional(),
});

/**
 * How many queued conversations one claim offers the storage: it locks the first still free.
 * Enough to pass over what the other desks draining the same queue hold or just took in one
 * statement, few enough that the statement stays a handful of index lookups.
 */
const CLAIM_WINDOW = 16;

export function createRoutingEngine(options: {
  storage: StorageAdapter;
  clock: Clock;
  run: RunCommand;
  settings: DeskSettings;
  onError: (error: unknown) => void;
  /** While true (an incident in `bot-only` or `leave-message` mode), nothing is assigned. */
  held?: () => boolean;
}): RoutingEngine {
  const { storage, clock, run, settings, onError } = options;
  const held = options.held ?? (() => false);
  const strategy: RoutingStrategy = settings.routing.strategy ?? strategies.leastBusy();
  const handleTime = new HandleTimeAverage(
    settings.routing.handleTimeSamples,
    settings.routing.defaultHandleTimeMs,
  );
  const listeners = new Set<() => void>();
  let snapshot: QueueSnapshot = {
    at: clock.now(),
    entries: [],
    agentsOnline: 0,
    freeSlots: 0,
    averageHandleTimeMs: handleTime.valueMs,
  };
  let byConversation = new Map<string, QueuePosition>();
  let running: Promise<void> | null = null;
  let dirty = false;

  async function refreshQueue(): Promise<QueueSnapshot> {
    const now = clock.now();
    const [queue, agents] = await Promise.all([
      readQueue(storage.read, now),
      storage.read.agents.list(),
    ]);
    return publishSnapshot(queue, agents, now);
  }

  /** Positions and waits from a queue and agents just read; tells the listeners. */
  function publishSnapshot(
    queue: readonly QueuedConversation[],
    agents: readonly Agent[],
    now: number,
  ): QueueSnapshot {
    const staffing = staffingOf(agents);
    const entries = queue.map((entry, index) => ({
      conversationId: entry.conversationId,
      customerId: entry.conversation.customerId,
      position: index + 1,
      estimatedWaitMs: estimateWaitMs(index + 1, staffing, handleTime.valueMs),
      priority: entry.priority,
      tier: entry.tier,
      queuedAt: entry.queuedAt,
      leftMessage: entry.leftMessage,
      overflowed: entry.conversation.overflowedAt !== null,
    }));
    snapshot = {
      at: now,
      entries,
      agentsOnline: staffing.agentsOnline,
      freeSlots: staffing.freeSlots,
      averageHandleTimeMs: Math.round(handleTime.valueMs),
    };
    byConversation = new Map(entries.map((entry) => [entry.conversationId, entry]));
    for (const listener of listeners) listener();
    return snapshot;
  }

  async function dispatch(): Promise<Conversation[]> {
    if (held()) {
      await refreshQueue();
      return [];
    }
    const now = clock.now();
    const [queue, agents] = await Promise.all([
      readQueue(storage.read, now),
      storage.read.agents.list(),
    ]);
    const candidates = agents.map(candidateOf);
    const withRoom = new Set<string>();
    for (const candidate of candidates)
      if (isAvailable(candidate)) withRoom.add(candidate.agent.id);
    // Routing runs after most events and usually finds an empty queue or nobody with room: then
    // the reads above are the snapshot, and neither the index nor a second read is needed.
    if (queue.length === 0 || withRoom.size === 0) {
      publishSnapshot(queue, agents, now);
      return [];
    }
    const index = new RoutingIndex(strategy, candidates);
    const previous = new Map<string, RoutingRequest['previousAgent']>();
    const requestFor = (conversation: Conversation) =>
      routingRequestFor(conversation, settings.routing, now, previous.get(conversation.id) ?? null);
    const pick = strategyPick(index, requestFor);
    const learn = (agents: ReadonlyMap<string, Agent | null>, fallback: (id: string) => Agent) => {
      for (const [id, agent] of agents) {
        const candidate = agent
          ? candidateOf(agent)
          : candidateOf({ ...fallback(id), presence: 'offline' as const });
        index.update(candidate);
        if (isAvailable(candidate)) withRoom.add(id);
        else withRoom.delete(id);
      }
    };
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    const known = (id: string) => byId.get(id) as Agent;
    const assigned: Conversation[] = [];
    let wrote = false;
    // The queue in order, a window at a time: each claim locks the first conversation of the
    // window that another desk is not assigning right now, and the strategy then chooses its
    // agent. The next window starts after it (or after the window, when all were taken).
    for (let next = 0; next < queue.length && withRoom.size > 0 && !held(); ) {
      const window: string[] = [];
      let end = next;
      for (; end < queue.length && window.length < CLAIM_WINDOW; end++) {
        const entry = queue[end] as QueuedConversation;
        if (strategy.usesHistory && !previous.has(entry.conversationId)) {
          previous.set(
            entry.conversationId,
            await previousAgentOf(storage.read, entry.conversation),
          );
        }
        // Only conversations somebody could take now: the others wait, as before.
        if (index.choose(requestFor(entry.conversation))) window.push(entry.conversationId);
      }
      if (window.length === 0) break;
      wrote = true;
      const claim = await claimFirstQueued(run, storage.read, window, pick);
      learn(claim.agents, known);
      if (claim.assigned) assigned.push(claim.assigned);
      if (claim.conversationId === null) {
        next = end;
        continue;
      }
      const at = queue.findIndex(
        (entry, i) => i >= next && entry.conversationId === claim.conversationId,
      );
      // (The claimed id is always one of the window's; the guard keeps the walk moving.)
      next = at < next ? end : claim.retry ? at : at + 1;
    }
    // Nobody fitted and nothing awaited a write: what was read is still the queue.
    if (!wrote && !strategy.usesHistory) publishSnapshot(queue, agents, now);
    else await refreshQueue();
    return assigned;
  }

  function kick(): void {
    dirty = true;
    if (running) return;
    running = (async () => {
      while (dirty) {
        dirty = false;
        try {
          await dispatch();
        } catch (error) {
          onError(error);
        }
      }
      running = null;
    })();
  }

  return {
    dispatch,
    refreshQueue,
    kick,
    recordHandleTime(conversation) {
      if (conversation.assignedAt !== null && conversation.resolvedAt !== null) {
        handleTime.add(conversation.resolvedAt - conversation.assignedAt);
      }
    },
    async claimNext(input) {
      const agentId = parseInput(z.object({ agentId: IdSchema }), input, 'claim').agentId;
      const agent = await storage.read.agents.get(agentId);
      if (!agent)
        throw new KefuError(
          'NOT_FOUND',
          `No agent "${agentId}". Create it with desk.agents.upsert first.`,
        );
      if (held()) return null;
      const now = clock.now();
      const qualifies = (conversation: Conversation, who: Agent) => {
        const request = routingRequestFor(conversation, settings.routing, now);
        const candidate = candidateOf(who);
        return hasRequiredSkills(candidate, request) && inRequestedTeam(candidate, request);
      };
      const ids = (await readQueue(storage.read, now))
        .filter((entry) => qualifies(entry.conversation, agent))
        .map((entry) => entry.conversationId);
      const pick: PickAgent = async (tx, conversation, seen) => {
        const fresh = await tx.agents.get(agentId, { forUpdate: true });
        if (fresh && isAvailable(candidateOf(fresh)) && qualifies(conversation, fresh))
          return fresh;
        // Full, away or gone: the claim ends here. No longer qualified for it: the next one.
        if (!fresh || !isAvailable(candidateOf(fresh))) seen.set(agentId, fresh);
        return null;
      };
      for (let next = 0; next < ids.length; ) {
        const window = ids.slice(next, next + CLAIM_WINDOW);
        const claim = await claimFirstQueued(run, storage.read, window, pick);
        if (claim.assigned) {
          await refreshQueue();
          return claim.assigned;
        }
        const fresh = claim.agents.get(agentId);
        if (claim.agents.has(agentId) && !(fresh && isAvailable(candidateOf(fresh)))) return null;
        next =
          claim.conversationId === null
            ? next + window.length
            : ids.indexOf(claim.conversationId, next) + 1;
      }
      return null;
    },
    async availability(input = {}) {
      const { skills, team } = parseInput(AvailabilitySchema, input, 'availability request');
      const agents = await storage.read.agents.list();
      const request = {
        conversationId: '',
        customerId: '',
        skills,
        team: team ?? null,
        previousAgent: null,
        now: clock.now(),
      };
      const online = agents
        .map(candidateOf)
        .filter(
          (c) =>
            c.agent.presence === 'online' &&
            hasRequiredSkills(c, request) &&
            inRequestedTeam(c, request),
        );
      return { agentsOnline: online.length, acceptingNow: online.length > 0 && !held() };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    position: (conversationId) => byConversation.get(conversationId) ?? null,
    async idle() {
      while (running) await running;
    },
  };
}
