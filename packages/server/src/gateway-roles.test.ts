import { describe, expect, it } from 'vitest';
import { agent, authenticateTestAgent, openRaw, rawGatewayPerTest } from './gateway-test-setup';

const gateway = rawGatewayPerTest();

/** 王 and 李 are plain agents (王 on the candy team, 李 on after-sales); 赵 is a supervisor. */
async function startWithRoles() {
  const fixture = await gateway.start({
    enforceRoles: true,
    authenticate: async (request) =>
      request.token === 'token-zhao' ? { agentId: 'agt_zhao' } : authenticateTestAgent(request),
  });
  const { desk } = fixture;
  await desk.agents.upsert({ id: 'agt_wang', teams: ['candy'] });
  await desk.agents.upsert({ id: 'agt_li', teams: ['after-sales'] });
  await desk.agents.upsert({
    id: 'agt_zhao',
    name: '赵主管',
    role: 'supervisor',
    presence: 'online',
  });
  const wangChat = await desk.conversations.start({
    customerId: 'cus_lin',
    clientId: 'c_roles_1',
    message: { text: '奶糖到了吗？' },
  });
  await desk.conversations.assign({ conversationId: wangChat.id, agentId: 'agt_wang' });
  const liChat = await desk.conversations.start({
    customerId: 'cus_amy',
    clientId: 'c_roles_2',
    message: { text: 'Refund please' },
  });
  await desk.conversations.assign({ conversationId: liChat.id, agentId: 'agt_li' });
  const queued = await desk.conversations.start({
    customerId: 'cus_amy',
    clientId: 'c_roles_3',
    message: { text: 'Anyone?' },
  });
  return { fixture, wangChat, liChat, queued };
}

async function inboxOf(url: string, token: string) {
  const socket = gateway.track(await openRaw(url, agent(token)));
  socket.send({ type: 'inbox', id: 'inbox' });
  const ack = await socket.next('ack', (f) => f.id === 'inbox');
  const ids = ((ack as { conversations?: { id: string }[] }).conversations ?? []).map((c) => c.id);
  return { socket, ids };
}

describe('gateway: roles (agent, supervisor, admin) over WebSockets', () => {
  it("shows an agent their own conversations and the queue, never another agent's", async () => {
    const { fixture, wangChat, liChat, queued } = await startWithRoles();
    const wang = await inboxOf(fixture.url, 'token-wang');
    expect(wang.ids.sort()).toEqual([wangChat.id, queued.id].sort());

    wang.socket.send({
      type: 'call',
      id: 'peek',
      method: 'conversations.get',
      input: { conversationId: liChat.id },
    });
    expect(await wang.socket.next('error', (f) => f.id === 'peek')).toMatchObject({
      code: 'FORBIDDEN',
    });
    wang.socket.send({
      type: 'call',
      id: 'report',
      method: 'metrics.report',
      input: { from: 0, to: Date.now() },
    });
    expect(await wang.socket.next('error', (f) => f.id === 'report')).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it("shows a supervisor every team's open conversations and lets them make supervisor calls", async () => {
    const { fixture, wangChat, liChat, queued } = await startWithRoles();
    const zhao = await inboxOf(fixture.url, 'token-zhao');
    expect(zhao.ids.sort()).toEqual([wangChat.id, liChat.id, queued.id].sort());
    zhao.socket.send({
      type: 'call',
      id: 'peek',
      method: 'conversations.get',
      input: { conversationId: liChat.id },
    });
    expect(await zhao.socket.next('ack', (f) => f.id === 'peek')).toMatchObject({ type: 'ack' });
    zhao.socket.send({
      type: 'call',
      id: 'report',
      method: 'metrics.report',
      input: { from: 0, to: Date.now() },
    });
    expect(await zhao.socket.next('ack', (f) => f.id === 'report')).toMatchObject({ type: 'ack' });
  });

  it("keeps another team's queue from a plain agent", async () => {
    const { fixture } = await startWithRoles();
    const otherTeam = await fixture.desk.conversations.start({
      customerId: 'cus_lin',
      clientId: 'c_roles_4',
      team: 'after-sales',
      message: { text: '退货' },
    });
    const wang = await inboxOf(fixture.url, 'token-wang');
    const li = await inboxOf(fixture.url, 'token-li');
    expect(wang.ids).not.toContain(otherTeam.id);
    expect(li.ids).toContain(otherTeam.id);
  });

  it('enforces roles by default', async () => {
    const fixture = await gateway.start();
    const { desk } = fixture;
    const liChat = await desk.conversations.start({
      customerId: 'cus_amy',
      clientId: 'c_roles_d1',
    });
    await desk.conversations.assign({ conversationId: liChat.id, agentId: 'agt_li' });
    const wang = await inboxOf(fixture.url, 'token-wang');
    expect(wang.ids).not.toContain(liChat.id);
    wang.socket.send({ type: 'subscribe', id: 'peek', conversationId: liChat.id });
    expect(await wang.socket.next('error', (f) => f.id === 'peek')).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('tells an agent a queued conversation left their inbox when another agent claims it', async () => {
    const { fixture, queued } = await startWithRoles();
    const li = await inboxOf(fixture.url, 'token-li');
    expect(li.ids).toContain(queued.id);
    await fixture.desk.conversations.assign({ conversationId: queued.id, agentId: 'agt_wang' });
    const left = await li.socket.next(
      'conversation',
      (f) => f.conversation.id === queued.id && f.conversation.assigneeId === 'agt_wang',
    );
    // 李 may no longer see it: the notice has no agent-only details.
    expect(left.conversation.details).toBeUndefined();
  });
});
