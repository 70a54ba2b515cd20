import type { AgentCallMethod, ServerFrame } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import {
  agent,
  authenticateTestAgent,
  codeOf,
  connectClient,
  customer,
  openRaw,
  type RawSocket,
  rawGatewayPerTest,
  until,
} from './gateway-test-setup';
import { createWebhookDispatcher } from './webhooks';

const gateway = rawGatewayPerTest();
const WHISPER = '先道歉，再查物流单号';

/** 王 (candy) and 李 (after-sales) are agents; 赵 is a supervisor; 钱 is an admin. */
async function startSupervised(options: { enforceRoles?: boolean } = {}) {
  const fixture = await gateway.start({
    ...options,
    authenticate: async (request) => {
      if (request.token === 'token-zhao') return { agentId: 'agt_zhao' };
      if (request.token === 'token-qian') return { agentId: 'agt_qian' };
      return authenticateTestAgent(request);
    },
  });
  const { desk } = fixture;
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', teams: ['candy'] });
  await desk.agents.upsert({ id: 'agt_li', name: '李售后', teams: ['after-sales'] });
  await desk.agents.upsert({ id: 'agt_zhao', name: '赵主管', role: 'supervisor' });
  await desk.agents.upsert({ id: 'agt_qian', name: '钱管理员', role: 'admin' });
  return fixture;
}

async function open(url: string, credentials: Parameters<typeof openRaw>[1]) {
  return gateway.track(await openRaw(url, credentials));
}

let requests = 0;
/** One `call` frame; resolves with its ack or error frame. */
async function call(socket: RawSocket, method: AgentCallMethod, input: Record<string, unknown>) {
  const id = `r${++requests}`;
  socket.send({ type: 'call', id, method, input });
  return Promise.race([
    socket.next('ack', (f) => f.id === id),
    socket.next('error', (f) => f.id === id),
  ]);
}

const texts = (frames: ServerFrame[]) =>
  frames.flatMap((f) => (f.type === 'message' ? [f.message.text] : []));

