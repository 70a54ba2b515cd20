import { type Attachment, type Conversation, type Desk, KefuError } from '@kefu/core';
import { type AgentCallMethod, toWireConversation } from '@kefu/core/protocol';
import { type AgentSubject, agentMaySee, requireAgentScope } from './authorization';
import type { Call } from './call-types';
import type { GatewayContext } from './gateway-context';
import { acceptAttachments } from './own-attachments';
import { QUALITY_CALLS } from './quality-calls';

type Input = Record<string, unknown>;

/** Desk inputs are validated by the desk itself; these only pass them on. */
const asInput = <T>(input: Input) => input as T;
/** The acting agent, filled in by the gateway: a caller cannot act as someone else. */
const byAgent = (input: Input, agentId: string) => ({
  ...input,
  by: { kind: 'agent' as const, id: agentId },
});

const toAgentWire = (conversation: Conversation) =>
  toWireConversation(conversation, { forAgent: true });

const idOf = (input: Input, field: string): string => {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new KefuError('VALIDATION', `The call needs "${field}" (a string).`);
  }
  return value;
};

/** The record, when it exists and the agent may see it (else `FORBIDDEN`). */
async function visible<T extends { customerId: string }>(
  context: GatewayContext,
  agentId: string,
  record: T | null,
  subject: (record: T) => AgentSubject,
): Promise<T | null> {
  if (record) await requireAgentScope(context, agentId, subject(record));
  return record;
}

const visibleConversation = async (context: GatewayContext, agentId: string, id: string) =>
  visible(
    context,
    agentId,
    await context.desk.conversations.get({ conversationId: id }),
    (conversation) => ({
      kind: 'conversation',
      customerId: conversation.customerId,
      conversation,
    }),
  );

const visibleTicket = async (context: GatewayContext, agentId: string, id: string) =>
  visible(context, agentId, await context.desk.tickets.get(id), (ticket) => ({
    kind: 'ticket',
    customerId: ticket.customerId,
    ticket,
  }));

/** The attachments of a ticket call, as they may be stored (see `acceptAttachments`). */
const ticketAttachments = (
  context: GatewayContext,
  input: Input,
  customerId: string,
  ticketId: string | null,
) =>
  acceptAttachments(
    context,
    Array.isArray(input.attachments) ? (input.attachments as Attachment[]) : [],
    { kind: 'ticket', customerId, ticketId },
    {},
  );

/** Checked before the desk reads anything, so a refusal says nothing about what exists. */
const customerScope = (context: GatewayContext, agentId: string, input: Input) =>
  requireAgentScope(context, agentId, { kind: 'customer', customerId: idOf(input, 'customerId') });

/** A conversation-scoped call: the conversation must be visible before the desk sees the input. */
const onConversation =
  (
    run: (desk: Desk, input: Input, agentId: string, context: GatewayContext) => Promise<unknown>,
  ): Call =>
  async (desk, input, agentId, context) => {
    await visibleConversation(context, agentId, idOf(input, 'conversationId'));
    return run(desk, input, agentId, context);
  };

type TicketStep = 'triage' | 'start' | 'awaitCustomer' | 'awaitThirdParty' | 'resume';
type TicketAct = 'propose' | 'resolve' | 'close' | 'cancel' | 'escalate' | 'addNote';
const ticketStep =
  (step: TicketStep | TicketAct): Call =>
  async (desk, input, agentId, context) => {
    await visibleTicket(context, agentId, idOf(input, 'ticketId'));
    return (desk.tickets[step] as (input: unknown) => Promise<unknown>)(byAgent(input, agentId));
  };

/**
 * What an agent connection may call, by name. Each entry checks `authorizeAgent` on the customer
 * data it touches (conversation, ticket, survey, profile, orders) before the desk runs, passes the
 * input on (the desk validates it) and fills in the acting agent where the desk records one.
 * Calls without customer data (knowledge search, metrics, the agent list) are left to
 * `authorizeCall`.
 */
