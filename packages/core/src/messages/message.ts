import { z } from 'zod';
import { ClientIdSchema, IdSchema, InstantSchema } from '../validation/common-schemas';

/**
 * Who can write a message: the customer, an agent, the bot, or the desk itself.
 *
 * @example
 * ```ts
 * const fromPeople = messages.filter((m) => AUTHOR_KINDS.indexOf(m.author.kind) < 2); // customer, agent
 * ```
 */
export const AUTHOR_KINDS = ['customer', 'agent', 'bot', 'system'] as const;

/**
 * One of `AUTHOR_KINDS`.
 *
 * @example
 * ```ts
 * const side = (kind: AuthorKind) => (kind === 'customer' ? 'left' : 'right');
 * ```
 */
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/**
 * The longest message text, in UTF-16 code units.
 *
 * @example
 * ```ts
 * <textarea maxLength={MAX_MESSAGE_TEXT_LENGTH} />
 * ```
 */
export const MAX_MESSAGE_TEXT_LENGTH = 10_000;

/**
 * Who wrote a message; bot and system authors get their default ids.
 *
 * @example
 * ```ts
 * const author = AuthorSchema.parse({ kind: 'bot' }); // { kind: 'bot', id: 'bot' }
 * ```
 */
export const AuthorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), id: IdSchema }),
  z.object({ kind: z.literal('agent'), id: IdSchema }),
  z.object({ kind: z.literal('bot'), id: IdSchema.default('bot') }),
  z.object({ kind: z.literal('system'), id: z.literal('system').default('system') }),
]);

/**
 * The value {@link AuthorSchema} parses to.
 *
 * @example
 * ```ts
 * const byAgent: Author = { kind: 'agent', id: 'agt_wang' };
 * await desk.messages.post({ conversationId, author: byAgent, text: '您好，我是小王' });
 * ```
 */
export type Author = z.infer<typeof AuthorSchema>;

/**
 * Metadata of a file the shop stored elsewhere; Kefu keeps only the reference.
 *
 * @example
 * ```ts
 * const photo = AttachmentSchema.parse({
 *   name: 'melted.jpg',
 *   url: 'https://cdn.candy.example/u/melted.jpg',
 *   contentType: 'image/jpeg',
 *   size: 182_044,
 * });
 * ```
 */
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

/**
 * The value {@link AttachmentSchema} parses to.
 *
 * @example
 * ```ts
 * const isImage = (attachment: Attachment) => attachment.contentType.startsWith('image/');
 * ```
 */
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * A message as stored: its seq in the conversation, author, text, attachments and whether it is internal.
 *
 * @example
 * ```ts
 * const message = MessageSchema.parse(JSON.parse(row.data));
 * ```
 */
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

/**
 * One message in a conversation.
 *
 * @example
 * ```ts
 * const messages: Message[] = await desk.messages.list({ conversationId, afterSeq: 0, limit: 50 });
 * const notes = messages.filter((message) => message.internal);
 * ```
 */
export type Message = z.infer<typeof MessageSchema>;
