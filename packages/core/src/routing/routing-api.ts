import { z } from 'zod';
import type { Agent } from '../agents/agent';
import { applyConversationEvent } from '../conversations/apply-conversation-event';
import type { Conversation } from '../conversations/conversation';
import type { RunCommand } from '../desk/command-runner';
import type { DeskSettings } from '../desk/desk-settings';
import { isKefuError, KefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import { IdSchema, LabelSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { isAvailable } from './routing-candidate';
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

/** `assignIfAvailable` found the conversation no longer queued (or held by another node). */
const UNTOUCHED = Symbol('untouched');

/** What one assignment attempt did, and the agent as it left it (null: no such agent). */
interface Attempt {
  conversation: Conversation | null;
  agent: Agent | null;
}

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

  /**
   * Assigns if the conversation is still queued and the agent still online with room. Answers
   * `UNTOUCHED`, or the assignment (null when the agent had no room) with the agent as the
   * transaction left it, so the caller needs no read after the commit.
   */
  const assignIfAvailable = (conversationId: string, agentId: string) =>
    run(async (tx, context): Promise<typeof UNTOUCHED | Attempt> => {
      // Another node routing this conversation right now holds its row: skip it, do not queue
      // behind it (it will not be queued any more when that node commits). One it already
      // assigned is not locked at all.
      const conversation = await tx.conversations.get(conversationId, {
        forUpdate: true,
        skipLocked: true,
        onlyIfStatus: 'queued',
      });
      // Nobody's load changed: the caller's view of the agent still holds.
      if (conversation?.status !== 'queued') return UNTOUCHED;
      const agent = await tx.agents.get(agentId, { forUpdate: true });
      if (agent?.presence !== 'online' || agent.load >= agent.capacity) {
        return { conversation: null, agent };
      }
      const assigned = await applyConversationEvent(tx, context, conversation, {
        type: 'ASSIGN',
        at: context.now,
        agentId,
      });
      return { conversation: assigned, agent: await tx.agents.get(agentId) };
    });

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
    const assigned: Conversation[] = [];
    let wrote = false;
    for (const entry of queue) {
      if (withRoom.size === 0) break;
      const previous = strategy.usesHistory
        ? await previousAgentOf(storage.read, entry.conversation)
        : null;
      const request = routingRequestFor(entry.conversation, settings.routing, now, previous);
      const choice = index.choose(request);
      if (!choice) continue;
      wrote = true;
      const attempt = await assignIfAvailable(entry.conversationId, choice.agent.id).catch(
        async (error: unknown): Promise<Attempt> => {
          if (!isKefuError(error, 'CAPACITY') && !isKefuError(error, 'CONFLICT')) throw error;
          // The agent row changed or was stale: read it again.
          return { conversation: null, agent: await storage.read.agents.get(choice.agent.id) };
        },
      );
      // Taken by another node meanwhile: the agent is as we saw it, try the next entry.
      if (attempt === UNTOUCHED) continue;
      const candidate = attempt.agent
        ? candidateOf(attempt.agent)
        : { ...choice, agent: { ...choice.agent, presence: 'offline' as const } };
      index.update(candidate);
      if (isAvailable(candidate)) withRoom.add(candidate.agent.id);
      else withRoom.delete(candidate.agent.id);
      if (attempt.conversation) assigned.push(attempt.conversation);
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
      for (const entry of await readQueue(storage.read, now)) {
        const request = routingRequestFor(entry.conversation, settings.routing, now);
        const candidate = candidateOf(agent);
        if (!hasRequiredSkills(candidate, request) || !inRequestedTeam(candidate, request))
          continue;
        const attempt = await assignIfAvailable(entry.conversationId, agentId);
        if (attempt === UNTOUCHED) continue;
        if (attempt.conversation) {
          await refreshQueue();
          return attempt.conversation;
        }
        const fresh = attempt.agent;
        if (fresh?.presence !== 'online' || fresh.load >= fresh.capacity) return null;
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