describe('gateway: whisper never reaches the customer', () => {
  it('reaches the assigned agent at once, flagged; never the customer socket, history, webhook relay or export', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const lin = await open(fixture.url, customer('cus_lin'));
    lin.send({
      type: 'start',
      id: 's',
      clientId: 'c_whisper_start',
      message: { text: '奶糖没到' },
    });
    const conversationId = (await lin.next('ack', (f) => f.id === 's')).conversation?.id ?? '';
    lin.send({ type: 'subscribe', id: 'sub', conversationId });
    await lin.next('synced', (f) => f.id === 'sub');
    await desk.conversations.assign({ conversationId, agentId: 'agt_wang' });

    const wang = await open(fixture.url, agent('token-wang'));
    wang.send({ type: 'subscribe', id: 'sub', conversationId });
    await wang.next('synced', (f) => f.id === 'sub');
    const zhao = await open(fixture.url, agent('token-zhao'));

    const relayed: string[] = [];
    const webhooks = createWebhookDispatcher({
      desk,
      endpoints: [{ id: 'relay', url: 'https://candy.test/relay', secret: 'whsec' }],
      startAfter: 0,
      fetch: (async (_url: string, init: { body: string }) => {
        relayed.push(init.body);
        return new Response(null, { status: 200 });
      }) as unknown as typeof fetch,
    });
    await webhooks.start();

    const answer = await call(zhao, 'supervision.whisper', {
      conversationId,
      text: WHISPER,
      clientId: 'c_whisper_01',
      supervisorId: 'agt_wang', // ignored: the gateway acts as the signed-in supervisor
    });
    expect(answer).toMatchObject({
      type: 'ack',
      result: { internal: true, whisper: true, author: { kind: 'agent', id: 'agt_zhao' } },
    });
    const atWang = await wang.next('message', (f) => f.message.text === WHISPER);
    expect(atWang.message).toMatchObject({ internal: true, whisper: true, authorName: '赵主管' });

    // A public reply after it: once the customer has that, the whisper would have come before.
    await desk.messages.post({
      conversationId,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '抱歉，马上为您查询',
    });
    await lin.next('message', (f) => f.message.text === '抱歉，马上为您查询');
    expect(texts(lin.frames)).toEqual(['奶糖没到', '抱歉，马上为您查询']);
    expect(JSON.stringify(lin.frames)).not.toContain(WHISPER);

    // A customer connecting later gets the backlog without it.
    const again = await open(fixture.url, customer('cus_lin'));
    again.send({ type: 'subscribe', id: 'sub', conversationId });
    await again.next('synced', (f) => f.id === 'sub');
    expect(JSON.stringify(again.frames)).not.toContain(WHISPER);

    // History over HTTP: the customer's leaves it out; the agent's has it, flagged.
    const { signature } = customer('cus_lin') as { signature: string };
    const asLin = await fetch(`${fixture.httpUrl}/conversations/${conversationId}/messages`, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': signature },
    });
    const linBody = await asLin.text();
    expect(asLin.status).toBe(200);
    expect(linBody).not.toContain(WHISPER);
    const asWang = await fetch(`${fixture.httpUrl}/conversations/${conversationId}/messages`, {
      headers: { authorization: 'Bearer token-wang' },
    });
    const wangBody = (await asWang.json()) as { messages: Array<{ text: string; whisper?: true }> };
    expect(wangBody.messages.find((m) => m.text === WHISPER)?.whisper).toBe(true);

    // The customer's export (HTTP download) leaves it out.
    const exported = await fetch(`${fixture.httpUrl}/privacy/export`, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': signature },
    });
    expect(exported.status).toBe(200);
    const exportText = await exported.text();
    expect(exportText).toContain('奶糖没到');
    expect(exportText).not.toContain(WHISPER);

    // Webhooks go to the shop's own systems: the whisper is there flagged internal, so a relay
    // that forwards public messages to the customer (docs/guides/server.md) drops it.
    await webhooks.idle();
    const whisperEvent = JSON.parse(relayed.find((body) => body.includes(WHISPER)) ?? '{}');
    expect(whisperEvent).toMatchObject({
      type: 'message.posted',
      data: { message: { internal: true, whisper: true } },
    });
    const forCustomer = relayed
      .map(
        (body) =>
          JSON.parse(body) as {
            type: string;
            data: { message?: { internal: boolean; text: string } };
          },
      )
      .filter((e) => e.type === 'message.posted' && e.data.message?.internal === false)
      .map((e) => e.data.message?.text);
    expect(forCustomer).toEqual(['奶糖没到', '抱歉，马上为您查询']);
    await webhooks.stop();
  });
});

