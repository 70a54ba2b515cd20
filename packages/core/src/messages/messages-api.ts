import { conversationNotFound, FOR_UPDATE } from '../conversations/apply-conversation-event';
import type { RunCommand } from '../desk/command-runner';
import type { StorageAdapter } from '../storage/storage-adapter';
import { parseInput } from '../validation/parse-input';
import type { Message } from './message';
import {
  type ListMessagesInput,
  ListMessagesSchema,
  type PostMessageInput,
  PostMessageSchema,
} from './message-schemas';
import { postMessageInTransaction } from './post-message';
import { acceptCommonPost } from './post-message-fast-path';

/**
 * Messages of a conversation, in gap-free `seq` order.
 *
 * @example
 * await desk.messages.post({ conversationId, author: { kind: 'agent', id: 'agt_wang' }, text: '明天送达！' });
 * const messages = await desk.messages.list({ conversationId, afterSeq: 0 });
 */
export interface MessagesApi {
  /**
   * Appends a message. It moves the conversation as the author implies: a customer writing on a
   * `pending` conversation makes it `active`, on a `resolved` one reopens it; an agent's first
   * reply sets `firstResponseAt`. With a `clientId`, repeating the call returns the first message.
   *
   * @example
   * await desk.messages.post({
   *   conversationId, author: { kind: 'agent', id: 'agt_wang' },
   *   text: '您好，您的订单已发货，预计明天送达。', clientId: 'c_8fJ2kq1x',
   * });
   */
  post(input: PostMessageInput): Promise<Message>;
  /**
   * Messages after a seq, ascending; resume from the last seq you saw.
   *
   * @example
   * const newer = await desk.messages.list({ conversationId, afterSeq: 12 });
   */
  list(input: ListMessagesInput): Promise<Message[]>;
}

const parsePost = (rawInput: unknown) =>
  acceptCommonPost(rawInput) ?? parseInput(PostMessageSchema, rawInput, 'message');

export function createMessagesApi(storage: StorageAdapter, run: RunCommand): MessagesApi {
  return {
    post(rawInput) {
      // Not an async method: that would wrap the command's promise in one more (a tick and an
      // allocation per message). Bad input still rejects, it does not throw.
      let input: ReturnType<typeof parsePost>;
      try {
        input = parsePost(rawInput);
      } catch (error) {
        return Promise.reject(error);
      }
      return run(async (tx, context) => {
        // The read inline, not through `loadConversation`: one async frame less per message.
        const conversation = await tx.conversations.get(input.conversationId, FOR_UPDATE);
        if (!conversation) throw conversationNotFound(input.conversationId);
        // The parsed input is a fresh object of ours and carries every draft field: no copy.
        return (await postMessageInTransaction(tx, context, conversation, input)).message;
      });
    },

    async list(rawInput) {
      const input = parseInput(ListMessagesSchema, rawInput, 'message list request');
      if (input.includeInternal) {
        return storage.read.messages.listAfter(input.conversationId, input.afterSeq, input.limit);
      }
      // Notes are filtered out, so keep reading until the page is full or the log ends.
      const page: Message[] = [];
      for (let after = input.afterSeq; page.length < input.limit; ) {
        const batch = await storage.read.messages.listAfter(
          input.conversationId,
          after,
          input.limit,
        );
        for (const message of batch)
          if (!message.internal && page.length < input.limit) page.push(message);
        const last = batch.at(-1);
        if (batch.length < input.limit || !last) break;
        after = last.seq;
      }
      return page;
    },
  };
}
