import { z } from 'zod';
import { PRESENCES } from '../agents/agent';
import { MAX_MESSAGE_TEXT_LENGTH } from '../messages/message';
import { IdSchema, LabelSchema } from '../validation/common-schemas';
import { AGENT_CALL_METHODS, CONVERSATION_ACTIONS } from './protocol-constants';
import { RequestIdSchema } from './request-id';

// Frames only agent connections send: act on conversations, claim, presence, desk calls, and the
// live metrics and supervisor views. The frames everyone sends are in client-frames.ts.

/**
 * Agents: move a conversation (take it, resolve it, transfer it…).
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(ActFrameSchema.parse({
 *   type: 'act',
 *   id: 'r5',
 *   conversationId,
 *   action: 'transfer',
 *   toAgentId: null,
 *   toTeam: 'after-sales',
 *   note: '客户要求退款，请售后跟进',
 * })));
 * ```
 */
export const ActFrameSchema = z
  .object({
    type: z.literal('act'),
    id: RequestIdSchema,
    conversationId: IdSchema,
    action: z.enum(CONVERSATION_ACTIONS),
    /** `transfer`: another agent, or `null` back to the queue. */
    toAgentId: IdSchema.nullable().optional(),
    /** `transfer` to the queue of this team. */
    toTeam: LabelSchema.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    /** `transfer`: an internal note for whoever takes over. */
    note: z.string().trim().min(1).max(MAX_MESSAGE_TEXT_LENGTH).optional(),
  })
  .refine((frame) => frame.action !== 'transfer' || frame.toAgentId !== undefined, {
    message: 'a transfer names toAgentId (an agent id, or null for the queue)',
    path: ['toAgentId'],
  });

/**
 * Agents: take the first queued conversation they qualify for (抢单).
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(ClaimNextFrameSchema.parse({ type: 'claim_next', id: 'r6' })));
 * ```
 */
export const ClaimNextFrameSchema = z.object({
  type: z.literal('claim_next'),
  id: RequestIdSchema,
});

/**
 * Agents: online, away or offline.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(PresenceFrameSchema.parse({ type: 'presence', presence: 'away' })));
 * ```
 */
export const PresenceFrameSchema = z.object({
  type: z.literal('presence'),
  id: RequestIdSchema.optional(),
  presence: z.enum(PRESENCES),
});

/**
 * Agents: one allow-listed desk call (tickets, customer profile, order lookup, knowledge…).
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(CallFrameSchema.parse({
 *   type: 'call',
 *   id: 'r7',
 *   method: 'orders.lookup',
 *   input: { orderRef: 'CS20261111-0042' },
 * })));
 * ```
 */
export const CallFrameSchema = z.object({
  type: z.literal('call'),
  id: RequestIdSchema,
  method: z.enum(AGENT_CALL_METHODS),
  input: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Agents: the live desk (queue, waits, agents, SLA risk) now and, as `metrics` frames, as it moves.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(WatchMetricsFrameSchema.parse({ type: 'watch_metrics', id: 'r9' })));
 * ```
 */
export const WatchMetricsFrameSchema = z.object({
  type: z.literal('watch_metrics'),
  id: RequestIdSchema,
});

/**
 * Supervisors and admins: the live view of every open conversation (optionally of some teams)
 * now and, as `supervision` frames, as each row changes or leaves.
 *
 * @example
 * socket.send(JSON.stringify({ type: 'watch_supervision', id: 'sv1', teams: ['after-sales'] }));
 */
export const WatchSupervisionFrameSchema = z.object({
  type: z.literal('watch_supervision'),
  id: RequestIdSchema,
  teams: z.array(LabelSchema).min(1).max(50).optional(),
});
