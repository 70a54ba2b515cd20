import { DEFAULT_SCORECARD } from '@kefu/core';
import { AGENT_CALL_METHODS, type AgentCallMethod } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import type { AgentSubject } from './authorization';
import {
  agent,
  customer,
  type GatewayFixture,
  openRaw,
  rawGatewayPerTest,
} from './gateway-test-setup';

const gateway = rawGatewayPerTest();
let fixture: GatewayFixture;

/** 李 (agt_li) serves 林 (cus_lin) only; 王 (agt_wang) serves everyone. */
const scoped = (agentId: string, subject: AgentSubject) =>
  agentId !== 'agt_li' || subject.customerId === 'cus_lin';

/** What is stored, so a refusal can be shown to change nothing. */
async function storedState(f: GatewayFixture, ticketId: string) {
  return {
    position: await f.desk.events.lastPosition(),
    ticket: await f.desk.tickets.get(ticketId),
    conversations: (await f.desk.conversations.list({ limit: 100 })).items.length,
  };
}

describe("gateway: an agent's scope covers every call that touches a customer's data", () => {
  it('walks the whole call allow-list as an agent restricted to another customer', async () => {
    fixture = await gateway.start(
      // Every call allowed (privileged ones too), so only the customer scope can refuse.
      { authorizeAgent: scoped, authorizeCall: () => true },
      { surveys: { enabled: true, delayMs: 0 } },
    );
    const { desk } = fixture;
    // An admin, so that no role refuses anything either: only the customer scope does.
    await desk.agents.upsert({ id: 'agt_li', name: '李售后', role: 'admin', presence: 'online' });
    const amyOpen = await desk.conversations.start({
      customerId: 'cus_amy',
      clientId: 'c_amy_open1',
    });
    const amyChat = await desk.conversations.start({
      customerId: 'cus_amy',
      clientId: 'c_amy_scope1',
      message: { text: 'Where is my order?', clientId: 'm_amy_scope1' },
    });
    await desk.conversations.assign({ conversationId: amyChat.id, agentId: 'agt_wang' });
    await desk.conversations.resolve({ conversationId: amyChat.id });
    await desk.jobs.runDue();
    expect(await desk.surveys.get({ conversationId: amyChat.id })).not.toBeNull();
    const amyTicket = await desk.tickets.create({
      kind: 'delivery',
      subject: 'Parcel missing',
      customerId: 'cus_amy',
      conversationId: amyChat.id,
      by: { kind: 'agent', id: 'agt_wang' },
    });
    const linChat = await desk.conversations.start({
      customerId: 'cus_lin',
      clientId: 'c_lin_scope1',
    });
    const linTicket = await desk.tickets.create({
      kind: 'refund',
      subject: '退款',
      customerId: 'cus_lin',
      by: { kind: 'agent', id: 'agt_wang' },
    });

    const amyReview = await desk.quality.start({
      conversationId: amyChat.id,
      reviewerId: 'agt_li',
      scorecard: DEFAULT_SCORECARD,
    });
    const on = { conversationId: amyChat.id };
    const review = { reviewId: amyReview.id };
    const ticket = { ticketId: amyTicket.id };
    /** An input aimed at 林's neighbour Amy, for every method (the type makes the list complete). */
    const outOfScope: Record<AgentCallMethod, Record<string, unknown> | null> = {
      'conversations.get': on,
      'conversations.list': { customerId: 'cus_amy' },
      'conversations.setPriority': { ...on, priority: 'high' },
      'conversations.tag': { ...on, add: ['vip'] },
      'customers.get': { customerId: 'cus_amy' },
      'orders.lookup': { orderRef: 'SO-20261111-0042', customerId: 'cus_amy' },
      'tickets.create': { kind: 'refund', subject: 'x', customerId: 'cus_amy' },
      'tickets.get': ticket,
      'tickets.list': { customerId: 'cus_amy' },
      'tickets.triage': { ...ticket, severity: 'high' },
      'tickets.start': ticket,
      'tickets.awaitCustomer': ticket,
      'tickets.awaitThirdParty': ticket,
      'tickets.resume': ticket,
      'tickets.propose': { ...ticket, resolution: { kind: 'explanation', text: 'sorry' } },
      'tickets.resolve': ticket,
      'tickets.close': ticket,
      'tickets.cancel': { ...ticket, reason: 'x' },
      'tickets.escalate': { ...ticket, reason: 'x' },
      'tickets.addNote': { ...ticket, text: 'peeking' },
      'knowledge.suggestFor': on,
      'surveys.get': on,
      'privacy.reveal': { ...on, messageId: 'msg_any', spanIndex: 0 },
      'privacy.audit': { customerId: 'cus_amy' },
      'privacy.erase': { customerId: 'cus_amy', reason: 'peeking' },
      'supervision.watch': on,
      'supervision.whisper': { conversationId: amyOpen.id, text: 'peeking' },
      'supervision.bargeIn': { conversationId: amyOpen.id },
      'supervision.reassign': { conversationId: amyOpen.id, toAgentId: 'agt_wang' },
      // A list: filtered to the conversations in scope (below).
      'supervision.live': null,
      // No customer's data: left to authorizeCall, and allowed here.
      'knowledge.search': null,
      'knowledge.suggest': null,
      'metrics.snapshot': null,
      'metrics.report': null,
      'agents.list': null,
      // Reviews of Amy's conversation: outside 李's scope, though 李 is an admin.
      'quality.start': on,
      'quality.score': { ...review, scores: { greeting: 100 } },
      'quality.submit': review,
      'quality.resolve': { ...review, outcome: 'upheld' },
      'quality.get': review,
      // Lists: filtered to the conversations in scope (below). The rest holds no customer's data,
      // and a plain agent's refusals are in gateway-quality.test.ts.
      'quality.list': null,
      'quality.sample': null,
      'quality.scorecards': null,
      'quality.report': null,
      'quality.dispute': null,
      'incidents.current': null,
      'incidents.history': null,
      'incidents.start': null,
      'incidents.end': null,
    };
    expect(Object.keys(outOfScope).sort()).toEqual([...AGENT_CALL_METHODS].sort());

    const li = await openRaw(fixture.url, agent('token-li'));
    gateway.track(li);
    const before = await storedState(fixture, amyTicket.id);
    let refused = 0;
    for (const method of AGENT_CALL_METHODS) {
      const input = outOfScope[method];
      if (!input) continue;
      li.send({ type: 'call', id: method, method, input });
      const answer = await Promise.race([
        li.next('error', (f) => f.id === method),
        li.next('ack', (f) => f.id === method),
      ]);
      expect(answer, method).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
      refused++;
    }
    expect(refused).toBe(34);
    li.send({ type: 'call', id: 'survey-by-ticket', method: 'surveys.get', input: ticket });
    expect(await li.next('error', (f) => f.id === 'survey-by-ticket')).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await storedState(fixture, amyTicket.id)).toEqual(before);

    // The same agent is served on 林's data, and on calls without customer data.
    const inScope: Array<[AgentCallMethod, Record<string, unknown>]> = [
      ['conversations.get', { conversationId: linChat.id }],
      ['customers.get', { customerId: 'cus_lin' }],
      ['tickets.get', { ticketId: linTicket.id }],
      ['tickets.addNote', { ticketId: linTicket.id, text: '已核实' }],
      ['knowledge.search', { query: '退款' }],
      ['knowledge.suggest', { query: '退' }],
      ['metrics.snapshot', {}],
      ['metrics.report', { from: 0, to: Date.now() }],
      ['agents.list', {}],
    ];
    for (const [method, input] of inScope) {
      li.send({ type: 'call', id: `ok-${method}`, method, input });
      const answer = await Promise.race([
        li.next('error', (f) => f.id === `ok-${method}`),
        li.next('ack', (f) => f.id === `ok-${method}`),
      ]);
      expect(answer, method).toMatchObject({ type: 'ack' });
    }

    // Lists are filtered to what the agent may see.
    li.send({ type: 'call', id: 'all-tickets', method: 'tickets.list', input: {} });
    const tickets = await li.next('ack', (f) => f.id === 'all-tickets');
    expect((tickets.result as { items: Array<{ id: string }> }).items.map((t) => t.id)).toEqual([
      linTicket.id,
    ]);
    li.send({ type: 'call', id: 'live', method: 'supervision.live', input: {} });
    const live = await li.next('ack', (f) => f.id === 'live');
    expect((live.result as Array<{ conversationId: string }>).map((r) => r.conversationId)).toEqual(
      [linChat.id],
    );
    expect((await desk.supervision.live()).map((r) => r.conversationId).sort()).toEqual(
      [amyOpen.id, linChat.id].sort(),
    );
    li.send({ type: 'call', id: 'reviews', method: 'quality.list', input: {} });
    const reviews = await li.next('ack', (f) => f.id === 'reviews');
    expect(reviews.result).toEqual([]);
    expect((await desk.quality.list()).map((r) => r.id)).toEqual([amyReview.id]);
    li.send({ type: 'call', id: 'all-chats', method: 'conversations.list', input: {} });
    const chats = await li.next('ack', (f) => f.id === 'all-chats');
    expect((chats.result as { items: Array<{ id: string }> }).items.map((c) => c.id)).toEqual([
      linChat.id,
    ]);
  });

  it('keeps out-of-scope conversations out of the inbox, live and on request', async () => {
    fixture = await gateway.start({
      authorizeAgent: async (agentId, subject) => scoped(agentId, subject),
    });
    const li = await openRaw(fixture.url, agent('token-li'));
    const wang = await openRaw(fixture.url, agent('token-wang'));
    gateway.track(li);
    gateway.track(wang);
    li.send({ type: 'inbox', id: 'i' });
    wang.send({ type: 'inbox', id: 'i' });
    await li.next('ack', (f) => f.id === 'i');
    await wang.next('ack', (f) => f.id === 'i');
    const amy = await openRaw(fixture.url, customer('cus_amy'));
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    gateway.track(amy);
    gateway.track(lin);
    amy.send({ type: 'start', id: 's', clientId: 'c_amy_inbox1', message: { text: 'hello' } });
    const amyChat = (await amy.next('ack', (f) => f.id === 's')).conversation?.id;
    lin.send({ type: 'start', id: 's', clientId: 'c_lin_inbox1', message: { text: '你好' } });
    const linChat = (await lin.next('ack', (f) => f.id === 's')).conversation?.id;
    // Both conversations reach 王; 李 hears only 林's.
    await wang.next('conversation', (f) => f.conversation.id === linChat);
    await wang.next('conversation', (f) => f.conversation.id === amyChat);
    await li.next('conversation', (f) => f.conversation.id === linChat);
    expect(li.frames.some((f) => f.type === 'conversation' && f.conversation.id === amyChat)).toBe(
      false,
    );
    li.send({ type: 'inbox', id: 'again' });
    const inbox = await li.next('ack', (f) => f.id === 'again');
    expect(inbox.conversations?.map((c) => c.id)).toEqual([linChat]);
    li.send({ type: 'subscribe', id: 'peek', conversationId: amyChat ?? '' });
    expect(await li.next('error', (f) => f.id === 'peek')).toMatchObject({ code: 'FORBIDDEN' });
  });
});