export const AGENT_CALLS: Record<AgentCallMethod, Call> = {
  'conversations.get': (_desk, input, agentId, context) =>
    visibleConversation(context, agentId, idOf(input, 'conversationId')),
  'conversations.list': async (desk, input, agentId, context) => {
    if (input.customerId !== undefined) await customerScope(context, agentId, input);
    const page = await desk.conversations.list(asInput(input));
    const items = [];
    for (const conversation of page.items) {
      if (await agentMaySee(context, agentId, conversation)) items.push(conversation);
    }
    return { items, nextCursor: page.nextCursor };
  },
  'conversations.setPriority': onConversation((desk, input) =>
    desk.conversations.setPriority(asInput(input)),
  ),
  'conversations.tag': onConversation((desk, input) => desk.conversations.tag(asInput(input))),
  // Reading a profile is audited: who looked at whose personal data, from where.
  'customers.get': async (desk, input, agentId, context, origin) => {
    await customerScope(context, agentId, input);
    return desk.privacy.readCustomer({
      customerId: idOf(input, 'customerId'),
      actor: { kind: 'agent', id: agentId },
      origin,
    });
  },
  'orders.lookup': async (desk, input, agentId, context) => {
    await customerScope(context, agentId, input);
    return desk.orders.lookup(asInput(input));
  },
  'tickets.create': async (desk, input, agentId, context) => {
    await customerScope(context, agentId, input);
    if (input.conversationId !== undefined) {
      const conversation = await visibleConversation(
        context,
        agentId,
        idOf(input, 'conversationId'),
      );
      if (conversation && conversation.customerId !== input.customerId) {
        throw new KefuError('VALIDATION', 'The conversation belongs to another customer.');
      }
    }
    const attachments = await ticketAttachments(context, input, idOf(input, 'customerId'), null);
    return desk.tickets.create(asInput(byAgent({ ...input, attachments }, agentId)));
  },
  'tickets.get': (_desk, input, agentId, context) =>
    visibleTicket(context, agentId, idOf(input, 'ticketId')),
  'tickets.list': async (desk, input, agentId, context) => {
    if (input.customerId !== undefined) await customerScope(context, agentId, input);
    const page = await desk.tickets.list(asInput(input));
    const items = [];
    for (const ticket of page.items) {
      const subject = { kind: 'ticket' as const, customerId: ticket.customerId, ticket };
      if (await context.authorizeAgent(agentId, subject)) items.push(ticket);
    }
    return { items, nextCursor: page.nextCursor };
  },
  'tickets.triage': ticketStep('triage'),
  'tickets.start': ticketStep('start'),
  'tickets.awaitCustomer': ticketStep('awaitCustomer'),
  'tickets.awaitThirdParty': ticketStep('awaitThirdParty'),
  'tickets.resume': ticketStep('resume'),
  'tickets.propose': ticketStep('propose'),
  'tickets.resolve': ticketStep('resolve'),
  'tickets.close': ticketStep('close'),
  'tickets.cancel': ticketStep('cancel'),
  'tickets.escalate': ticketStep('escalate'),
  // Evidence: the gateway's own uploads for this ticket (or the customer's chats) need no hosts.
  'tickets.addNote': async (desk, input, agentId, context) => {
    const ticket = await visibleTicket(context, agentId, idOf(input, 'ticketId'));
    const attachments = ticket
      ? await ticketAttachments(context, input, ticket.customerId, ticket.id)
      : [];
    return desk.tickets.addNote(asInput(byAgent({ ...input, attachments }, agentId)));
  },
  'knowledge.search': (desk, input) => desk.knowledge.search(asInput(input)),
  'knowledge.suggest': (desk, input) => desk.knowledge.suggest(asInput(input)),
  'knowledge.suggestFor': onConversation((desk, input) =>
    desk.knowledge.suggestFor(asInput(input)),
  ),
  'metrics.snapshot': (desk) => desk.metrics.refresh(),
  'metrics.report': (desk, input) => desk.metrics.report(asInput(input)),
  'surveys.get': async (desk, input, agentId, context) => {
    // The subject decides: a conversation's or a ticket's survey needs that record in scope.
    if (typeof input.conversationId === 'string') {
      await visibleConversation(context, agentId, input.conversationId);
    }
    if (typeof input.ticketId === 'string') await visibleTicket(context, agentId, input.ticketId);
    return visible(context, agentId, await desk.surveys.get(asInput(input)), (survey) => ({
      kind: 'survey',
      customerId: survey.customerId,
      survey,
    }));
  },
  'agents.list': (desk) => desk.agents.list(),
  'privacy.reveal': async (desk, input, agentId, context, origin) => {
    // The record the value is in must be in the agent's scope: a conversation, ticket or profile.
    if (input.ticketId !== undefined)
      await visibleTicket(context, agentId, idOf(input, 'ticketId'));
    else if (input.customerId !== undefined) await customerScope(context, agentId, input);
    else await visibleConversation(context, agentId, idOf(input, 'conversationId'));
    return desk.privacy.reveal({
      ...input,
      actor: { kind: 'agent', id: agentId },
      origin,
    } as never);
  },
  // Supervisor calls (see `roleForCall`): the acting supervisor is the signed-in agent.
  'supervision.live': (desk, input, agentId, context) =>
    desk.supervision.live(asInput(input), {
      include: (conversation) => agentMaySee(context, agentId, conversation),
    }),
  // These answer with the conversation as agent connections see it (`WireConversation`).
  'supervision.watch': onConversation(async (desk, input, agentId) =>
    toAgentWire(await desk.supervision.watch({ ...input, supervisorId: agentId } as never)),
  ),
  'supervision.whisper': onConversation(async (desk, input, agentId, context) =>
    context.wireMessage(
      await desk.supervision.whisper({ ...input, supervisorId: agentId } as never),
      true,
    ),
  ),
  'supervision.bargeIn': onConversation(async (desk, input, agentId) =>
    toAgentWire(await desk.supervision.bargeIn({ ...input, supervisorId: agentId } as never)),
  ),
  'supervision.reassign': onConversation(async (desk, input, agentId) =>
    toAgentWire(await desk.supervision.reassign({ ...input, supervisorId: agentId } as never)),
  ),
  // Privileged: admins only with roles, else only when `authorizeCall` allows (`roleForCall`).
  'privacy.audit': async (desk, input, agentId, context, origin) => {
    if (input.customerId !== undefined) await customerScope(context, agentId, input);
    return desk.privacy.audit.list({
      ...input,
      actor: { kind: 'agent', id: agentId },
      origin,
    } as never);
  },
  'privacy.erase': async (desk, input, agentId, context, origin) => {
    await customerScope(context, agentId, input);
    return desk.privacy.eraseCustomer({
      ...input,
      actor: { kind: 'agent', id: agentId },
      origin,
    } as never);
  },
  ...QUALITY_CALLS,
};