describe('gateway: supervisor calls per role over WebSockets', () => {
  it('refuses a plain agent every supervisor call and the live view, and changes nothing', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const chat = await desk.conversations.start({
      customerId: 'cus_amy',
      clientId: 'c_role_chat1',
      message: { text: 'Refund please' },
    });
    await desk.conversations.assign({ conversationId: chat.id, agentId: 'agt_li' });
    const own = await desk.conversations.start({ customerId: 'cus_lin', clientId: 'c_role_chat2' });
    await desk.conversations.assign({ conversationId: own.id, agentId: 'agt_wang' });
    const before = await desk.events.lastPosition();

    const wang = await open(fixture.url, agent('token-wang'));
    // Not even on a conversation of their own.
    for (const conversationId of [chat.id, own.id]) {
      for (const [method, input] of [
        ['supervision.whisper', { conversationId, text: 'psst' }],
        ['supervision.bargeIn', { conversationId }],
        ['supervision.watch', { conversationId }],
        ['supervision.reassign', { conversationId, toAgentId: 'agt_wang' }],
      ] as const) {
        expect(await call(wang, method, input), method).toMatchObject({
          type: 'error',
          code: 'FORBIDDEN',
        });
      }
    }
    expect(await call(wang, 'supervision.live', {})).toMatchObject({ code: 'FORBIDDEN' });
    wang.send({ type: 'watch_supervision', id: 'live' });
    expect(await wang.next('error', (f) => f.id === 'live')).toMatchObject({ code: 'FORBIDDEN' });
    // Another agent's conversation stays out of reach: no subscribing to it.
    wang.send({ type: 'subscribe', id: 'peek', conversationId: chat.id });
    expect(await wang.next('error', (f) => f.id === 'peek')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await desk.events.lastPosition()).toBe(before);
    expect((await desk.messages.list({ conversationId: chat.id })).map((m) => m.text)).toEqual([
      'Refund please',
    ]);
  });

  it('still refuses agents the supervisor calls with roles off (the desk checks the role too)', async () => {
    const fixture = await startSupervised({ enforceRoles: false });
    const chat = await fixture.desk.conversations.start({
      customerId: 'cus_amy',
      clientId: 'c_role_off1',
    });
    const wang = await open(fixture.url, agent('token-wang'));
    expect(await call(wang, 'supervision.bargeIn', { conversationId: chat.id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    wang.send({ type: 'watch_supervision', id: 'live' });
    expect(await wang.next('error', (f) => f.id === 'live')).toMatchObject({ code: 'FORBIDDEN' });
    // Without roles, plain agents keep what they had: every conversation, metrics.report.
    expect(await call(wang, 'conversations.get', { conversationId: chat.id })).toMatchObject({
      type: 'ack',
    });
    expect(await call(wang, 'metrics.report', { from: 0, to: Date.now() })).toMatchObject({
      type: 'ack',
    });
    const zhao = await open(fixture.url, agent('token-zhao'));
    expect(await call(zhao, 'supervision.bargeIn', { conversationId: chat.id })).toMatchObject({
      type: 'ack',
      result: { assigneeId: 'agt_zhao' },
    });
  });

  it('lets a supervisor watch, barge in and reassign, with the events recorded', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const lin = await open(fixture.url, customer('cus_lin'));
    lin.send({ type: 'start', id: 's', clientId: 'c_barge_start', message: { text: '我要投诉' } });
    const conversationId = (await lin.next('ack', (f) => f.id === 's')).conversation?.id ?? '';
    lin.send({ type: 'subscribe', id: 'sub', conversationId });
    await lin.next('synced', (f) => f.id === 'sub');
    await desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
    const zhao = await open(fixture.url, agent('token-zhao'));

    // Watch: recorded, then the messages stream to the supervisor (notes included).
    expect(await call(zhao, 'supervision.watch', { conversationId })).toMatchObject({
      type: 'ack',
      result: { id: conversationId, assigneeId: 'agt_wang' },
    });
    zhao.send({ type: 'subscribe', id: 'watch', conversationId });
    await zhao.next('synced', (f) => f.id === 'watch');
    await desk.messages.post({
      conversationId,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '内部：客户很生气',
      internal: true,
    });
    await zhao.next('message', (f) => f.message.text === '内部：客户很生气');
    await desk.messages.post({
      conversationId,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '人呢？',
    });
    await zhao.next('message', (f) => f.message.text === '人呢？');

    const barged = await call(zhao, 'supervision.bargeIn', { conversationId, reason: '投诉升级' });
    expect(barged).toMatchObject({ type: 'ack', result: { assigneeId: 'agt_zhao' } });
    // The customer sees the new assignee like after any transfer, and nothing of the watch.
    await lin.next('conversation', (f) => f.conversation.assigneeId === 'agt_zhao');
    zhao.send({
      type: 'send',
      id: 'reply',
      conversationId,
      clientId: 'c_zhao_reply1',
      text: '您好，我是主管',
    });
    await zhao.next('ack', (f) => f.id === 'reply');
    await lin.next('message', (f) => f.message.text === '您好，我是主管');

    const moved = await call(zhao, 'supervision.reassign', { conversationId, toAgentId: 'agt_li' });
    expect(moved).toMatchObject({ type: 'ack', result: { assigneeId: 'agt_li' } });
    const types = (await desk.events.read({ after: 0, limit: 200 }))
      .filter((e) => e.subject.id === conversationId)
      .map((e) => e.type)
      .filter((t) => t.startsWith('conversation.'));
    expect(types).toEqual([
      'conversation.started',
      'conversation.assigned',
      'conversation.watched',
      'conversation.transferred',
      'conversation.barged_in',
      'conversation.transferred',
    ]);
    const customerFrames = JSON.stringify(lin.frames);
    expect(customerFrames).not.toContain('内部');
    expect(customerFrames).not.toContain('watched');
    // The customer's export lists the transfers, not the watch or the takeover.
    const { signature } = customer('cus_lin') as { signature: string };
    const exported = await fetch(`${fixture.httpUrl}/privacy/export`, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': signature },
    });
    const exportText = await exported.text();
    expect(exportText).toContain('conversation.transferred');
    expect(exportText).not.toContain('conversation.watched');
    expect(exportText).not.toContain('conversation.barged_in');
    expect(exportText).not.toContain('内部');
  });
});

