import { afterEach, describe, expect, it } from 'vitest';
import {
  agent,
  connectClient,
  customer,
  type GatewayFixture,
  openRaw,
  SECRET,
  startGateway,
  until,
} from './gateway-test-setup';
import { signCustomerId } from './identity';

let fixture: GatewayFixture;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await fixture?.close();
});

describe('gateway over real WebSockets: customer ↔ agent', () => {
  it('carries a whole exchange, keeping internal notes from the customer', async () => {
    fixture = await startGateway();
    const lin = connectClient(fixture.url, customer('cus_lin'));
    const wang = connectClient(fixture.url, agent('token-wang'));
    cleanups.push(
      () => lin.close(),
      () => wang.close(),
    );

    const conversation = await lin.startConversation({ text: '我的糖果什么时候到？' });
    expect(conversation.customerId).toBe('cus_lin');
    await fixture.desk.conversations.assign({
      conversationId: conversation.id,
      agentId: 'agt_wang',
    });

    wang.watch(conversation.id);
    await until(() => wang.getSnapshot().conversations[conversation.id]?.messages.length === 1);
    wang.send(conversation.id, '老顾客，可以补发', { internal: true });
    wang.send(conversation.id, '您好，明天送达。');
    await until(() => lin.getSnapshot().conversations[conversation.id]?.messages.length === 2);
    lin.send(conversation.id, '谢谢！');
    await until(() => wang.getSnapshot().conversations[conversation.id]?.messages.length === 4);

    const seen = (client: typeof lin) =>
      client.getSnapshot().conversations[conversation.id]?.messages.map((m) => [m.text, m.status]);
    expect(seen(wang)).toEqual([
      ['我的糖果什么时候到？', 'sent'],
      ['老顾客，可以补发', 'sent'],
      ['您好，明天送达。', 'sent'],
      ['谢谢！', 'sent'],
    ]);
    await until(() => lin.getSnapshot().conversations[conversation.id]?.messages.length === 3);
    expect(seen(lin)).toEqual([
      ['我的糖果什么时候到？', 'sent'],
      ['您好，明天送达。', 'sent'],
      ['谢谢！', 'sent'],
    ]);
    // The customer's view never contained the note, not even for a moment.
    expect(JSON.stringify(lin.getSnapshot())).not.toContain('补发');
    expect(lin.getSnapshot().conversations[conversation.id]?.conversation?.status).toBe('active');
    const stored = await fixture.desk.messages.list({ conversationId: conversation.id });
    expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('relays typing and read receipts to the other side only', async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    await fixture.desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    const wang = await openRaw(fixture.url, agent('token-wang'));
    cleanups.push(
      () => lin.close(),
      () => wang.close(),
    );
    lin.send({ type: 'subscribe', id: 's1', conversationId: id, afterSeq: 0 });
    wang.send({ type: 'subscribe', id: 's2', conversationId: id, afterSeq: 0 });
    await lin.next('synced');
    await wang.next('synced');
    wang.send({ type: 'typing', conversationId: id, typing: true });
    lin.send({ type: 'read', conversationId: id, seq: 0 });
    expect(await lin.next('typing')).toMatchObject({
      author: { kind: 'agent', id: 'agt_wang' },
      typing: true,
    });
    expect(await wang.next('read')).toMatchObject({ author: { kind: 'customer', id: 'cus_lin' } });
    expect(wang.frames.some((f) => f.type === 'typing')).toBe(false);
  });
});

describe('gateway: identity', () => {
  it('refuses a forged or missing signature and accepts the real one', async () => {
    fixture = await startGateway();
    const forged = await openRaw(fixture.url);
    forged.send({
      type: 'hello',
      v: 1,
      id: 'h',
      auth: {
        kind: 'customer',
        customerId: 'cus_lin',
        signature: signCustomerId('cus_lin', 'guess'),
      },
    });
    expect(await forged.next('error')).toMatchObject({ id: 'h', code: 'UNAUTHORIZED' });
    expect((await forged.closed).code).toBe(4401);

    const unsigned = await openRaw(fixture.url);
    unsigned.send({ type: 'hello', v: 1, auth: { kind: 'customer', customerId: 'cus_lin' } });
    expect(await unsigned.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });

    const frameBeforeHello = await openRaw(fixture.url);
    cleanups.push(() => frameBeforeHello.close());
    frameBeforeHello.send({ type: 'subscribe', id: 'x', conversationId: 'conv_1' });
    expect(await frameBeforeHello.next('error')).toMatchObject({ id: 'x', code: 'UNAUTHORIZED' });

    const real = await openRaw(fixture.url);
    cleanups.push(() => real.close());
    real.send({ type: 'hello', v: 1, auth: customer('cus_lin') });
    expect(await real.next('welcome')).toMatchObject({
      session: { role: 'customer', id: 'cus_lin' },
    });
  });

  it('refuses unknown agent tokens, and agents when no authenticate is configured', async () => {
    fixture = await startGateway();
    const stranger = await openRaw(fixture.url);
    stranger.send({ type: 'hello', v: 1, auth: { kind: 'agent', token: 'token-nobody' } });
    expect(await stranger.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
    await fixture.close();

    fixture = await startGateway({ authenticate: undefined });
    const wang = await openRaw(fixture.url);
    wang.send({ type: 'hello', v: 1, auth: { kind: 'agent', token: 'token-wang' } });
    expect(await wang.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('gives visitors a signed token that keeps them the same visitor, and ignores forged ones', async () => {
    fixture = await startGateway({ identity: { secret: SECRET, allowVisitors: true } });
    const first = await openRaw(fixture.url);
    cleanups.push(() => first.close());
    first.send({ type: 'hello', v: 1, auth: { kind: 'visitor' } });
    const welcome = await first.next('welcome');
    expect(welcome.session.role).toBe('visitor');
    expect(welcome.visitorToken).toMatch(/^v2\.vis_/);
    // Nothing is stored for a visitor who only says hello; the first conversation creates them.
    expect(await fixture.desk.customers.get(welcome.session.id)).toBeNull();

    const again = await openRaw(fixture.url);
    cleanups.push(() => again.close());
    again.send({ type: 'hello', v: 1, auth: { kind: 'visitor', token: welcome.visitorToken } });
    expect((await again.next('welcome')).session.id).toBe(welcome.session.id);

    const forged = await openRaw(fixture.url);
    cleanups.push(() => forged.close());
    const token = `${welcome.visitorToken?.split('.').slice(0, 3).join('.')}.${'0'.repeat(43)}`;
    forged.send({ type: 'hello', v: 1, auth: { kind: 'visitor', token } });
    expect((await forged.next('welcome')).session.id).not.toBe(welcome.session.id);
  });

  it('refuses visitors when not enabled', async () => {
    fixture = await startGateway();
    const visitor = await openRaw(fixture.url);
    visitor.send({ type: 'hello', v: 1, auth: { kind: 'visitor' } });
    expect(await visitor.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('gateway: authorization', () => {
  it("keeps customer A out of customer B's conversation, storing nothing", async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({
      customerId: 'cus_lin',
      clientId: 'c_lin_start',
      message: { text: '地址是上海市…', clientId: 'm_lin_00001' },
    });
    const amy = await openRaw(fixture.url, customer('cus_amy'));
    cleanups.push(() => amy.close());
    const before = await fixture.desk.events.lastPosition();

    amy.send({ type: 'subscribe', id: 'sub', conversationId: id, afterSeq: 0 });
    expect(await amy.next('error', (f) => f.id === 'sub')).toMatchObject({ code: 'FORBIDDEN' });
    amy.send({ type: 'send', id: 'w', conversationId: id, clientId: 'm_amy_00001', text: 'hi' });
    expect(await amy.next('error', (f) => f.id === 'w')).toMatchObject({ code: 'FORBIDDEN' });
    // Replaying Lin's client id must not hand Amy Lin's message.
    amy.send({ type: 'send', id: 'r', conversationId: id, clientId: 'm_lin_00001', text: 'x' });
    expect(await amy.next('error', (f) => f.id === 'r')).toMatchObject({ code: 'FORBIDDEN' });
    amy.send({ type: 'typing', conversationId: id, typing: true });
    await amy.next('error', (f) => f.code === 'FORBIDDEN' && f.id === undefined);

    expect(JSON.stringify(amy.frames)).not.toContain('上海');
    expect(await fixture.desk.events.lastPosition()).toBe(before);
    expect(await fixture.desk.messages.list({ conversationId: id })).toHaveLength(1);
  });

  it('lets only agents write internal notes', async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    lin.send({
      type: 'send',
      id: 'n',
      conversationId: id,
      clientId: 'm_note_0001',
      text: 'x',
      internal: true,
    });
    expect(await lin.next('error')).toMatchObject({ id: 'n', code: 'FORBIDDEN' });
    expect(await fixture.desk.messages.list({ conversationId: id })).toHaveLength(0);
  });

  it('does not send a customer the conversation of another customer that is later subscribed by an agent', async () => {
    fixture = await startGateway();
    const linConversation = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const amyConversation = await fixture.desk.conversations.start({ customerId: 'cus_amy' });
    await fixture.desk.conversations.assign({
      conversationId: linConversation.id,
      agentId: 'agt_wang',
    });
    const amy = await openRaw(fixture.url, customer('cus_amy'));
    cleanups.push(() => amy.close());
    amy.send({ type: 'subscribe', id: 's', conversationId: amyConversation.id, afterSeq: 0 });
    await amy.next('synced');
    await fixture.desk.messages.post({
      conversationId: linConversation.id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '只给林小糖',
    });
    await fixture.desk.messages.post({
      conversationId: amyConversation.id,
      author: { kind: 'customer', id: 'cus_amy' },
      text: 'for amy',
    });
    await amy.next('message', (f) => f.message.text === 'for amy');
    expect(JSON.stringify(amy.frames)).not.toContain('只给林小糖');
  });
});
