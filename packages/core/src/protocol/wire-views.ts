import type { Conversation } from '../conversations/conversation';
import type { Incident } from '../incidents/incident';
import type { Message } from '../messages/message';
import { summarizeSla } from '../sla/sla-summary';
import { SCALES, type Survey } from '../surveys/survey';
import { toCustomerView } from '../tickets/customer-view';
import type { Ticket } from '../tickets/ticket';
import type {
  WireConversation,
  WireConversationDetails,
  WireIncident,
  WireMessage,
  WireSurvey,
  WireTicket,
} from './wire-records';

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
    ...(message.whisper ? { whisper: true as const } : {}),
    clientId: message.clientId,
    createdAt: message.createdAt,
  };
}

/** The agent-only part of a conversation on the wire: routing fields and SLA state. */
function detailsOf(conversation: Conversation): WireConversationDetails {
  const { dueAt, dueClock, slaState } = summarizeSla(conversation.sla);
  return {
    channel: conversation.channel,
    priority: conversation.priority,
    tags: conversation.tags,
    skills: conversation.skills,
    team: conversation.team,
    queuedAt: conversation.queuedAt,
    leftMessage: conversation.leftMessage,
    dueAt,
    dueClock,
    slaState,
  };
}

/**
 * A conversation as it goes on the wire: only fields a customer may see, plus `details` for agent
 * connections (`{ forAgent: true }`).
 *
 * @example
 * socket.send(encodeFrame({ type: 'conversation', conversation: toWireConversation(c) }));
 */
export function toWireConversation(
  conversation: Conversation,
  options: { forAgent?: boolean } = {},
): WireConversation {
  const wire: WireConversation = {
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
  if (options.forAgent) wire.details = detailsOf(conversation);
  return wire;
}

/**
 * A survey as its customer sees it (questions, scale and their answers; no agent fields).
 *
 * @example
 * connection.deliver({ type: 'survey', survey: toWireSurvey(survey) });
 */
export function toWireSurvey(survey: Survey): WireSurvey {
  return {
    id: survey.id,
    kind: survey.kind,
    conversationId: survey.conversationId,
    ticketId: survey.ticketId,
    status: survey.status,
    questions: survey.questions,
    scale: SCALES[survey.kind],
    answers: survey.answers,
    comment: survey.comment,
    score: survey.score,
    expiresAt: survey.expiresAt,
  };
}

/**
 * A ticket as its customer sees it: the customer projection, never internal notes or fields.
 *
 * @example
 * connection.deliver({ type: 'ticket', ticket: toWireTicket(ticket) });
 */
export function toWireTicket(ticket: Ticket): WireTicket {
  return toCustomerView(ticket);
}

/**
 * An incident as every connection sees it: no reason, source or names, only the banner and mode.
 *
 * @example
 * connection.deliver({ type: 'incident', incident: toWireIncident(desk.incidents.getSnapshot()) });
 */
export function toWireIncident(incident: Incident | null): WireIncident | null {
  if (!incident || incident.endedAt !== null) return null;
  return {
    id: incident.id,
    mode: incident.mode,
    message: { 'zh-CN': incident.message['zh-CN'], en: incident.message.en },
    startedAt: incident.startedAt,
  };
}
