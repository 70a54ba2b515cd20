import {
  applyConversationEvent,
  commitConversation,
} from '../conversations/apply-conversation-event';
import type { Conversation } from '../conversations/conversation';
import type { ConversationMachineEvent } from '../conversations/conversation-events';
import { requireAgent, requireOpen } from '../conversations/conversation-preconditions';
import type { CommandContext } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import { newId } from '../ids/new-id';
import { lexiconSentiment } from '../knowledge/bot/sentiment';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Attachment, Author, Message } from './message';

export interface MessageDraft {
  author: Author;
  text: string;
  attachments: Attachment[];
  internal: boolean;
  clientId?: string | undefined;
  /** Set only by `desk.supervision.whisper` (internal notes only). */
  whisper?: true;
}

/** The lifecycle event a message means, or null when it does not move the conversation. */
function machineEventFor(draft: MessageDraft, at: number): ConversationMachineEvent | null {
  if (draft.internal) return null;
  switch (draft.author.kind) {
    case 'customer':
      return { type: 'CUSTOMER_MESSAGE', at };
    case 'agent':
      return { type: 'AGENT_REPLY', at, agentId: draft.author.id };
    case 'bot':
      return { type: 'BOT_REPLY', at };
    case 'system':
      return null;
  }
}

async function checkAuthor(
  tx: StorageTransaction,
  conversation: Conversation,
  author: Author,
  internal: boolean,
) {
  if (author.kind === 'customer' && author.id !== conversation.customerId) {
    throw new KefuError('FORBIDDEN', 'A customer can only write in their own conversations.', {
      details: { conversationId: conversation.id },
    });
  }
  if (author.kind !== 'agent') return;
  await requireAgent(tx, author.id);
  const assignee = conversation.assigneeId;
  if (!internal && assignee !== null && assignee !== author.id) {
    throw new KefuError(
      'FORBIDDEN',
      `Only the assigned agent replies in this conversation; add an internal note or ask for a transfer.`,
      { details: { conversationId: conversation.id, assigneeId: conversation.assigneeId } },
    );
  }
}

/**
 * Appends a message inside a command: the next gap-free `seq`, the lifecycle event the message
 * means (a customer writing on a pending conversation makes it active again…), and
 * `message.posted`. The conversation's version check makes concurrent posts take turns.
 */
export async function postMessageInTransaction(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
  draft: MessageDraft,
): Promise<{ message: Message; conversation: Conversation }> {
  // Who may write is checked before a replay is answered, so a guessed client id reveals nothing.
  // The conversation's own customer and its assignee pass without a read (this is the hottest
  // command): an assignee exists, since every assignment read the agent's row to move its load
  // and agents are never deleted. Any other agent is read.
  const { author } = draft;
  const ownAuthor =
    author.kind === 'agent'
      ? author.id === conversation.assigneeId
      : author.kind !== 'customer' || author.id === conversation.customerId;
  if (!ownAuthor) await checkAuthor(tx, conversation, author, draft.internal);
  if (draft.clientId !== undefined) {
    const existing = await tx.messages.findByClientId(conversation.id, draft.clientId);
    if (
      existing &&
      existing.author.kind === draft.author.kind &&
      existing.author.id === draft.author.id
    ) {
      return { message: existing, conversation };
    }
    if (existing) {
      throw new KefuError(
        'CONFLICT',
        'This client id is already used by another author; generate a new one.',
      );
    }
  }
  requireOpen(conversation);

  const seq = conversation.lastSeq + 1;
  const event = machineEventFor(draft, context.now);
  const changes = sentimentChanges(context, conversation, draft);
  changes.lastSeq = seq;
  const updated = event
    ? await applyConversationEvent(tx, context, conversation, event, changes)
    : await commitConversation(tx, context, conversation, { ...changes, updatedAt: context.now });

  // A literal with named fields (a spread inside it takes V8's slow path); a whisper, rare, gets
  // its flag added after.
  const message: Message = {
    id: newId('msg_'),
    conversationId: conversation.id,
    seq,
    author: draft.author,
    text: draft.text,
    attachments: draft.attachments,
    internal: draft.internal,
    clientId: draft.clientId ?? null,
    createdAt: context.now,
  };
  if (draft.whisper && draft.internal) message.whisper = true;
  await tx.messages.insert(message);
  context.emit({
    type: 'message.posted',
    at: context.now,
    subject: { kind: 'conversation', id: conversation.id },
    data: { message },
  });
  return { message, conversation: updated };
}

/** Tags (and, if configured, priority) that an angry or urgent customer message calls for. */
function sentimentChanges(
  context: CommandContext,
  conversation: Conversation,
  draft: MessageDraft,
): Partial<Conversation> {
  const settings = context.settings.sentiment;
  if (!settings.enabled || draft.author.kind !== 'customer' || draft.text.length === 0) {
    return {};
  }
  const { angry, urgent } = (settings.analyzer ?? lexiconSentiment)(draft.text);
  if (!angry && !urgent) return {};
  const flags = [...(angry ? ['angry'] : []), ...(urgent ? ['urgent'] : [])];
  const tags = [...new Set([...conversation.tags, ...flags])];
  const raise =
    settings.raisePriority &&
    (conversation.priority === 'low' || conversation.priority === 'normal');
  return { tags, ...(raise ? { priority: 'high' as const } : {}) };
}
