import type { Desk, Message } from '@kefu/core';
import { KefuError } from '@kefu/core';
import type { Transporter } from 'nodemailer';
import { mintMessageId } from '../threading/signed-ids';
import type { EmailThreadStore, ThreadEntry } from '../threading/thread-store';
import { type AttachFilesOptions, attachFiles } from './attach-files';
import { type ComposeContext, composeReply } from './compose-reply';

export interface ReplySenderContext extends ComposeContext {
  desk: Desk;
  transport: Pick<Transporter, 'sendMail'>;
  threads: EmailThreadStore;
  attach?: AttachFilesOptions;
}

/** Who writes replies that go out by mail: people and the bot, never system lines or notes. */
export function isReply(message: Message): boolean {
  return !message.internal && (message.author.kind === 'agent' || message.author.kind === 'bot');
}

/**
 * The thread as far as it can be known without the store: the channel's earlier replies in the
 * conversation, whose Message-IDs are derived from their message ids.
 */
async function derivedThread(
  context: ReplySenderContext,
  message: Message,
): Promise<ThreadEntry[]> {
  const earlier = await context.desk.messages.list({
    conversationId: message.conversationId,
    afterSeq: Math.max(0, message.seq - 101),
    limit: 100,
    includeInternal: false,
  });
  return earlier
    .filter((item) => item.seq < message.seq && isReply(item))
    .map((item) => ({
      messageId: mintMessageId(
        item.conversationId,
        item.id,
        context.messageIdDomain,
        context.secret,
      ),
      inbound: false,
    }));
}

/**
 * Mails one reply of an e-mail conversation (nothing for other channels), then remembers its
 * Message-ID in the thread store. Throws what the transport throws.
 */
export async function sendReply(context: ReplySenderContext, message: Message): Promise<void> {
  const conversation = await context.desk.conversations.get({
    conversationId: message.conversationId,
  });
  if (conversation?.channel !== 'email') return;
  const customer = await context.desk.customers.get(conversation.customerId);
  const to = customer?.contact.email;
  if (!to) {
    throw new KefuError(
      'VALIDATION',
      `Customer "${conversation.customerId}" has no e-mail address; the reply in ${conversation.id} was not mailed.`,
      { details: { conversationId: conversation.id, messageId: message.id } },
    );
  }
  const stored = await context.threads.thread(conversation.id);
  // The store may have lost entries (a restart of the memory store); the channel's own replies
  // can always be derived, so they are added in front of whatever the store still knows.
  const merged = [...(await derivedThread(context, message)), ...stored];
  const seen = new Set<string>();
  const thread = merged.filter((entry) => !seen.has(entry.messageId) && seen.add(entry.messageId));
  const files = await attachFiles(message.attachments, context.attach);
  const mail = composeReply(context, conversation, message, to, thread, files);
  await context.transport.sendMail(mail);
  await context.threads.remember(conversation.id, { messageId: mail.messageId, inbound: false });
}