describe('gateway: the supervisor live view (watch_supervision)', () => {
  it('sends a snapshot, then rows as conversations arrive, change, and leave', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const early = await desk.conversations.start({
      customerId: 'cus_amy',
      clientId: 'c_live_early',
    });
    const zhao = await open(fixture.url, agent('token-zhao'));
    zhao.send({ type: 'watch_supervision', id: 'live' });
    const ack = await zhao.next('ack', (f) => f.id === 'live');
    expect(ack.supervision?.map((r) => [r.conversationId, r.status, r.assigneeId])).toEqual([
      [early.id, 'queued', null],
    ]);

    const lin = await open(fixture.url, customer('cus_lin'));
    lin.send({ type: 'start', id: 's', clientId: 'c_live_start', message: { text: '你好' } });
    const id = (await lin.next('ack', (f) => f.id === 's')).conversation?.id ?? '';
    const rowOf = (
      predicate: (
        row: NonNullable<Extract<ServerFrame, { type: 'supervision' }>['row']>,
      ) => boolean,
    ) =>
      zhao.next(
        'supervision',
        (f) => f.conversationId === id && f.row !== null && predicate(f.row),
      );
    expect((await rowOf(() => true)).row).toMatchObject({ status: 'queued', sentiment: 'calm' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await rowOf((row) => row.assigneeId === 'agt_wang');
    // An angry message: the desk flags it (a tag, no conversation event); the row follows.
    lin.send({
      type: 'send',
      id: 'm',
      conversationId: id,
      clientId: 'c_live_angry',
      text: '太差了！！一周都没到',
    });
    expect((await rowOf((row) => row.sentiment === 'angry')).row?.lastSeq).toBe(2);
    await desk.conversations.resolve({ conversationId: id });
    await zhao.next('supervision', (f) => f.conversationId === id && f.row === null);
    // The customer never hears any of it.
    expect(lin.frames.some((f) => (f.type as string) === 'supervision')).toBe(false);
  });

  it('limits a watch to some teams, and keeps out what authorizeAgent refuses', async () => {
    const fixture = await gateway.start({
      authenticate: async (request) =>
        request.token === 'token-zhao' ? { agentId: 'agt_zhao' } : authenticateTestAgent(request),
      authorizeAgent: (_agentId, subject) => subject.customerId !== 'cus_amy',
    });
    const { desk } = fixture;
    await desk.agents.upsert({ id: 'agt_zhao', name: '赵主管', role: 'supervisor' });
    const candy = await desk.conversations.start({ customerId: 'cus_lin', team: 'candy' });
    await desk.conversations.start({ customerId: 'cus_lin', team: 'after-sales' });
    await desk.conversations.start({ customerId: 'cus_amy', team: 'candy' });
    const zhao = await open(fixture.url, agent('token-zhao'));
    zhao.send({ type: 'watch_supervision', id: 'live', teams: ['candy'] });
    const ack = await zhao.next('ack', (f) => f.id === 'live');
    expect(ack.supervision?.map((r) => r.conversationId)).toEqual([candy.id]);
    const hidden = await desk.conversations.start({ customerId: 'cus_amy', team: 'candy' });
    const shown = await desk.conversations.start({ customerId: 'cus_lin', team: 'candy' });
    await zhao.next('supervision', (f) => f.conversationId === shown.id);
    expect(
      zhao.frames.some((f) => f.type === 'supervision' && f.conversationId === hidden.id),
    ).toBe(false);
  });
});

describe('gateway: a supervisor demoted while watching', () => {
  it('ends the live view with supervision_ended, and sends no row after it', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const zhao = await open(fixture.url, agent('token-zhao'));
    zhao.send({ type: 'watch_supervision', id: 'live' });
    await zhao.next('ack', (f) => f.id === 'live');
    const first = await desk.conversations.start({ customerId: 'cus_lin' });
    await zhao.next('supervision', (f) => f.conversationId === first.id);
    // A role change that keeps the right (an admin may watch) ends nothing.
    await desk.agents.upsert({ id: 'agt_zhao', role: 'admin' });
    const second = await desk.conversations.start({ customerId: 'cus_lin' });
    await zhao.next('supervision', (f) => f.conversationId === second.id);
    expect(zhao.frames.some((f) => f.type === 'supervision_ended')).toBe(false);

    await desk.agents.upsert({ id: 'agt_zhao', role: 'agent' });
    expect(await zhao.next('supervision_ended')).toEqual({
      type: 'supervision_ended',
      reason: 'role',
    });
    const ended = zhao.frames.length;
    const third = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: first.id, agentId: 'agt_wang' });
    // Another watcher, still a supervisor, hears both changes: zhao's socket heard neither.
    const qian = await open(fixture.url, agent('token-qian'));
    qian.send({ type: 'watch_supervision', id: 'live2' });
    const rows = (await qian.next('ack', (f) => f.id === 'live2')).supervision ?? [];
    expect(rows.map((r) => r.conversationId)).toContain(third.id);
    expect(zhao.frames.slice(ended).filter((f) => f.type === 'supervision')).toEqual([]);
    // Watching again is refused now.
    zhao.send({ type: 'watch_supervision', id: 'again' });
    expect((await zhao.next('error', (f) => f.id === 'again')).code).toBe('FORBIDDEN');
  });

  it('clears the live view of @kefu/client/agent, which does not ask again on reconnect', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const zhao = gateway.track(connectClient(fixture.url, agent('token-zhao')));
    await until(() => zhao.getSnapshot().status === 'open');
    const conversation = await desk.conversations.start({ customerId: 'cus_lin' });
    await zhao.watchSupervision();
    await until(() => zhao.getSnapshot().supervision?.[conversation.id] !== undefined);
    await desk.agents.upsert({ id: 'agt_zhao', role: 'agent' });
    await until(() => zhao.getSnapshot().supervision === null);
  });

  it('drops the rows of a client demoted while it was offline, once the gateway refuses', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const zhao = gateway.track(
      connectClient(fixture.url, agent('token-zhao'), { minDelayMs: 300, random: () => 0.99 }),
    );
    await until(() => zhao.getSnapshot().status === 'open');
    const conversation = await desk.conversations.start({ customerId: 'cus_lin' });
    await zhao.watchSupervision();
    await until(() => zhao.getSnapshot().supervision?.[conversation.id] !== undefined);
    fixture.killSockets();
    await until(() => zhao.getSnapshot().status === 'reconnecting');
    await desk.agents.upsert({ id: 'agt_zhao', role: 'agent' });
    await until(() => zhao.getSnapshot().status === 'open');
    await until(() => zhao.getSnapshot().supervision === null);
  });
});

