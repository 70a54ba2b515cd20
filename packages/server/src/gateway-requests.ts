import { type Conversation, KefuError } from '@kefu/core';
import {
  type ParsedClientFrame,
  type ServerFrame,
  toWireConversation,
  toWireSurvey,
  toWireTicket,
} from '@kefu/core/protocol';
import { AGENT_CALLS } from './agent-calls';
import {
  agentMaySee,
  authorizedConversation,
  requireAgent,
  requireCustomer,
} from './authorization';
import type { GatewayContext, Principal, SubscriberHandle } from './gateway-context';
import { acceptAttachments } from './own-attachments';
import { agentTopicView, agentWireConversation, maskAgentResult } from './privacy-views';
import { supervisedConversations } from './role-authorization';

type Frame<T extends ParsedClientFrame['type']> = Extract<ParsedClientFrame, { type: T }>;
/** The fields of the `ack` that answers a request. */
type AckBody = Omit<Extract<ServerFrame, { type: 'ack' }>, 'type' | 'id'>;

/** One authenticated connection's view of the gateway, for the request handlers. */
export interface RequestScope {
  context: GatewayContext;
  principal: Principal;
  handle: SubscriberHandle;
}

const INBOX_LIMIT = 200;

/** Customers: their conversations, newest first. Agents: their inbox, then kept live. */
export async function inbox({ context, principal, handle }: RequestScope): Promise<AckBody> {
  const { desk } = context;
  if (principal.role !== 'agent') {
    const page = await desk.conversations.list({ customerId: principal.id, limit: 50 });
    return { conversations: page.items.map((c) => toWireConversation(c)) };
  }
  // Watch first, then read: a change made meanwhile arrives live or is in the read, never neither.
  context.watchInbox(principal.id, handle, []);
  const [queued, mine] = await Promise.all([
    desk.conversations.list({ status: 'queued', limit: INBOX_LIMIT }),
    desk.conversations.list({
      assigneeId: principal.id,
      status: ['active', 'pending'],
      limit: INBOX_LIMIT,
    }),
  ]);
  const supervised = await supervisedConversations(desk, principal.id, INBOX_LIMIT);
  const visible: Conversation[] = [];
  for (const conversation of [...mine.items, ...supervised, ...queued.items]) {
    if (await agentMaySee(context, principal.id, conversation)) visible.push(conversation);
  }
  context.watchInbox(
    principal.id,
    handle,
    visible.map((c) => c.id),
  );
  return { conversations: visible.map((c) => agentWireConversation(desk, c)) };
}

/** Open or closed, and whether anyone can answer now. */
export async function status({ context }: RequestScope): Promise<AckBody> {
  return deskStatus(context);
}

/** The desk's status, for the `status` frame and `GET {path}/status`. */
export async function deskStatus(
  context: GatewayContext,
): Promise<Required<Pick<AckBody, 'status'>>> {
  const { desk } = context;
  const open = desk.sla.isOpen();
  const availability = await desk.routing.availability();
  return {
    status: {
      open,
      nextOpeningAt: open ? null : desk.sla.nextOpening(),
      agentsOnline: availability.agentsOnline,
      acceptingNow: open && availability.acceptingNow,
    },
  };
}

/** Agents move a conversation: claim, resolve, reopen, close, wait on the customer, transfer. */
export async function act(scope: RequestScope, frame: Frame<'act'>): Promise<AckBody> {
  const { context, principal } = scope;
  requireAgent(principal, 'act on conversations');
  const { desk } = context;
  const conversationId = frame.conversationId;
  await authorizedConversation(context, principal, conversationId);
  const next = await (() => {
    switch (frame.action) {
      case 'claim':
        return desk.conversations.assign({ conversationId, agentId: principal.id });
      case 'resolve':
        return desk.conversations.resolve({ conversationId });
      case 'reopen':
        return desk.conversations.reopen({ conversationId, by: 'agent' });
      case 'close':
        return desk.conversations.close({ conversationId });
      case 'pending':
        return desk.conversations.waitOnCustomer({ conversationId });
      case 'transfer':
        return desk.conversations.transfer({
          conversationId,
          toAgentId: frame.toAgentId ?? null,
          byAgentId: principal.id,
          ...(frame.toTeam ? { toTeam: frame.toTeam } : {}),
          ...(frame.reason ? { reason: frame.reason } : {}),
          ...(frame.note ? { note: frame.note } : {}),
        });
    }
  })();
  return { conversation: agentWireConversation(desk, next) };
}

/** Agents take the first queued conversation they qualify for. */
export async function claimNext({ context, principal }: RequestScope): Promise<AckBody> {
  requireAgent(principal, 'claim conversations');
  const next = await context.desk.routing.claimNext({ agentId: principal.id });
  return next ? { conversation: agentWireConversation(context.desk, next) } : {};
}

export async function presence(
  { context, principal }: RequestScope,
  frame: Frame<'presence'>,
): Promise<AckBody> {
  requireAgent(principal, 'have a presence');
  await context.desk.agents.setPresence({ agentId: principal.id, presence: frame.presence });
  return {};
}

