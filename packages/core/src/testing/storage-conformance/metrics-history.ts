import type { Agent } from '../../agents/agent';
import type { Conversation } from '../../conversations/conversation';
import type { DomainEventDraft } from '../../events/domain-events';
import type { Message } from '../../messages/message';
import { type ReportQuery, ReportQuerySchema } from '../../metrics/report-shape';
import type { SlaClock } from '../../sla/sla-clock';
import type { SlaTarget } from '../../sla/sla-policy';
import type { Survey } from '../../surveys/survey';
import type { Ticket } from '../../tickets/ticket';
import { makeAgent, makeConversation, makeMessage, FIXTURE_NOW as T } from './fixtures';
import { makeTicket } from './ticket-fixture';

const M = 60_000;
const H = 60 * M;

type Draft = DomainEventDraft;
const about = (kind: 'conversation' | 'ticket' | 'survey' | 'agent', id: string) => ({ kind, id });

/** The next snapshot of `base`: one version on, with `changes`. */
const next = (base: Conversation, changes: Partial<Conversation>): Conversation => ({
  ...base,
  version: base.version + 1,
  updatedAt: changes.updatedAt ?? base.updatedAt,
  ...changes,
});

const conversationEvent = (
  type:
    | 'conversation.started'
    | 'conversation.resolved'
    | 'conversation.abandoned'
    | 'conversation.pending',
  conversation: Conversation,
): Draft => ({
  type,
  at: conversation.updatedAt,
  subject: about('conversation', conversation.id),
  data: { conversation },
});

const assigned = (conversation: Conversation): Draft => ({
  type: 'conversation.assigned',
  at: conversation.updatedAt,
  subject: about('conversation', conversation.id),
  data: { conversation, agentId: conversation.assigneeId ?? '' },
});

const posted = (message: Message): Draft => ({
  type: 'message.posted',
  at: message.createdAt,
  subject: about('conversation', message.conversationId),
  data: { message },
});

const say = (
  conversationId: string,
  seq: number,
  author: Message['author'],
  createdAt: number,
  internal = false,
) => posted(makeMessage({ conversationId, seq, author, createdAt, internal }));

const customer = { kind: 'customer', id: 'cus_lin' } as const;
const agent = (id: string) => ({ kind: 'agent', id }) as const;

function sla(
  type: 'sla.met' | 'sla.breached',
  owner: { conversation: Conversation | null; ticket: Ticket | null },
  target: SlaTarget,
  at: number,
  breached = type === 'sla.breached',
): Draft {
  const clock: SlaClock = {
    target,
    policyId: 'standard',
    status: type === 'sla.met' ? 'met' : 'breached',
    budgetMs: 5 * M,
    hours: 'calendar',
    calendarId: null,
    startedAt: at - 5 * M,
    elapsedMs: 5 * M,
    since: null,
    dueAt: null,
    warned: [],
    firstWarningAt: null,
    breachedAt: breached ? at : null,
    metAt: type === 'sla.met' ? at : null,
  };
  const subject = owner.conversation
    ? about('conversation', owner.conversation.id)
    : about('ticket', owner.ticket?.id ?? '');
  const data = { ...owner, policyId: 'standard', target, dueAt: at, elapsedMs: 5 * M, clock };
  return type === 'sla.met'
    ? { type, at, subject, data: { ...data, breached } }
    : { type, at, subject, data };
}

const ticketEvent = (ticket: Ticket, at = ticket.updatedAt): Draft =>
  ticket.version === 1
    ? { type: 'ticket.created', at, subject: about('ticket', ticket.id), data: { ticket } }
    : {
        type: 'ticket.updated',
        at,
        subject: about('ticket', ticket.id),
        data: { ticket, action: 'changed' },
      };

let surveys = 0;
function survey(
  type: 'survey.sent' | 'survey.answered',
  conversationId: string | null,
  kind: Survey['kind'],
  at: number,
  score: number | null = null,
): Draft {
  const value: Survey = {
    id: `srv_${++surveys}`,
    kind,
    conversationId,
    ticketId: null,
    customerId: 'cus_lin',
    agentId: null,
    status: type === 'survey.sent' ? 'sent' : 'answered',
    questions: [],
    answers: score === null ? {} : { overall: score },
    comment: null,
    score,
    scheduledFor: at,
    sentAt: at,
    answeredAt: type === 'survey.answered' ? at : null,
    expiresAt: null,
  };
  return { type, at, subject: about('survey', value.id), data: { survey: value } };
}

