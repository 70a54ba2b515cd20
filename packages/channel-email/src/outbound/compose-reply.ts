import type { Attachment, Conversation, Message } from '@kefu/core';
import { mintMessageId, tokenizedAddress } from '../threading/signed-ids';
import type { ThreadEntry } from '../threading/thread-store';
import type { MailFile } from './attach-files';

/** The most Message-IDs a reply's `References` carries (RFC 5322 suggests trimming long chains). */
const MAX_REFERENCES = 20;

export interface ComposeContext {
  from: string;
  replyAddress: string;
  messageIdDomain: string;
  secret: string;
}

/** The mail nodemailer sends for one agent message. */
export interface ReplyMail {
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: MailFile[];
}

function subjectOf(conversation: Conversation): string {
  const topic = conversation.topic?.trim();
  return topic ? `Re: ${topic}` : 'Re: 您的咨询 / Your enquiry';
}

function bodyOf(message: Message, linked: readonly Attachment[]): string {
  if (linked.length === 0) return message.text;
  const links = linked.map((file) => `${file.name}: ${file.url}`);
  return [message.text, `附件 / Attachments:\n${links.join('\n')}`]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
}

/**
 * The reply mail for an agent message. `In-Reply-To` answers the customer's latest mail (or,
 * when no customer Message-ID is known, the channel's previous reply); `References` lists the
 * thread so far; `Reply-To` carries the signed reply token. `files` are attached; the message's
 * other attachments are linked in the text.
 */
export function composeReply(
  context: ComposeContext,
  conversation: Conversation,
  message: Message,
  to: string,
  thread: readonly ThreadEntry[],
  files: { files: MailFile[]; linked: Attachment[] } = { files: [], linked: message.attachments },
): ReplyMail {
  const messageId = mintMessageId(
    conversation.id,
    message.id,
    context.messageIdDomain,
    context.secret,
  );
  const earlier = thread.filter((entry) => entry.messageId !== messageId);
  const lastInbound = earlier.filter((entry) => entry.inbound).at(-1) ?? earlier.at(-1);
  const references = earlier.map((entry) => entry.messageId);
  // Keep the thread's root: clients group by it when the middle of a long chain is trimmed.
  const trimmed =
    references.length > MAX_REFERENCES
      ? [references[0] ?? '', ...references.slice(-(MAX_REFERENCES - 1))]
      : references;
  return {
    from: context.from,
    to,
    replyTo: tokenizedAddress(context.replyAddress, conversation.id, context.secret),
    subject: subjectOf(conversation),
    text: bodyOf(message, files.linked),
    messageId,
    ...(lastInbound ? { inReplyTo: lastInbound.messageId } : {}),
    ...(trimmed.length > 0 ? { references: trimmed } : {}),
    ...(files.files.length > 0 ? { attachments: files.files } : {}),
  };
}
