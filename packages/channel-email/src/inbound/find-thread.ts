import type { Conversation, Desk } from '@kefu/core';
import { conversationOfAddress, readMessageId } from '../threading/signed-ids';
import type { EmailThreadStore } from '../threading/thread-store';
import type { InboundMail } from './parse-mail';

/**
 * How an inbound mail found its conversation.
 *
 * @example
 * if (result.outcome === 'appended' && result.match === 'reply-token') metrics.count('email.token');
 */
export type ThreadMatch = 'reply-token' | 'message-id' | 'thread-store';

/** Conversations that take no more messages; mail to them starts a new one. */
const FINISHED: ReadonlySet<Conversation['status']> = new Set(['closed', 'abandoned']);

export interface FindThreadContext {
  desk: Desk;
  threads: EmailThreadStore;
  replyAddress: string;
  secret: string;
}

/**
 * The open e-mail conversation of this customer that the mail continues, or `null`. Tried in
 * order: a signed reply token in a recipient address, a signed Message-ID among `In-Reply-To` and
 * `References`, a customer Message-ID the thread store remembers. Every candidate must belong to
 * the sender: a valid token or header from someone else's thread never posts into it.
 */
export async function findThread(
  context: FindThreadContext,
  mail: InboundMail,
  customerId: string,
  recipients: readonly string[],
): Promise<{ conversation: Conversation; match: ThreadMatch } | null> {
  const candidates: { id: string; match: ThreadMatch }[] = [];
  for (const address of recipients) {
    const id = conversationOfAddress(address, context.replyAddress, context.secret);
    if (id !== null) candidates.push({ id, match: 'reply-token' });
  }
  for (const parent of mail.parents) {
    const minted = readMessageId(parent, context.secret);
    if (minted) candidates.push({ id: minted.conversationId, match: 'message-id' });
    else {
      const remembered = await context.threads.conversationOf(parent);
      if (remembered !== null) candidates.push({ id: remembered, match: 'thread-store' });
    }
  }
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const conversation = await context.desk.conversations.get({ conversationId: candidate.id });
    if (!conversation || conversation.customerId !== customerId) continue;
    if (conversation.channel !== 'email' || FINISHED.has(conversation.status)) continue;
    return { conversation, match: candidate.match };
  }
  return null;
}
