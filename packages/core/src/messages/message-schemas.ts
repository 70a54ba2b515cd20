import { z } from 'zod';
import { ClientIdSchema, IdSchema } from '../validation/common-schemas';
import { AttachmentSchema, AuthorSchema, MAX_MESSAGE_TEXT_LENGTH } from './message';

const MessageBody = {
  text: z.string().max(MAX_MESSAGE_TEXT_LENGTH).default(''),
  attachments: z.array(AttachmentSchema).max(10).default([]),
  clientId: ClientIdSchema.optional(),
};
const hasContent: [
  (message: { text: string; attachments: unknown[] }) => boolean,
  { message: string; path: string[] },
] = [
  (message) => message.text.trim().length > 0 || message.attachments.length > 0,
  { message: 'a message needs text or at least one attachment', path: ['text'] },
];

export const NewMessageSchema = z.object(MessageBody).refine(...hasContent);

export const PostMessageSchema = z
  .object({
    conversationId: IdSchema,
    author: AuthorSchema,
    ...MessageBody,
    /** Internal notes (内部备注) are visible to agents only. */
    internal: z.boolean().default(false),
  })
  .refine(...hasContent)
  .refine((message) => !message.internal || message.author.kind === 'agent', {
    message: 'only agents write internal notes',
    path: ['internal'],
  });
export type PostMessageInput = z.input<typeof PostMessageSchema>;

export const ListMessagesSchema = z.object({
  conversationId: IdSchema,
  /** Return messages after this seq (0 = from the start). */
  afterSeq: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Leave out internal notes, for anything a customer sees. */
  includeInternal: z.boolean().default(true),
});
export type ListMessagesInput = z.input<typeof ListMessagesSchema>;
