import { z } from 'zod';
import { ClientIdSchema, IdSchema, InstantSchema } from '../validation/common-schemas';

export const AUTHOR_KINDS = ['customer', 'agent', 'bot', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export const MAX_MESSAGE_TEXT_LENGTH = 10_000;

export const AuthorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), id: IdSchema }),
  z.object({ kind: z.literal('agent'), id: IdSchema }),
  z.object({ kind: z.literal('bot'), id: IdSchema.default('bot') }),
  z.object({ kind: z.literal('system'), id: z.literal('system').default('system') }),
]);
export type Author = z.infer<typeof AuthorSchema>;

/** Metadata of a file the shop stored elsewhere; Kefu keeps only the reference. */
export const AttachmentSchema = z.object({
  name: z.string().trim().min(1).max(255),
  url: z.url({ protocol: /^https?$/ }),
  contentType: z.string().min(3).max(127),
  size: z
    .number()
    .int()
    .nonnegative()
    .max(1024 ** 3),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  /** Gap-free position in the conversation: 1, 2, 3… */
  seq: z.number().int().positive(),
  author: AuthorSchema,
  text: z.string().max(MAX_MESSAGE_TEXT_LENGTH),
  attachments: z.array(AttachmentSchema).max(10),
  /** Internal notes are for agents only and never reach the customer. */
  internal: z.boolean(),
  /**
   * A supervisor's whisper (`desk.supervision.whisper`): an internal note flagged as from a
   * supervisor, for the assigned agent. Absent on every other message.
   */
  whisper: z.literal(true).optional(),
  clientId: ClientIdSchema.nullable(),
  createdAt: InstantSchema,
});

/** One message in a conversation. */
export type Message = z.infer<typeof MessageSchema>;