/** Agents: one allow-listed desk call, with the acting agent filled in. */
export async function call(
  { context, principal }: RequestScope,
  frame: Frame<'call'>,
): Promise<AckBody> {
  requireAgent(principal, 'make desk calls');
  if (!(await context.authorizeCall(principal.id, frame.method, frame.input))) {
    throw new KefuError('FORBIDDEN', `This agent may not call "${frame.method}".`);
  }
  const origin = { via: 'gateway', ...(principal.ip ? { ip: principal.ip } : {}) };
  const result = maskAgentResult(
    context.desk,
    frame.method,
    await AGENT_CALLS[frame.method](context.desk, frame.input, principal.id, context, origin),
  );
  // JSON round trip: what the agent gets is exactly what went over the wire.
  return { result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
}

/** Agents: the live desk now, then `metrics` frames as it moves. Allowed like `metrics.snapshot`. */
export async function watchMetrics({ context, principal, handle }: RequestScope): Promise<AckBody> {
  requireAgent(principal, 'watch the live desk');
  if (!(await context.authorizeCall(principal.id, 'metrics.snapshot', {}))) {
    throw new KefuError('FORBIDDEN', 'This agent may not watch the live desk.');
  }
  context.watchMetrics(handle);
  return { metrics: await context.desk.metrics.refresh() };
}

/**
 * Supervisors and admins: the live view now, then `supervision` frames as rows change. Allowed
 * like the `supervision.live` call (a plain agent gets `FORBIDDEN`, roles enforced or not).
 */
export async function watchSupervision(
  { context, principal, handle }: RequestScope,
  frame: Frame<'watch_supervision'>,
): Promise<AckBody> {
  requireAgent(principal, 'watch the desk');
  const input = frame.teams ? { teams: frame.teams } : {};
  if (!(await context.authorizeCall(principal.id, 'supervision.live', input))) {
    throw new KefuError('FORBIDDEN', 'Only supervisors and admins watch the live view.');
  }
  // Watch first, then read: a change made meanwhile arrives live or is in the read, never neither.
  context.watchSupervision(handle, frame.teams, []);
  const rows = await context.desk.supervision.live(input, {
    include: (conversation) => agentMaySee(context, principal.id, conversation),
  });
  context.watchSupervision(
    handle,
    frame.teams,
    rows.map((row) => row.conversationId),
  );
  return { supervision: rows.map((row) => agentTopicView(context.desk, row)) };
}

/** Customers answer the survey of their conversation or ticket. */
export async function rate(
  { context, principal }: RequestScope,
  frame: Frame<'rate'>,
): Promise<AckBody> {
  requireCustomer(principal, 'answer surveys');
  if (frame.conversationId) await authorizedConversation(context, principal, frame.conversationId);
  if (frame.ticketId) await ownTicket(context, principal, frame.ticketId);
  const survey = await context.desk.surveys.answer({
    ...(frame.conversationId ? { conversationId: frame.conversationId } : {}),
    ...(frame.ticketId ? { ticketId: frame.ticketId } : {}),
    customerId: principal.id,
    answers: frame.answers,
    ...(frame.comment ? { comment: frame.comment } : {}),
  });
  return { survey: toWireSurvey(survey) };
}

async function ownTicket(context: GatewayContext, principal: Principal, ticketId: string) {
  const ticket = await context.desk.tickets.get(ticketId);
  if (!ticket) throw new KefuError('NOT_FOUND', `No ticket "${ticketId}".`);
  if (ticket.customerId !== principal.id) {
    throw new KefuError('FORBIDDEN', 'This ticket belongs to someone else.', {
      details: { ticketId },
    });
  }
  return ticket;
}

/** Customers: their tickets as they may see them; later changes arrive as `ticket` frames. */
export async function tickets({ context, principal, handle }: RequestScope): Promise<AckBody> {
  requireCustomer(principal, 'list their tickets here (agents use the tickets.list call)');
  context.watchTickets(principal.id, handle);
  const page = await context.desk.tickets.list({ customerId: principal.id, limit: 200 });
  return { tickets: page.items.map(toWireTicket) };
}

/** Customers accept (→ resolved) or reject (→ another round) the proposed resolution. */
export async function ticketReply(
  { context, principal }: RequestScope,
  frame: Frame<'ticket_reply'>,
): Promise<AckBody> {
  requireCustomer(principal, 'answer a proposed resolution');
  await ownTicket(context, principal, frame.ticketId);
  const input = {
    ticketId: frame.ticketId,
    by: { kind: 'customer' as const, id: principal.id },
    ...(frame.message ? { message: frame.message } : {}),
  };
  const ticket = frame.accept
    ? await context.desk.tickets.accept(input)
    : await context.desk.tickets.reject(input);
  return { ticket: toWireTicket(ticket) };
}

/** Customers add evidence (a photo of the melted box) or a line to their own ticket. */
export async function ticketNote(
  { context, principal }: RequestScope,
  frame: Frame<'ticket_note'>,
): Promise<AckBody> {
  requireCustomer(principal, 'add notes to their tickets here (agents use tickets.addNote)');
  const ticket = await ownTicket(context, principal, frame.ticketId);
  const attachments = await acceptAttachments(
    context,
    frame.attachments,
    { kind: 'ticket', customerId: ticket.customerId, ticketId: ticket.id },
    {},
  );
  const noted = await context.desk.tickets.addNote({
    ticketId: ticket.id,
    by: { kind: 'customer', id: principal.id },
    text: frame.text,
    visibility: 'customer',
    attachments,
  });
  return { ticket: toWireTicket(noted) };
}
