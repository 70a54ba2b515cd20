import {
  type Attachment,
  AttachmentSchema,
  type Conversation,
  type Desk,
  KefuError,
  MAX_MESSAGE_TEXT_LENGTH,
  type Message,
} from '@kefu/core';
import type {
  CreateEmailChannelOptions,
  EmailConversationDefaults,
  EmailSender,
  InboundFile,
} from '../channel-options';
import type { EmailThreadStore } from '../threading/thread-store';
import { findThread, type ThreadMatch } from './find-thread';
import { type InboundMail, parseInboundMail } from './parse-mail';

/**
 * What became of an inbound mail.
 *
 * @example
 * const result = await channel.handleRawMail(raw);
 * if (result.outcome === 'appended') console.log(result.conversation.id, result.match);
 */
export type InboundResult =
  | {
      outcome: 'started';
      conversation: Conversation;
      message: Message | null;
    }
  | {
      outcome: 'appended';
      conversation: Conversation;
      message: Message;
      /** How the mail found its conversation. */
      match: ThreadMatch;
    }
  | {
      /** Auto-replies, bounces and mailing-list mail are accepted and dropped, to avoid mail loops. */
      outcome: 'ignored';
      reason: string;
    };

/**
 * The SMTP envelope, when the mail came in over SMTP.
 *
 * @example
 * await channel.handleRawMail(raw, { rcptTo: ['reply+abc…@candy.example'] });
 */
export interface MailEnvelope {
  /** `RCPT TO` addresses. */
  rcptTo: readonly string[];
}

/** Core keeps at most this many attachments on a message. */
const MAX_ATTACHMENTS = 10;

export interface ReceiveContext {
  desk: Desk;
  threads: EmailThreadStore;
  replyAddress: string;
  fromAddress: string;
  secret: string;
  resolveCustomer: (sender: EmailSender) => Promise<string | null> | string | null;
  saveAttachment: CreateEmailChannelOptions['saveAttachment'];
  conversation: EmailConversationDefaults;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describe(file: InboundFile): string {
  return `${file.name} (${file.contentType}, ${formatSize(file.size)})`;
}

async function carryFiles(
  context: ReceiveContext,
  files: readonly InboundFile[],
): Promise<{ attachments: Attachment[]; notes: string[] }> {
  const save = context.saveAttachment;
  if (!save) {
    return {
      attachments: [],
      notes: files.map((file) => `Attachment not stored: ${describe(file)}`),
    };
  }
  const attachments: Attachment[] = [];
  for (const file of files.slice(0, MAX_ATTACHMENTS)) {
    const { url } = await save(file);
    const parsed = AttachmentSchema.safeParse({
      name: file.name,
      url,
      contentType: file.contentType,
      size: file.size,
    });
    if (!parsed.success) {
      throw new KefuError(
        'VALIDATION',
        `saveAttachment returned an unusable URL for ${file.name}: give an http(s) URL.`,
        {
          cause: parsed.error,
        },
      );
    }
    attachments.push(parsed.data);
  }
  const notes = files
    .slice(MAX_ATTACHMENTS)
    .map((file) => `Attachment not kept (more than ${MAX_ATTACHMENTS}): ${describe(file)}`);
  return { attachments, notes };
}

function withNotes(text: string, notes: readonly string[]): string {
  const body = [text, notes.join('\n')].filter((part) => part !== '').join('\n\n');
  return body.length <= MAX_MESSAGE_TEXT_LENGTH
    ? body
    : `${body.slice(0, MAX_MESSAGE_TEXT_LENGTH - 2)} …`;
}

/** "Re: Fwd: 巧克力化了" → "巧克力化了", for a conversation's topic. */
function topicOf(subject: string | null): string | undefined {
  if (subject === null) return undefined;
  const topic = subject
    .replace(/^(\s*(re|fw|fwd|aw|回复|回覆|答复|转发|轉寄)\s*[:：]\s*)+/i, '')
    .trim();
  return topic === '' ? undefined : topic.slice(0, 200);
}

/** Own addresses in the recipients must not be mistaken for the sender's; our own mail is a loop. */
function loopReason(context: ReceiveContext, mail: InboundMail): string | null {
  if (mail.automatic) return mail.automatic;
  return mail.sender.address === context.fromAddress.toLowerCase()
    ? 'mail from the channel itself'
    : null;
}

/**
 * Takes one raw mail into the desk: a new conversation, or a message in the conversation it
 * continues. Bad mail throws `VALIDATION`, a refused sender `FORBIDDEN`; neither stores anything.
 */
export async function receiveMail(
  context: ReceiveContext,
  raw: Buffer | string,
  envelope?: MailEnvelope,
): Promise<InboundResult> {
  const mail = await parseInboundMail(raw);
  const loop = loopReason(context, mail);
  if (loop !== null) return { outcome: 'ignored', reason: loop };
  const customerId = await context.resolveCustomer(mail.sender);
  if (customerId === null) {
    throw new KefuError('FORBIDDEN', `Mail from ${mail.sender.address} is not accepted.`);
  }
  const recipients = [...(envelope?.rcptTo ?? []), ...mail.recipients];
  const thread = await findThread(context, mail, customerId, recipients);
  const { attachments, notes } = await carryFiles(context, mail.files);
  const body = { text: withNotes(mail.text, notes), attachments, clientId: mail.clientId };
  const remember = (conversationId: string) =>
    context.threads.remember(conversationId, { messageId: mail.messageId, inbound: true });

  if (thread) {
    const message = await context.desk.messages.post({
      conversationId: thread.conversation.id,
      author: { kind: 'customer', id: customerId },
      ...body,
    });
    await remember(thread.conversation.id);
    const conversation =
      (await context.desk.conversations.get({ conversationId: thread.conversation.id })) ??
      thread.conversation;
    return { outcome: 'appended', conversation, message, match: thread.match };
  }
  const topic = topicOf(mail.subject);
  const conversation = await context.desk.conversations.start({
    ...context.conversation,
    customerId,
    channel: 'email',
    ...(topic ? { topic } : {}),
    clientId: mail.clientId,
    message: body,
  });
  await remember(conversation.id);
  const [message] = await context.desk.messages.list({ conversationId: conversation.id, limit: 1 });
  return { outcome: 'started', conversation, message: message ?? null };
}
