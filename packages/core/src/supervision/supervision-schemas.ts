import { z } from 'zod';
import { MAX_MESSAGE_TEXT_LENGTH } from '../messages/message';
import { ClientIdSchema, IdSchema, LabelSchema } from '../validation/common-schemas';

export const LiveViewSchema = z.object({
  /** Only conversations routed to these teams (those without a team are left out). */
  teams: z.array(LabelSchema).min(1).max(50).optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
});

/**
 * What `desk.supervision.live` takes.
 *
 * @example
 * const input: LiveViewInput = { teams: ['candy'], limit: 200 };
 */
export type LiveViewInput = z.input<typeof LiveViewSchema>;

const SupervisorCommand = { conversationId: IdSchema, supervisorId: IdSchema };
const Reason = z.string().trim().min(1).max(500).optional();

export const WatchSchema = z.object(SupervisorCommand);

/**
 * What `desk.supervision.watch` (and `bargeIn`, with an optional `reason`) takes.
 *
 * @example
 * const input: WatchInput = { conversationId: 'conv_1', supervisorId: 'agt_zhao' };
 */
export type WatchInput = z.input<typeof WatchSchema>;

export const WhisperSchema = z.object({
  ...SupervisorCommand,
  text: z.string().trim().min(1).max(MAX_MESSAGE_TEXT_LENGTH),
  /** Idempotency key: repeating the whisper with it stores nothing new. */
  clientId: ClientIdSchema.optional(),
});

/**
 * What `desk.supervision.whisper` takes.
 *
 * @example
 * const input: WhisperInput = { conversationId, supervisorId: 'agt_zhao', text: '注意语气' };
 */
export type WhisperInput = z.input<typeof WhisperSchema>;

export const BargeInSchema = z.object({ ...SupervisorCommand, reason: Reason });
/**
 * What `desk.supervision.bargeIn` takes.
 *
 * @example
 * const input: BargeInInput = { conversationId, supervisorId: 'agt_zhao', reason: '投诉升级' };
 */
export type BargeInInput = z.input<typeof BargeInSchema>;

export const ReassignSchema = z
  .object({
    ...SupervisorCommand,
    /** Another agent, or `null` to put it back in the queue (of `toTeam`, if given). */
    toAgentId: IdSchema.nullable(),
    toTeam: LabelSchema.optional(),
    reason: Reason,
  })
  .refine((input) => input.toTeam === undefined || input.toAgentId === null, {
    message: 'reassign either to an agent or to a team, not both',
    path: ['toTeam'],
  });
/**
 * What `desk.supervision.reassign` takes: `toAgentId`, or `toAgentId: null` with an optional team.
 *
 * @example
 * const input: ReassignInput = { conversationId, supervisorId: 'agt_zhao', toAgentId: 'agt_li' };
 */
export type ReassignInput = z.input<typeof ReassignSchema>;
