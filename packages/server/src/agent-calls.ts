import { type Desk, KefuError } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import type { GatewayContext } from './gateway-context';

type Input = Record<string, unknown>;
type Call = (
  desk: Desk,
  input: Input,
  agentId: string,
  context: GatewayContext,
) => Promise<unknown>;

/** Desk inputs are validated by the desk itself; these only pass them on. */
const asInput = <T>(input: Input) => input as T;
/** The acting agent, filled in by the gateway: a caller cannot act as someone else. */
const byAgent = (input: Input, agentId: string) => ({
  ...input,
  by: { kind: 'agent' as const, id: agentId },
});

const idOf = (input: Input, field: string): string => {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new KefuError('VALIDATION', `The call needs "${field}" (a string).`);
  }
  return value;
};

async function visibleConversation(
  context: GatewayContext,
  agentId: string,
  conversationId: string,
) {
  const conversation = await context.desk.conversations.get({ conversationId });
  if (!conversation) return null;
  if (!(await context.authorizeAgent(agentId, conversation))) {
    throw new KefuError('FORBIDDEN', 'This conversation is not yours to see.');
  }
  return conversation;
}

type TicketStep = 'triage' | 'start' | 'awaitCustomer' | 'awaitThirdParty' | 'resume';
type TicketAct = 'propose' | 'resolve' | 'close' | 'cancel' | 'escalate' | 'addNote';
const ticketStep =
  (step: TicketStep | TicketAct): Call =>
  (desk, input, agentId) =>
    (desk.tickets[step] as (input: unknown) => Promise<unknown>)(byAgent(input, agentId));

/**
 * What an agent connection may call, by name. Each entry passes the input to the desk (which
 * validates it) and fills in the acting agent where the desk records one.
 */
export const AGENT_CALLS: Record<AgentCallMethod, Call> = {
  'conversations.get': (_desk, input, agentId, context) =>
    visibleConversation(context, agentId, idOf(input, 'conversationId')),
  'conversations.list': async (desk, input, agentId, context) => {
    const page = await desk.conversations.list(asInput(input));
    const items = [];
    for (const conversation of page.items) {
      if (await context.authorizeAgent(agentId, conversation)) items.push(conversation);
    }
    return { items, nextCursor: page.nextCursor };
  },
  'conversations.setPriority': async (desk, input, agentId, context) => {
    await visibleConversation(context, agentId, idOf(input, 'conversationId'));
    return desk.conversations.setPriority(asInput(input));
  },
  'conversations.tag': async (desk, input, agentId, context) => {
    await visibleConversation(context, agentId, idOf(input, 'conversationId'));
    return desk.conversations.tag(asInput(input));
  },
  'customers.get': (desk, input) => desk.customers.get(idOf(input, 'customerId')),
  'orders.lookup': (desk, input) => desk.orders.lookup(asInput(input)),
  'tickets.create': (desk, input, agentId) => desk.tickets.create(asInput(byAgent(input, agentId))),
  'tickets.get': (desk, input) => desk.tickets.get(idOf(input, 'ticketId')),
  'tickets.list': (desk, input) => desk.tickets.list(asInput(input)),
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
  'tickets.addNote': ticketStep('addNote'),
  'knowledge.search': (desk, input) => desk.knowledge.search(asInput(input)),
  'knowledge.suggest': (desk, input) => desk.knowledge.suggest(asInput(input)),
  'knowledge.suggestFor': async (desk, input, agentId, context) => {
    await visibleConversation(context, agentId, idOf(input, 'conversationId'));
    return desk.knowledge.suggestFor(asInput(input));
  },
  'metrics.snapshot': (desk) => desk.metrics.refresh(),
  'metrics.report': (desk, input) => desk.metrics.report(asInput(input)),
  'surveys.get': (desk, input) => desk.surveys.get(asInput(input)),
  'agents.list': (desk) => desk.agents.list(),
};