const presence = (agentValue: Agent): Draft => ({
  type: 'agent.upserted',
  at: agentValue.updatedAt,
  subject: about('agent', agentValue.id),
  data: { agent: agentValue, created: agentValue.version === 1 },
});

/**
 * A hand-built event log for the metrics conformance check: two days at the candy shop with every
 * case the report must get right — snapshots out of order and with tied versions, messages
 * logged out of seq order, internal notes and bot messages, met and breached SLA targets (also
 * from a ticket's clock), surveys with and without scores, complaints whose latest snapshot moves
 * them to another conversation or makes them something else, presence changes before, inside and
 * after a range, and an agent literally called `unassigned`.
 */
export function metricsHistory(): Draft[] {
  const id = (name: string) => `conv_metrics_${name}`;
  const log: Draft[] = [];
  const base = (name: string, at: number, fields: Partial<Conversation>) =>
    makeConversation({ id: id(name), createdAt: at, updatedAt: at, queuedAt: at, ...fields });

  // Agents: presence over time (updatedAt is what counts).
  const wang = makeAgent({ id: 'agt_wang', capacity: 3, updatedAt: T - 2 * H });
  log.push(
    presence(wang),
    presence({ ...wang, capacity: 4, updatedAt: T + H, version: 2 }),
    presence({ ...wang, presence: 'offline', updatedAt: T + 5 * H, version: 3 }),
    presence({ ...wang, capacity: 2, updatedAt: T + 26 * H, version: 4 }),
  );
  const li = makeAgent({ id: 'agt_li', capacity: 2, updatedAt: T - 30 * M });
  // Two changes with the same instant and version: the log order decides.
  log.push(
    presence(li),
    presence({ ...li, presence: 'offline', updatedAt: T + 3 * H, version: 2 }),
    presence({ ...li, presence: 'online', capacity: 1, updatedAt: T + 3 * H, version: 2 }),
  );
  log.push(presence(makeAgent({ id: 'unassigned', capacity: 1, updatedAt: T - H })));

  // c1: answered, a note and a bot message in between, resolved; a tied later snapshot.
  const c1 = base('c1', T, { topic: 'delivery' });
  const c1a = next(c1, { status: 'active', assigneeId: 'agt_wang', updatedAt: T + 2 * M });
  const c1r = next(c1a, { status: 'resolved', resolvedAt: T + 10 * M, updatedAt: T + 10 * M });
  log.push(
    conversationEvent('conversation.started', c1),
    say(c1.id, 1, customer, T),
    assigned(c1a),
    say(c1.id, 2, agent('agt_wang'), T + 3 * M),
    sla('sla.met', { conversation: c1a, ticket: null }, 'firstResponse', T + 3 * M),
    say(c1.id, 3, customer, T + 5 * M),
    // A note does not answer the customer: the wait runs on to the reply at seq 6.
    say(c1.id, 4, agent('agt_wang'), T + 5 * M + 30_000, true),
    say(c1.id, 5, { kind: 'bot', id: 'bot' }, T + 7 * M),
    say(c1.id, 6, agent('agt_wang'), T + 9 * M),
    conversationEvent('conversation.resolved', c1r),
    // Same version, logged later: the first one stands.
    conversationEvent('conversation.pending', { ...c1r, assigneeId: 'agt_li', priority: 'urgent' }),
    survey('survey.sent', c1.id, 'csat', T + 15 * M),
    survey('survey.answered', c1.id, 'csat', T + 20 * M, 5),
    survey('survey.answered', c1.id, 'csat', T + 21 * M, null),
  );

  // c2: messages logged out of seq order, breached then met late, transferred, a complaint.
  const t2 = T + H;
  const c2 = base('c2', t2, {
    channel: 'mini-program',
    priority: 'high',
    team: 'vip',
    topic: null,
  });
  const c2a = next(c2, { status: 'active', assigneeId: 'agt_li', updatedAt: t2 + 3 * M });
  const c2t = next(c2a, { assigneeId: 'agt_wang', transferCount: 1, updatedAt: t2 + 10 * M });
  const c2r = next(c2t, { status: 'resolved', resolvedAt: t2 + 30 * M, updatedAt: t2 + 30 * M });
  const complaint = makeTicket({ conversationIds: [c2.id], createdAt: t2 + 12 * M });
  log.push(
    conversationEvent('conversation.started', c2),
    say(c2.id, 3, agent('agt_li'), t2 + 4 * M),
    say(c2.id, 1, customer, t2),
    // A note before the first reply is not the first response.
    say(c2.id, 2, agent('agt_li'), t2 + M, true),
    sla('sla.breached', { conversation: c2, ticket: null }, 'firstResponse', t2 + 2 * M),
    assigned(c2a),
    sla('sla.met', { conversation: c2a, ticket: null }, 'firstResponse', t2 + 4 * M, true),
    say(c2.id, 4, customer, t2 + 6 * M),
    say(c2.id, 5, agent('agt_li'), t2 + 8 * M),
    {
      type: 'conversation.transferred',
      at: c2t.updatedAt,
      subject: about('conversation', c2.id),
      data: {
        conversation: c2t,
        fromAgentId: 'agt_li',
        toAgentId: 'agt_wang',
        toTeam: null,
        reason: null,
        by: null,
      },
    },
    ticketEvent(complaint),
    ticketEvent({ ...complaint, status: 'triaged', version: 2, updatedAt: t2 + 20 * M }),
    conversationEvent('conversation.resolved', c2r),
    sla('sla.met', { conversation: c2r, ticket: null }, 'resolution', t2 + 30 * M),
    survey('survey.sent', c2.id, 'csat', t2 + 35 * M),
    survey('survey.answered', c2.id, 'csat', t2 + 40 * M, 2),
    survey('survey.answered', c2.id, 'nps', t2 + 41 * M, 9),
  );

  // c3: moved to a team while queued (a transfer, not an assignment), then abandoned; on the
  // boundary of the narrow ranges.
  const c3 = base('c3', T + 2 * H, { priority: 'low' });
  const c3t = next(c3, { team: 'vip', transferCount: 1, updatedAt: T + 2 * H + 2 * M });
  log.push(
    conversationEvent('conversation.started', c3),
    say(c3.id, 1, customer, T + 2 * H),
    {
      type: 'conversation.transferred',
      at: c3t.updatedAt,
      subject: about('conversation', c3.id),
      data: {
        conversation: c3t,
        fromAgentId: null,
        toAgentId: null,
        toTeam: 'vip',
        reason: null,
        by: null,
      },
    },
    conversationEvent(
      'conversation.abandoned',
      next(c3t, {
        status: 'abandoned',
        abandonedAt: T + 2 * H + 5 * M,
        updatedAt: T + 2 * H + 5 * M,
      }),
    ),
  );

  // c5: created before the first day's ranges, still with the bot; its snapshot knows a first
  // response the log has no message for.
  const c5 = base('c5', T - 3 * H, { channel: 'email', status: 'bot', queuedAt: null });
  log.push(
    conversationEvent('conversation.started', c5),
    conversationEvent('conversation.pending', next(c5, { firstResponseAt: T - 2 * H })),
  );

  // c6: resolved, reopened, resolved again; a ticket's SLA clock (no conversation) breached.
  const t6 = T + 2 * H + 30 * M;
  const c6 = base('c6', t6, { channel: 'phone' });
  const c6a = next(c6, { status: 'active', assigneeId: 'agt_li', updatedAt: t6 + M });
  const c6r = next(c6a, { status: 'resolved', resolvedAt: t6 + 20 * M, updatedAt: t6 + 20 * M });
  const c6o = next(c6r, { status: 'active', reopenCount: 1, updatedAt: t6 + 40 * M });
  const c6rr = next(c6o, { status: 'resolved', resolvedAt: t6 + 50 * M, updatedAt: t6 + 50 * M });
  const ticketOf6 = makeTicket({ conversationIds: [c6.id], repeat: true, createdAt: t6 + 5 * M });
  log.push(
    conversationEvent('conversation.started', c6),
    assigned(c6a),
    say(c6.id, 1, customer, t6 + 2 * M),
    say(c6.id, 2, agent('agt_li'), t6 + 3 * M),
    // Met late, with no sla.breached in the log: still a breach.
    sla('sla.met', { conversation: c6a, ticket: null }, 'firstResponse', t6 + 3 * M, true),
    // Clock skew: the wait starts at the first unanswered message in seq order (not the
    // earliest stamp), and a reply stamped before it counts as 0, not negative.
    say(c6.id, 3, customer, t6 + 10 * M),
    say(c6.id, 4, customer, t6 + 8 * M),
    say(c6.id, 5, agent('agt_li'), t6 + 9 * M),
    conversationEvent('conversation.resolved', c6r),
    conversationEvent('conversation.pending', c6o),
    conversationEvent('conversation.resolved', c6rr),
    ticketEvent(ticketOf6),
    sla(
      'sla.breached',
      { conversation: null, ticket: { ...ticketOf6, version: 2 } },
      'resolution',
      t6 + H,
    ),
  );

  // c4: the next day, still open; a higher version logged before a lower one; tickets that
  // move to it, move away from being complaints, or never were.
  const t4 = T + 25 * H;
  const c4 = base('c4', t4, { channel: 'app', team: 'vip', topic: 'payment' });
  const c4a = next(c4, { status: 'active', assigneeId: 'agt_li', updatedAt: t4 + M });
  const c4u = next(c4a, { priority: 'urgent', updatedAt: t4 + 2 * M });
  const moved = makeTicket({ conversationIds: [c5.id], createdAt: t4 });
  const refund = makeTicket({ conversationIds: [c4.id], createdAt: t4 });
  log.push(
    conversationEvent('conversation.started', c4),
    conversationEvent('conversation.pending', c4u),
    assigned(c4a),
    say(c4.id, 1, customer, t4 + 3 * M),
    ticketEvent(makeTicket({ conversationIds: [c4.id], repeat: true, createdAt: t4 })),
    ticketEvent(makeTicket({ kind: 'return', conversationIds: [c4.id], createdAt: t4 })),
    ticketEvent(moved),
    ticketEvent({ ...moved, conversationIds: [c4.id, c5.id], version: 2, updatedAt: t4 + M }),
    ticketEvent(refund),
    ticketEvent({ ...refund, kind: 'refund', version: 2, updatedAt: t4 + M }),
    survey('survey.answered', c4.id, 'nps', t4 + 10 * M, 3),
    survey('survey.answered', c4.id, 'ces', t4 + 11 * M, 4),
    survey('survey.sent', null, 'csat', t4 + 12 * M),
    say('conv_metrics_orphan', 1, customer, t4),
  );

  // c7: the third day, handled by the agent called `unassigned`.
  const t7 = T + 50 * H;
  const c7 = base('c7', t7, { channel: 'social' });
  const c7a = next(c7, { status: 'active', assigneeId: 'unassigned', updatedAt: t7 + M });
  log.push(
    conversationEvent('conversation.started', c7),
    assigned(c7a),
    say(c7.id, 1, customer, t7),
    say(c7.id, 2, agent('unassigned'), t7 + 2 * M),
    conversationEvent(
      'conversation.resolved',
      next(c7a, { status: 'resolved', resolvedAt: t7 + 5 * M, updatedAt: t7 + 5 * M }),
    ),
  );
  return log;
}

