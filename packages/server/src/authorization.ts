import { type Conversation, KefuError } from '@kefu/core';
import type { GatewayContext, Principal } from './gateway-context';

/**
 * Loads a conversation this principal may use, or throws `NOT_FOUND` / `FORBIDDEN`: customers
 * reach only their own conversations; agents those `authorizeAgent` allows.
 */
export async function authorizedConversation(
  context: GatewayContext,
  principal: Principal,
  conversationId: string,
): Promise<Conversation> {
  const conversation = await context.desk.conversations.get({ conversationId });
  if (!conversation) throw new KefuError('NOT_FOUND', `No conversation "${conversationId}".`);
  const allowed =
    principal.role === 'agent'
      ? await context.authorizeAgent(principal.id, conversation)
      : conversation.customerId === principal.id;
  if (!allowed) {
    throw new KefuError('FORBIDDEN', 'This conversation belongs to someone else.', {
      details: { conversationId },
    });
  }
  return conversation;
}

/** Throws `FORBIDDEN` unless the principal is an agent. */
export function requireAgent(principal: Principal, what: string): void {
  if (principal.role !== 'agent') throw new KefuError('FORBIDDEN', `Only agents ${what}.`);
}

/** Throws `FORBIDDEN` unless the principal is a customer or visitor. */
export function requireCustomer(principal: Principal, what: string): void {
  if (principal.role === 'agent') throw new KefuError('FORBIDDEN', `Only customers ${what}.`);
}