describe('gateway: privileged calls are decided by the role rule', () => {
  it('lets only admins make privileged calls with roles, and only a policy without them', async () => {
    const fixture = await startSupervised();
    const zhao = await open(fixture.url, agent('token-zhao'));
    const qian = await open(fixture.url, agent('token-qian'));
    const audit = { customerId: 'cus_lin' };
    expect(await call(zhao, 'privacy.audit', audit)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await call(qian, 'privacy.audit', audit)).toMatchObject({ type: 'ack' });
    // An admin may watch the live view as well.
    qian.send({ type: 'watch_supervision', id: 'live' });
    expect(await qian.next('ack', (f) => f.id === 'live')).toMatchObject({ supervision: [] });
  });

  it('without roles: privileged calls are refused unless authorizeCall allows them', async () => {
    const off = await startSupervised({ enforceRoles: false });
    const qian = await open(off.url, agent('token-qian'));
    expect(await call(qian, 'privacy.audit', { customerId: 'cus_lin' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const policy = await gateway.start({
      enforceRoles: false,
      authorizeCall: (agentId, method) => method !== 'privacy.erase' || agentId === 'agt_wang',
    });
    const wang = await open(policy.url, agent('token-wang'));
    const li = await open(policy.url, agent('token-li'));
    expect(await call(wang, 'privacy.audit', { customerId: 'cus_lin' })).toMatchObject({
      type: 'ack',
    });
    expect(await call(li, 'privacy.erase', { customerId: 'cus_lin', reason: 'x' })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('@kefu/client/agent: the supervisor methods against a real gateway', () => {
  it('keeps the live view in the snapshot and whispers, barges in and reassigns', async () => {
    const fixture = await startSupervised();
    const { desk } = fixture;
    const zhao = gateway.track(connectClient(fixture.url, agent('token-zhao')));
    const wang = gateway.track(connectClient(fixture.url, agent('token-wang')));
    const lin = gateway.track(connectClient(fixture.url, customer('cus_lin')));
    await until(() => zhao.getSnapshot().status === 'open');
    expect(await zhao.watchSupervision()).toEqual([]);
    const conversation = await lin.startConversation({ text: '糖果化了' });
    await until(() => zhao.getSnapshot().supervision?.[conversation.id]?.status === 'queued');
    await desk.conversations.assign({ conversationId: conversation.id, agentId: 'agt_wang' });
    await until(() => zhao.getSnapshot().supervision?.[conversation.id]?.assigneeId === 'agt_wang');

    wang.watch(conversation.id);
    await until(() => wang.getSnapshot().conversations[conversation.id]?.messages.length === 1);
    const whisper = await zhao.whisper(conversation.id, WHISPER);
    expect(whisper).toMatchObject({ whisper: true, internal: true });
    const atWang = await until(() =>
      wang.getSnapshot().conversations[conversation.id]?.messages.find((m) => m.text === WHISPER),
    );
    expect(atWang).toMatchObject({ whisper: true });

    await zhao.watchAsSupervisor(conversation.id);
    await until(() =>
      zhao.getSnapshot().conversations[conversation.id]?.messages.some((m) => m.text === WHISPER),
    );
    const taken = await zhao.bargeIn(conversation.id, { reason: '投诉' });
    expect(taken.assigneeId).toBe('agt_zhao');
    await until(
      () =>
        lin.getSnapshot().conversations[conversation.id]?.conversation?.assigneeId === 'agt_zhao',
    );
    const moved = await zhao.reassign(conversation.id, { toAgentId: 'agt_li' });
    expect(moved.assigneeId).toBe('agt_li');
    const queued = await zhao.reassign(conversation.id, { toTeam: 'after-sales' });
    expect(queued).toMatchObject({ status: 'queued', assigneeId: null });
    await until(() => zhao.getSnapshot().supervision?.[conversation.id]?.team === 'after-sales');
    await desk.conversations.assign({ conversationId: conversation.id, agentId: 'agt_li' });
    await desk.conversations.resolve({ conversationId: conversation.id });
    await until(() => zhao.getSnapshot().supervision?.[conversation.id] === undefined);
    expect(lin.getSnapshot().conversations[conversation.id]?.messages.map((m) => m.text)).toEqual([
      '糖果化了',
    ]);
    // A plain agent's client is refused.
    expect(await codeOf(wang.watchSupervision())).toBe('FORBIDDEN');
    expect(await codeOf(wang.whisper(conversation.id, 'x'))).toBe('FORBIDDEN');
  });
});