const GROUPINGS: ReportQuery['groupBy'][] = [
  [],
  ['agent'],
  ['team'],
  ['channel'],
  ['priority'],
  ['category'],
  ['day'],
  ['hour'],
  ['agent', 'day'],
  ['channel', 'priority', 'hour'],
];

/** The ranges the check runs: everything, a day, narrow ones on boundaries, an empty one. */
export const METRICS_RANGES = {
  all: { from: T - 24 * H, to: T + 96 * H },
  // Has c5 but not c4: the complaint that moved from c5 to c4 counts for neither.
  early: { from: T - 4 * H, to: T + 3 * H },
  firstDay: { from: T - H, to: T + 15 * H },
  boundaries: { from: T + H, to: T + 2 * H },
  presenceCut: { from: T + 2 * H, to: T + 27 * H },
  // Starts on agt_li's two changes of the same instant and version.
  lateStart: { from: T + 3 * H, to: T + 60 * H },
  narrow: { from: T + 30 * M, to: T + 2 * H + M },
  empty: { from: T + 200 * H, to: T + 201 * H },
} as const;

/** Every grouping over every range; day and hour also in Shanghai. */
export function metricsQueries(): ReportQuery[] {
  const queries: ReportQuery[] = [];
  for (const range of Object.values(METRICS_RANGES)) {
    for (const groupBy of GROUPINGS) {
      queries.push(ReportQuerySchema.parse({ ...range, groupBy }));
      if (groupBy.some((key) => key === 'day' || key === 'hour')) {
        queries.push(ReportQuerySchema.parse({ ...range, groupBy, timeZone: 'Asia/Shanghai' }));
      }
    }
  }
  return queries;
}
