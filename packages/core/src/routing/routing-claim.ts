import type { Agent } from '../agents/agent';
import { applyConversationEvent } from '../conversations/apply-conversation-event';
import type { Conversation } from '../conversations/conversation';
import type { RunCommand } from '../desk/command-runner';
import { isKefuError } from '../errors/kefu-error';
import { lockFirstQueued } from '../storage/lock-first-queued';
import type { StorageReader, StorageTransaction } from '../storage/storage-adapter';
import type { RoutingRequest } from './routing-candidate';
import { isAvailable } from './routing-candidate';
import type { RoutingIndex } from './routing-index';
import { candidateOf } from './routing-queue';

/**
 * The agent `pick` found no room with after locking agents it must not hold while it waits for
 * another: the caller learns what it read (`Claim.agents`) and tries the conversation again.
 */
export const RETRY = Symbol('retry');

/** The agent to assign, locked by this transaction with room; null: nobody can take it now. */
export type PickAgent = (
  tx: StorageTransaction,
  conversation: Conversation,
  /** Fills in agents read (and locked) on the way that turned out without room; null: gone. */
  seen: Map<string, Agent | null>,
) => Promise<Agent | null | typeof RETRY>;

/** What one claim transaction did. */
export interface Claim {
  /** The conversation it locked; null when every one of the ids was taken or no longer queued. */
  conversationId: string | null;
  /** The assignment; null when no agent could take the conversation. */
  assigned: Conversation | null;
  /** The conversation should be tried again: the agents read meanwhile change the choice. */
  retry: boolean;
  /**
   * Agents as the transaction left them (null: no such agent): the assignee after the
   * assignment, and any found without room; read under lock, so the caller needs no read after
   * the commit.
   */
  agents: Map<string, Agent | null>;
}

/**
 * One transaction: locks the first of `ids` still queued that no other node holds (one
 * statement where the adapter has `lockFirstQueued`), lets `pick` lock an agent for it, and
 * assigns. A `CAPACITY` or `CONFLICT` on the way assigns nothing and re-reads the agents tried.
 */
export async function claimFirstQueued(
  run: RunCommand,
  read: StorageReader,
  ids: readonly string[],
  pick: PickAgent,
): Promise<Claim> {
  let locked: string | null = null;
  let tried = new Map<string, Agent | null>();
  try {
    return await run(async (tx, context): Promise<Claim> => {
      locked = null;
      const agents = new Map<string, Agent | null>();
      tried = agents;
      const conversation = await lockFirstQueued(tx, ids);
      if (!conversation) return { conversationId: null, assigned: null, retry: false, agents };
      locked = conversation.id;
      const agent = await pick(tx, conversation, agents);
      if (agent === null || agent === RETRY) {
        return { conversationId: conversation.id, assigned: null, retry: agent === RETRY, agents };
      }
      agents.set(agent.id, agent);
      const assigned = await applyConversationEvent(tx, context, conversation, {
        type: 'ASSIGN',
        at: context.now,
        agentId: agent.id,
      });
      // The load update left the row in the transaction: no round trip.
      agents.set(agent.id, await tx.agents.get(agent.id));
      return { conversationId: conversation.id, assigned, retry: false, agents };
    });
  } catch (error) {
    if (!isKefuError(error, 'CAPACITY') && !isKefuError(error, 'CONFLICT')) throw error;
    // An agent row changed under us or was stale: read the ones tried again.
    const agents = new Map<string, Agent | null>();
    for (const id of tried.keys()) agents.set(id, await read.agents.get(id));
    return { conversationId: locked, assigned: null, retry: false, agents };
  }
}

/**
 * Dispatch's `PickAgent`: the strategy's choice for the locked conversation, waited for when
 * another desk is assigning to them right now (measured: queueing on the agent's row beats
 * passing over it, and keeps the strategy's choice). When that agent turns out full or away, the
 * next choices are read without waiting (`skipLocked`): a transaction that holds one agent must
 * not wait for another, or two desks could wait for each other. If a choice passed over that way
 * might have had room, the desk gives the conversation up and tries it again, knowing more.
 */
export function strategyPick(
  index: RoutingIndex,
  requestFor: (conversation: Conversation) => RoutingRequest,
): PickAgent {
  return async (tx, conversation, seen) => {
    const request = requestFor(conversation);
    const without = new Set<string>();
    let passedOver = false;
    for (let choice = index.choose(request); choice; choice = index.choose(request, without)) {
      const id = choice.agent.id;
      without.add(id);
      const wait = seen.size === 0;
      const agent = await tx.agents.get(id, { forUpdate: true, skipLocked: !wait });
      if (agent === null && !wait) {
        passedOver = true;
        continue;
      }
      if (agent && isAvailable(candidateOf(agent))) return agent;
      seen.set(id, agent);
    }
    return passedOver ? RETRY : null;
  };
}
