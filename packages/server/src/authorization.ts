import { type Conversation, KefuError, type Survey, type Ticket } from '@kefu/core';
import type { GatewayContext, Principal } from './gateway-context';

/**
 * What an agent wants to read or write, handed to `authorizeAgent`. Every subject names the
 * customer whose data it is, so one rule such as "this agent serves these customers" covers
 * conversations, tickets, surveys, profiles and orders alike.
 *
 * @example
 * const authorizeAgent = (agentId: string, subject: AgentSubject) =>
 *   subject.kind === 'conversation'
 *     ? teamOf(agentId) === subject.conversation.team
 *     : customersOf(agentId).has(subject.customerId);
 */
export type AgentSubject =
  | { kind: 'conversation'; customerId: string; conversation: Conversation }
  | { kind: 'ticket'; customerId: string; ticket: Ticket }
  | { kind: 'survey'; customerId: string; survey: Survey }
  /** The customer's profile, their orders, or a list of their tickets. */
  | { kind: 'customer'; customerId: string };

/** Throws `FORBIDDEN` unless `authorizeAgent` lets this agent at the subject. */
export async function requireAgentScope(
  context: GatewayContext,
  agentId: string,
  subject: AgentSubject,
): Promise<void> {
  if (await context.authorizeAgent(agentId, subject)) return;
  throw new KefuError('FORBIDDEN', `This ${subject.kind} is outside what this agent may see.`, {
    details: { customerId: subject.customerId },
  });
}

/** Whether `authorizeAgent` lets this agent at the conversation (for filtering lists). */
export async function agentMaySee(
  context: GatewayContext,
  agentId: string,
  conversation: Conversation,
): Promise<boolean> {
  return context.authorizeAgent(agentId, {
    kind: 'conversation',
    customerId: conversation.customerId,
    conversation,
  });
}

/**
 * Loads a conversation this principal may use, or throws `NOT_FOUND` / `FORBIDDEN`: customers
 * reach only their own conversations; agents those `authorizeAgent` allows.
 */
export async function authorizedConversation(
  context: GatewayContext,
  principal: Principal,
  conversationId: string,
): Promise<Conversation> {
  const conversation = await context.desk.conversations.get(conversationId);
  if (!conversation) throw new KefuError('NOT_FOUND', `No conversation "${conversationId}".`);
  const allowed =
    principal.role === 'agent'
      ? await agentMaySee(context, principal.id, conversation)
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
