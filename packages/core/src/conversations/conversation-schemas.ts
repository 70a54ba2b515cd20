import { z } from 'zod';
import { MAX_MESSAGE_TEXT_LENGTH } from '../messages/message';
import { NewMessageSchema } from '../messages/message-schemas';
import { ClientIdSchema, IdSchema, LabelSchema } from '../validation/common-schemas';
import { CHANNELS, PRIORITIES } from '../vocabulary/channels-and-priorities';
import { CONVERSATION_STATUSES } from './conversation';

const ConversationRef = { conversationId: IdSchema };

export const StartConversationSchema = z
  .object({
    customerId: IdSchema,
    channel: z.enum(CHANNELS).default('web'),
    topic: z.string().trim().min(1).max(200).optional(),
    priority: z.enum(PRIORITIES).default('normal'),
    tags: z.array(LabelSchema).max(20).default([]),
    /** Skills the answering agent needs, e.g. `['after-sales', 'zh']`. */
    skills: z.array(LabelSchema).max(10).default([]),
    /** Route to this team (department) only. */
    team: LabelSchema.optional(),
    /** Start with the bot, or straight in the queue for a person. Defaults to the desk option. */
    status: z.enum(['bot', 'queued']).optional(),
    /**
     * "Leave a message" (留言) while nobody is available: queued, and served before everything else
     * when agents come online. Not with `status: 'bot'`.
     */
    leftMessage: z.boolean().default(false),
    clientId: ClientIdSchema.optional(),
    /** The customer's first message, stored in the same transaction. */
    message: NewMessageSchema.optional(),
  })
  .refine((input) => !(input.leftMessage && input.status === 'bot'), {
    message: 'a left message goes to people, not to the bot',
    path: ['leftMessage'],
  });
export type StartConversationInput = z.input<typeof StartConversationSchema>;

export const ConversationRefSchema = z.object(ConversationRef);
export type ConversationRefInput = z.input<typeof ConversationRefSchema>;

export const AssignSchema = z.object({ ...ConversationRef, agentId: IdSchema });
export type AssignInput = z.input<typeof AssignSchema>;

export const TransferSchema = z
  .object({
    ...ConversationRef,
    /** Another agent, or `null` to put the conversation back in the queue. */
    toAgentId: IdSchema.nullable(),
    /** With `toAgentId: null`: queue it for this team (department) from now on. */
    toTeam: LabelSchema.optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    /** The agent (or supervisor) doing the transfer, recorded in the event. */
    byAgentId: IdSchema.optional(),
    /** An internal note for whoever takes over; stored before the transfer. */
    note: z.string().trim().min(1).max(MAX_MESSAGE_TEXT_LENGTH).optional(),
  })
  .refine((input) => input.toTeam === undefined || input.toAgentId === null, {
    message: 'transfer either to an agent or to a team, not both',
    path: ['toTeam'],
  });
export type TransferInput = z.input<typeof TransferSchema>;

export const SetPrioritySchema = z.object({ ...ConversationRef, priority: z.enum(PRIORITIES) });
export type SetPriorityInput = z.input<typeof SetPrioritySchema>;

export const TagSchema = z
  .object({
    ...ConversationRef,
    add: z.array(LabelSchema).max(20).default([]),
    remove: z.array(LabelSchema).max(20).default([]),
  })
  .refine((input) => input.add.length + input.remove.length > 0, {
    message: 'give tags to add or to remove',
    path: ['add'],
  });
export type TagInput = z.input<typeof TagSchema>;

export const ReopenSchema = z.object({
  ...ConversationRef,
  by: z.enum(['customer', 'agent']).default('agent'),
});
export type ReopenInput = z.input<typeof ReopenSchema>;

export const ListConversationsSchema = z.object({
  status: z
    .union([z.enum(CONVERSATION_STATUSES), z.array(z.enum(CONVERSATION_STATUSES)).min(1)])
    .optional(),
  customerId: IdSchema.optional(),
  /** An agent id, or `null` for unassigned conversations. */
  assigneeId: IdSchema.nullable().optional(),
  channel: z.enum(CHANNELS).optional(),
  priority: z.union([z.enum(PRIORITIES), z.array(z.enum(PRIORITIES)).min(1)]).optional(),
  tag: LabelSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type ListConversationsInput = z.input<typeof ListConversationsSchema>;
