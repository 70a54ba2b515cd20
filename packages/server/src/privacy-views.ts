import type { Conversation, Desk, MetricsReport, Survey, Ticket, WithTopic } from '@kefu/core';
import { toWireConversation, type WireConversation, type WireMessage } from '@kefu/core/protocol';

/**
 * A message as an agent sees it: personal data in its text masked, with the spans listed so the
 * console can offer "reveal" (the audited `privacy.reveal` call).
 */
export function maskWireMessage(desk: Desk, wire: WireMessage): WireMessage {
  const masked = desk.privacy.mask(wire.text);
  if (masked.spans.length === 0) return wire;
  return {
    ...wire,
    text: masked.text,
    masked: masked.spans.map(({ index, start, end, kind }) => ({ index, start, end, kind })),
  };
}

/** A view with its `masked` list only when something was masked, as messages carry theirs. */
function listIfMasked<T>(view: T & { masked: readonly unknown[] }): T {
  if (view.masked.length > 0) return view;
  const { masked: _masked, ...rest } = view;
  return rest as T;
}

/**
 * A conversation as agent connections see it in frames and acks: `details`, and personal data in
 * its topic masked (`masked` lists the spans; `privacy.reveal` with `conversationId` and `path`).
 * `details: false` for an agent who may no longer see it, told it left their inbox.
 */
export function agentWireConversation(
  desk: Desk,
  conversation: Conversation,
  details = true,
): WireConversation {
  const wire = toWireConversation(conversation, { forAgent: details });
  return listIfMasked(desk.privacy.maskConversation(wire));
}

/** A live-view row (or any view carrying a topic) as a supervisor's connection gets it. */
export function agentTopicView<R extends WithTopic>(desk: Desk, row: R): R {
  return listIfMasked(desk.privacy.maskConversation(row));
}

/** How the fan-out builds what agent connections hear (see `SubscriptionRegistry`). */
export interface AgentViews {
  ticket(ticket: Ticket): object;
  conversation(conversation: Conversation, details?: boolean): WireConversation;
}

/** Tickets and conversations masked for agents, as the desk's privacy settings say. */
export const agentViews = (desk: Desk): AgentViews => ({
  ticket: (ticket) => desk.privacy.maskTicket(ticket),
  conversation: (conversation, details) => agentWireConversation(desk, conversation, details),
});

/** A report grouped by `category` (the conversations' topics) with the group names masked. */
function maskReport(desk: Desk, report: MetricsReport): MetricsReport {
  const rows = report.rows.map((row) => {
    const { category } = row.group;
    if (category === undefined) return row;
    return { ...row, group: { ...row.group, category: desk.privacy.mask(category).text } };
  });
  return { ...report, rows };
}

const hasTopic = (value: object): value is WithTopic => 'topic' in value;

const isTicket = (value: unknown): value is Ticket =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Ticket).id === 'string' &&
  Array.isArray((value as Ticket).history) &&
  'orderSnapshot' in value;

/**
 * What an agent call returns, as the agent may see it: tickets (alone or in a page), profiles,
 * conversations (topic, survey comment), surveys and live-view rows masked with their masked
 * fields listed (`privacy.reveal` with `ticketId` / `customerId` / `conversationId` and the
 * field's `path`); report groups named by topic masked; other results as they are.
 */
export function maskAgentResult(desk: Desk, method: string, result: unknown): unknown {
  if (result === null || typeof result !== 'object') return result;
  switch (method) {
    case 'conversations.list': {
      const page = result as { items: Conversation[] };
      return { ...page, items: page.items.map((c) => desk.privacy.maskConversation(c)) };
    }
    case 'surveys.get':
      return desk.privacy.maskSurvey(result as Survey);
    case 'supervision.live':
      return (result as WithTopic[]).map((row) => desk.privacy.maskConversation(row));
    case 'metrics.report':
      return maskReport(desk, result as MetricsReport);
    case 'customers.get':
      return desk.privacy.maskCustomer(result as Parameters<Desk['privacy']['maskCustomer']>[0]);
    case 'orders.lookup':
      return desk.privacy.maskOrder(result as Parameters<Desk['privacy']['maskOrder']>[0]);
    case 'tickets.list': {
      const page = result as { items: Ticket[] };
      return { ...page, items: page.items.map((ticket) => desk.privacy.maskTicket(ticket)) };
    }
    default:
      if (method.startsWith('tickets.') && isTicket(result)) return desk.privacy.maskTicket(result);
      // conversations.get, setPriority, tag; supervision.watch, bargeIn, reassign.
      if (/^(conversations|supervision)\./.test(method) && hasTopic(result)) {
        return desk.privacy.maskConversation(result);
      }
      return result;
  }
}
