import {
  applyConversationEvent,
  commitConversation,
} from '../conversations/apply-conversation-event';
import type { RunCommand } from '../desk/command-runner';
import type { Message } from '../messages/message';
import { postMessageInTransaction } from '../messages/post-message';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { BotHandler } from './bot/knowledge-bot';

/**
 * Answers customer messages of conversations in the `bot` state with the desk's `BotHandler`:
 * a bot reply (and a count of unconfident ones), or a handoff to the queue that carries the
 * detected topic and skills into routing and an internal note saying why. Runs after the
 * customer's message is committed, one conversation at a time.
 */
export function createBotRunner(options: {
  storage: StorageAdapter;
  run: RunCommand;
  bot: BotHandler | undefined;
  onError: (error: unknown) => void;
}) {
  const { storage, run, bot, onError } = options;
  const busy = new Map<string, Promise<void>>();

  async function answer(message: Message): Promise<void> {
    if (!bot) return;
    const conversation = await storage.read.conversations.get(message.conversationId);
    if (conversation?.status !== 'bot') return;
    const customer = await storage.read.customers.get(conversation.customerId);
    const decision = await bot.decide({
      conversation,
      customer,
      message,
      misses: conversation.botMisses,
    });
    await run(async (tx, context) => {
      const current = await tx.conversations.get(conversation.id, { forUpdate: true });
      // Someone else moved it (an agent took it, the customer left): the bot stays quiet.
      if (current?.status !== 'bot') return;
      const author = { kind: 'bot' as const, id: 'bot' };
      if (decision.kind === 'answer') {
        const posted = await postMessageInTransaction(tx, context, current, {
          author,
          text: decision.text,
          attachments: [],
          internal: false,
        });
        await commitConversation(tx, context, posted.conversation, {
          botMisses: posted.conversation.botMisses + (decision.confident ? 0 : 1),
          topic: posted.conversation.topic ?? decision.topic,
        });
        return;
      }
      const posted = await postMessageInTransaction(tx, context, current, {
        author,
        text: decision.text,
        attachments: [],
        internal: false,
      });
      const noted = await postMessageInTransaction(tx, context, posted.conversation, {
        author: { kind: 'system', id: 'system' },
        text: `Bot handoff (${decision.reason}); topic: ${decision.topic ?? '—'}; skills: ${decision.skills.join(', ') || '—'}`,
        attachments: [],
        internal: true,
      });
      const skills = [...new Set([...noted.conversation.skills, ...decision.skills])];
      await applyConversationEvent(
        tx,
        context,
        noted.conversation,
        { type: 'HANDOFF', at: context.now },
        { topic: noted.conversation.topic ?? decision.topic, skills },
      );
    });
  }

  return {
    /** Queues the bot's turn for this customer message. */
    onCustomerMessage(message: Message): void {
      if (!bot) return;
      const id = message.conversationId;
      const previous = busy.get(id) ?? Promise.resolve();
      const next = previous.then(() => answer(message)).catch(onError);
      busy.set(id, next);
      void next.finally(() => {
        if (busy.get(id) === next) busy.delete(id);
      });
    },
    /** Resolves when the bot has answered everything it was given. */
    async idle(): Promise<void> {
      while (busy.size > 0) await Promise.all(busy.values());
    },
  };
}
