import { describe, expect, it } from 'vitest';
import {
  agent,
  codeOf,
  customer,
  type GatewayFixture,
  gatewayPerTest,
  openRaw,
  until,
} from './gateway-test-setup';

const gateway = gatewayPerTest();
let fixture: GatewayFixture;

const connect = gateway.connect;

describe('gateway: agent inbox and conversation actions', () => {
  it('keeps each agent inbox live as conversations queue, get claimed and resolve', async () => {
    fixture = await gateway.start();
    const wang = connect(agent('token-wang'));
    const li = connect(agent('token-li'));
    const lin = connect(customer('cus_lin'));
    const first = await lin.startConversation({ text: '我的糖果什么时候到？' });

    expect((await wang.listConversations()).map((c) => c.id)).toEqual([first.id]);
    await li.listConversations();
    const wire = wang.getSnapshot().conversations[first.id]?.conversation;
    expect(wire?.details).toMatchObject({ channel: 'web', priority: 'normal', slaState: 'ok' });

    // A new conversation enters both inboxes live.
    const amy = connect(customer('cus_amy'));
    const second = await amy.startConversation({ text: 'Where is my order?' });
    await until(() => wang.getSnapshot().inbox?.includes(second.id));
    await until(() => li.getSnapshot().inbox?.includes(second.id));

    // Wang claims it: it stays in his inbox and leaves Li's.
    const claimed = await wang.act(second.id, 'claim');
    expect(claimed).toMatchObject({ status: 'active', assigneeId: 'agt_wang' });
    await until(() => !li.getSnapshot().inbox?.includes(second.id));
    expect(wang.getSnapshot().inbox).toContain(second.id);

    // Transfer to Li: it moves across.
    await wang.act(second.id, 'transfer', { toAgentId: 'agt_li', reason: '售后问题' });
    await until(() => li.getSnapshot().inbox?.includes(second.id));
    await until(() => !wang.getSnapshot().inbox?.includes(second.id));

    // Messages carry the agent's display name.
    li.watch(second.id);
    li.send(second.id, '您好，我是售后。');
    const reply = await until(() =>
      amy
        .getSnapshot()
        .conversations[second.id]?.messages.find((m) => m.text === '您好，我是售后。'),
    );
    expect(reply.authorName).toBe('李售后');

    // Li resolves it: it leaves her inbox; the customer sees the status but no agent details.
    await li.act(second.id, 'resolve');
    await until(() => !li.getSnapshot().inbox?.includes(second.id));
    await until(
      () => amy.getSnapshot().conversations[second.id]?.conversation?.status === 'resolved',
    );
    expect(amy.getSnapshot().conversations[second.id]?.conversation?.details).toBeUndefined();
    expect((await fixture.desk.conversations.get({ conversationId: second.id }))?.status).toBe(
      'resolved',
    );
  });

  it('keeps the inbox and the customer tickets live across a reconnect', async () => {
    fixture = await gateway.start();
    const wang = connect(agent('token-wang'));
    const lin = connect(customer('cus_lin'));
    await wang.listConversations();
    await lin.loadTickets();
    const statuses: string[] = [];
    wang.subscribe(() => statuses.push(wang.getSnapshot().status));
    expect(fixture.killSockets()).toBe(2);
    await until(() => statuses.includes('reconnecting') && wang.getSnapshot().status === 'open');
    await until(() => lin.getSnapshot().status === 'open');

    // Both follow again on their new connections.
    const chat = await lin.startConversation({ text: '断线以后还在吗？' });
    await until(() => wang.getSnapshot().inbox?.includes(chat.id));
    const ticket = await wang.call<{ id: string }>('tickets.create', {
      kind: 'complaint',
      subject: '重连后的工单',
      customerId: 'cus_lin',
      conversationId: chat.id,
    });
    await until(() => lin.getSnapshot().tickets[ticket.id]?.status === 'new');
  });

  it('pushes the live desk to agents who watch it', async () => {
    fixture = await gateway.start();
    const li = connect(agent('token-li'));
    const lin = gateway.connectWithAgentClient(customer('cus_lin'));
    expect(await li.watchMetrics()).toMatchObject({ queueLength: 0, agentsOnline: 2 });
    expect(await codeOf(lin.watchMetrics())).toBe('FORBIDDEN');
    await lin.startConversation({ text: '排队的人多吗？' });
    await until(() => li.getSnapshot().metrics?.queueLength === 1);
    await fixture.desk.agents.setPresence({ agentId: 'agt_wang', presence: 'offline' });
    await until(() => li.getSnapshot().metrics?.agentsOnline === 1);
    expect(lin.getSnapshot().metrics).toBeNull();
  });

  it('lets an agent claim the next queued conversation and set presence', async () => {
    fixture = await gateway.start();
    const wang = connect(agent('token-wang'));
    const lin = connect(customer('cus_lin'));
    expect(await wang.claimNext()).toBeNull();
    const started = await lin.startConversation({ text: '可以退货吗？' });
    expect(await wang.claimNext()).toMatchObject({ id: started.id, assigneeId: 'agt_wang' });
    await wang.setPresence('away');
    expect((await fixture.desk.agents.get('agt_wang'))?.presence).toBe('away');
  });

  it('refuses conversation actions from customers and malformed actions, changing nothing', async () => {
    fixture = await gateway.start();
    const lin = gateway.connectWithAgentClient(customer('cus_lin'));
    const started = await lin.startConversation({ text: '你好' });
    expect(await codeOf(lin.act(started.id, 'claim'))).toBe('FORBIDDEN');
    expect(await codeOf(lin.setPresence('online'))).toBe('FORBIDDEN');

    const raw = await openRaw(fixture.url, agent('token-wang'));
    raw.send({ type: 'act', id: 'x1', conversationId: started.id, action: 'transfer' });
    expect((await raw.next('error', (f) => f.id === 'x1')).code).toBe('VALIDATION');
    const unknownAction: Record<string, unknown> = { action: 'explode' };
    raw.send({ type: 'act', id: 'x2', conversationId: started.id, ...unknownAction });
    expect((await raw.next('error', (f) => f.id === 'x2')).code).toBe('VALIDATION');
    raw.close();
    expect((await fixture.desk.conversations.get({ conversationId: started.id }))?.status).toBe(
      'queued',
    );
  });
});

