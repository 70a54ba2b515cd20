import type { Conversation } from '../conversation/conversation';
import type { Message } from '../message/message';
import type { WireConversation, WireMessage } from './server-frames';

/**
 * A stored message as it goes on the wire. Callers must not pass internal notes to customer
 * connections; this only copies the public fields so nothing else leaks.
 *
 * @example
 * socket.send(encodeFrame({ type: 'message', message: toWireMessage(message) }));
 */
export function toWireMessage(message: Message): WireMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    author: message.author,
    text: message.text,
    attachments: message.attachments,
    internal: message.internal,
    clientId: message.clientId,
    createdAt: message.createdAt,
  };
}

/**
 * A conversation as it goes on the wire: only fields a customer may see.
 *
 * @example
 * socket.send(encodeFrame({ type: 'conversation', conversation: toWireConversation(c) }));
 */
export function toWireConversation(conversation: Conversation): WireConversation {
  return {
    id: conversation.id,
    customerId: conversation.customerId,
    clientId: conversation.clientId,
    status: conversation.status,
    topic: conversation.topic,
    assigneeId: conversation.assigneeId,
    lastSeq: conversation.lastSeq,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
  };
}
