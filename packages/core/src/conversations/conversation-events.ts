import type { DomainEventDraft } from '../events/domain-events';
import type { JobDraft } from '../jobs/job';
import type { CloseReason } from './conversation';

/**
 * Events the conversation machine understands. Every one carries the instant it happened.
 *
 * @example
 * ```ts
 * const result = transition(conversationMachine, conversation, { type: 'ASSIGN', at: Date.now(), agentId: 'agt_wang' });
 * ```
 */
export type ConversationMachineEvent =
  | { type: 'HANDOFF'; at: number }
  | { type: 'ASSIGN'; at: number; agentId: string }
  | {
      type: 'TRANSFER';
      at: number;
      toAgentId: string | null;
      /** The team whose queue it goes to, when transferred to a team. */
      toTeam: string | null;
      reason: string | null;
      /** Who transferred it: an agent id, or null for the desk itself (routing, a job). */
      by: string | null;
    }
  | { type: 'CUSTOMER_MESSAGE'; at: number }
  | { type: 'AGENT_REPLY'; at: number; agentId: string }
  | { type: 'BOT_REPLY'; at: number }
  | { type: 'WAIT_ON_CUSTOMER'; at: number; idleCloseAfterMs: number | null }
  | { type: 'RESOLVE'; at: number; reopenWindowMs: number }
  | { type: 'REOPEN'; at: number; by: 'customer' | 'agent' }
  | { type: 'CLOSE'; at: number; reason: CloseReason }
  | { type: 'ABANDON'; at: number };

/**
 * The `type` of a conversation machine event.
 *
 * @example
 * ```ts
 * const allowed: ConversationMachineEventType[] = ['ASSIGN', 'TRANSFER'];
 * ```
 */
export type ConversationMachineEventType = ConversationMachineEvent['type'];

/**
 * What the engine must do after a transition: publish, schedule or cancel a durable job.
 *
 * @example
 * ```ts
 * for (const effect of result.effects as ConversationEffect[]) {
 *   if (effect.type === 'schedule') await tx.jobs.schedule(effect.job, now);
 * }
 * ```
 */
export type ConversationEffect =
  | { type: 'emit'; event: DomainEventDraft }
  | { type: 'schedule'; job: JobDraft }
  | { type: 'cancel'; key: string };