describe('gateway: what customers see of their desk', () => {
  it('lists only their own conversations, newest first', async () => {
    fixture = await gateway.start();
    const lin = gateway.connectWithAgentClient(customer('cus_lin'));
    const amy = connect(customer('cus_amy'));
    const a = await lin.startConversation({ text: '第一次' });
    await fixture.desk.conversations.resolve({ conversationId: a.id }).catch(() => {});
    const b = await lin.startConversation({ text: '第二次' });
    await amy.startConversation({ text: 'mine' });
    const listed = await lin.listConversations();
    expect(listed.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(listed.every((c) => c.customerId === 'cus_lin' && c.details === undefined)).toBe(true);
    expect(lin.getSnapshot().inbox).toBeNull();
  });

  it('tells a queued customer their place and wait, and when they leave the queue', async () => {
    fixture = await gateway.start();
    const amy = connect(customer('cus_amy'));
    const lin = connect(customer('cus_lin'));
    const first = await amy.startConversation({ text: 'first in line' });
    const mine = await lin.startConversation({ text: '我排第几？' });
    // Both may start within one millisecond; a higher priority puts Amy's first for certain.
    await fixture.desk.conversations.setPriority({ conversationId: first.id, priority: 'high' });
    await fixture.desk.routing.refreshQueue();
    await until(() => lin.getSnapshot().conversations[mine.id]?.queue?.position === 2);
    await fixture.desk.conversations.assign({ conversationId: mine.id, agentId: 'agt_wang' });
    await fixture.desk.routing.refreshQueue();
    await until(() => lin.getSnapshot().conversations[mine.id]?.queue === null);
  });

  it('reports whether anyone can answer now', async () => {
    fixture = await gateway.start();
    const lin = connect(customer('cus_lin'));
    expect(await lin.deskStatus()).toEqual({
      open: true,
      nextOpeningAt: null,
      agentsOnline: 2,
      acceptingNow: true,
    });
    const overHttp = await fetch(`${fixture.httpUrl}/status`);
    expect(await overHttp.json()).toMatchObject({ open: true, agentsOnline: 2 });
    await fixture.desk.agents.setPresence({ agentId: 'agt_wang', presence: 'offline' });
    await fixture.desk.agents.setPresence({ agentId: 'agt_li', presence: 'offline' });
    expect(await lin.deskStatus()).toMatchObject({ agentsOnline: 0, acceptingNow: false });
  });

  it('sends the survey after resolution and takes one answer, from its customer only', async () => {
    fixture = await gateway.start({}, { surveys: { enabled: true, delayMs: 0 } });
    const lin = connect(customer('cus_lin'));
    const amy = connect(customer('cus_amy'));
    const started = await lin.startConversation({ text: '谢谢' });
    await fixture.desk.conversations.assign({ conversationId: started.id, agentId: 'agt_wang' });
    await fixture.desk.conversations.resolve({ conversationId: started.id });
    await fixture.desk.jobs.runDue();
    const survey = await until(() => {
      const sent = lin.getSnapshot().conversations[started.id]?.survey;
      return sent?.status === 'sent' ? sent : undefined;
    });
    expect(survey).toMatchObject({ kind: 'csat', status: 'sent', scale: { min: 1, max: 5 } });
    expect(survey.questions[0]?.text['zh-CN']).toBe('您对本次服务满意吗？');

    expect(await codeOf(amy.rate(started.id, { answers: { overall: 1 } }))).toBe('FORBIDDEN');
    const answered = await lin.rate(started.id, { answers: { overall: 5 }, comment: '很快！' });
    expect(answered).toMatchObject({ status: 'answered', score: 5, comment: '很快！' });
    expect(await codeOf(lin.rate(started.id, { answers: { overall: 1 } }))).toBe(
      'INVALID_TRANSITION',
    );
    expect((await fixture.desk.surveys.get({ conversationId: started.id }))?.score).toBe(5);
  });
});

describe('gateway: tickets over the wire', () => {
  it('carries a delivery ticket from agent to customer, never leaking internal notes', async () => {
    fixture = await gateway.start();
    const wang = connect(agent('token-wang'));
    const lin = gateway.connectWithAgentClient(customer('cus_lin'));
    const amy = connect(customer('cus_amy'));
    const chat = await lin.startConversation({ text: '快递一直没到' });
    expect(await lin.loadTickets()).toEqual([]);

    const ticket = await wang.call<{ id: string; history: { actor: { id: string } }[] }>(
      'tickets.create',
      {
        kind: 'delivery',
        subject: '包裹未送达',
        customerId: 'cus_lin',
        conversationId: chat.id,
        // Whoever the caller claims to be, the gateway records the signed-in agent.
        by: { kind: 'agent', id: 'agt_li' },
      },
    );
    expect(ticket.history[0]?.actor.id).toBe('agt_wang');
    wang.watch(chat.id);
    await until(() => lin.getSnapshot().tickets[ticket.id]?.status === 'new');

    await wang.call('tickets.addNote', { ticketId: ticket.id, text: '快递员说地址写错了（内部）' });
    await wang.call('tickets.triage', { ticketId: ticket.id, department: 'logistics' });
    await wang.call('tickets.start', { ticketId: ticket.id });
    await wang.call('tickets.propose', {
      ticketId: ticket.id,
      resolution: { type: 'compensation', form: 'coupon', value: 1000, currency: 'CNY' },
      message: '补偿您一张 10 元优惠券',
    });
    const proposed = await until(() => {
      const view = lin.getSnapshot().tickets[ticket.id];
      return view?.status === 'resolution_proposed' ? view : undefined;
    });
    expect(proposed.proposal).toMatchObject({ type: 'compensation', value: 1000 });
    expect(JSON.stringify(lin.getSnapshot().tickets)).not.toContain('地址写错了');
    expect(JSON.stringify(proposed)).not.toMatch(/logistics|agt_wang|severity/);

    expect(await codeOf(amy.respondToTicket(ticket.id, { accept: true }))).toBe('FORBIDDEN');
    expect(await codeOf(lin.call('tickets.get', { ticketId: ticket.id }))).toBe('FORBIDDEN');
    const accepted = await lin.respondToTicket(ticket.id, { accept: true, message: '好的' });
    expect(accepted.status).toBe('resolved');
    // Wang watches the ticket's conversation: the customer's answer reaches him at once, whole.
    const pushed = await until(() => {
      const whole = wang.getSnapshot().agentTickets[ticket.id];
      return whole?.status === 'resolved' ? whole : undefined;
    });
    expect(JSON.stringify(pushed.history)).toContain('地址写错了');
    expect(lin.getSnapshot().agentTickets).toEqual({});
    expect((await fixture.desk.tickets.get(ticket.id))?.status).toBe('resolved');
  });

  it('refuses calls outside the allow-list or refused by authorizeCall', async () => {
    fixture = await gateway.start({
      authorizeCall: (agentId, method) => agentId === 'agt_li' || !method.startsWith('metrics.'),
    });
    const wang = connect(agent('token-wang'));
    const li = connect(agent('token-li'));
    expect(await codeOf(wang.call('metrics.snapshot'))).toBe('FORBIDDEN');
    expect(await codeOf(wang.watchMetrics())).toBe('FORBIDDEN');
    expect(await li.call('metrics.snapshot')).toMatchObject({ agentsOnline: 2 });
    const raw = await openRaw(fixture.url, agent('token-wang'));
    const unknownMethod: Record<string, unknown> = { method: 'storage.drop' };
    raw.send({ type: 'call', id: 'c1', input: {}, ...unknownMethod });
    expect((await raw.next('error', (f) => f.id === 'c1')).code).toBe('VALIDATION');
    raw.send({ type: 'call', id: 'c2', method: 'tickets.create', input: { kind: 'refund' } });
    expect((await raw.next('error', (f) => f.id === 'c2')).code).toBe('VALIDATION');
    raw.close();
    expect((await fixture.desk.tickets.list()).items).toEqual([]);
  });
});
