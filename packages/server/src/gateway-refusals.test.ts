import { type Credentials, PROTOCOL_VERSION } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import {
  customer,
  type GatewayFixture,
  openRaw,
  rawGatewayPerTest,
  SECRET,
} from './gateway-test-setup';
import { issueVisitorToken } from './identity';

const gateway = rawGatewayPerTest();
let fixture: GatewayFixture;

const visitors = (limits: Record<string, number> = {}) =>
  gateway.start({ identity: { secret: SECRET, allowVisitors: true }, limits });

/** Every customer record the desk stored, by the events that store them. */
async function customerRecords(f: GatewayFixture): Promise<string[]> {
  const events = await f.desk.events.read({ after: 0, limit: 1000 });
  return events.filter((e) => e.type === 'customer.upserted').map((e) => e.subject.id);
}

describe('gateway: a refused or anonymous request stores nothing', () => {
  it('100 history requests with garbage visitor tokens: 100 × 401, no record', async () => {
    fixture = await visitors();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const before = {
      records: await customerRecords(fixture),
      position: await fixture.desk.events.lastPosition(),
    };
    const expired = issueVisitorToken(SECRET, { now: Date.now() - 40 * 86_400_000 }).token;
    const tokens = Array.from({ length: 100 }, (_, i) =>
      i === 0 ? expired : i % 2 ? `garbage-${i}` : `v2.vis_${'x'.repeat(21)}.${i}.sig`,
    );
    for (const token of tokens) {
      const response = await fetch(`${fixture.httpUrl}/conversations/${id}/messages`, {
        headers: { 'x-kefu-visitor-token': token },
      });
      expect(response.status).toBe(401);
    }
    expect(await customerRecords(fixture)).toEqual(before.records);
    expect(await fixture.desk.events.lastPosition()).toBe(before.position);
  });

  it('75 hellos without a token: 75 visitors welcomed, no record until one starts a conversation', async () => {
    fixture = await visitors({ visitorsPerHour: 100, connectionsPerIp: 100 });
    const before = await fixture.desk.events.lastPosition();
    const sockets = await Promise.all(
      Array.from({ length: 75 }, async () => gateway.track(await openRaw(fixture.url))),
    );
    for (const socket of sockets)
      socket.send({ type: 'hello', v: PROTOCOL_VERSION, auth: { kind: 'visitor' } });
    const welcomes = await Promise.all(sockets.map((socket) => socket.next('welcome')));
    expect(new Set(welcomes.map((w) => w.session.id)).size).toBe(75);
    expect(await fixture.desk.events.lastPosition()).toBe(before);
    expect(await customerRecords(fixture)).toEqual(['cus_lin', 'cus_amy']);

    // The first conversation creates the visitor, once, even when two connections start at once.
    const token = welcomes[0]?.visitorToken ?? '';
    const [a, b] = (await Promise.all([openRaw(fixture.url), openRaw(fixture.url)])).map(
      gateway.track,
    );
    for (const socket of [a, b])
      socket?.send({ type: 'hello', v: 1, id: 'h', auth: { kind: 'visitor', token } });
    await Promise.all([a?.next('welcome'), b?.next('welcome')]);
    a?.send({ type: 'start', id: 's', clientId: 'c_visitor_01', message: { text: '在吗' } });
    b?.send({ type: 'start', id: 's', clientId: 'c_visitor_02', message: { text: '你好' } });
    await Promise.all([a?.next('ack', (f) => f.id === 's'), b?.next('ack', (f) => f.id === 's')]);
    const visitorId = welcomes[0]?.session.id;
    expect((await customerRecords(fixture)).filter((id) => id === visitorId)).toHaveLength(1);
    expect(await fixture.desk.customers.get(visitorId ?? '')).toMatchObject({
      metadata: { visitor: true },
    });
  });

  it('a refused customer hello stores nothing', async () => {
    fixture = await gateway.start();
    const before = await fixture.desk.events.lastPosition();
    const refused: Credentials[] = [
      { kind: 'customer', customerId: 'cus_new' },
      { kind: 'customer', customerId: 'cus_new', signature: 'ab'.repeat(32) },
      { kind: 'customer', customerId: 'vis_pretender' },
      { kind: 'visitor' },
    ];
    for (const auth of refused) {
      const socket = await openRaw(fixture.url);
      socket.send({ type: 'hello', v: 1, auth });
      expect(await socket.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
      await socket.closed;
    }
    expect(await fixture.desk.customers.get('cus_new')).toBeNull();
    expect(await fixture.desk.events.lastPosition()).toBe(before);
    // An accepted one stores nothing either, until the customer starts a conversation.
    const accepted = await openRaw(fixture.url, customer('cus_new'));
    gateway.track(accepted);
    expect(await fixture.desk.customers.get('cus_new')).toBeNull();
    accepted.send({ type: 'start', id: 's', clientId: 'c_new_00001' });
    await accepted.next('ack', (f) => f.id === 's');
    expect(await fixture.desk.customers.get('cus_new')).not.toBeNull();
  });

  it('limits new visitors per address, POST /visitors and token-less hellos together', async () => {
    fixture = await visitors({ visitorsPerHour: 4 });
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${fixture.httpUrl}/visitors`, { method: 'POST' })).status).toBe(201);
    }
    const minted: string[] = [];
    for (let i = 0; i < 2; i++) {
      const socket = await openRaw(fixture.url);
      gateway.track(socket);
      socket.send({ type: 'hello', v: 1, auth: { kind: 'visitor' } });
      minted.push((await socket.next('welcome')).visitorToken ?? '');
    }
    const refused = await fetch(`${fixture.httpUrl}/visitors`, { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) },
    });
    const socket = await openRaw(fixture.url);
    socket.send({ type: 'hello', v: 1, auth: { kind: 'visitor', token: 'forged' } });
    expect(await socket.next('error')).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await socket.closed).code).toBe(4429);
    // A visitor who has a token is not a new visitor: still welcome.
    const known = await openRaw(fixture.url);
    gateway.track(known);
    known.send({ type: 'hello', v: 1, auth: { kind: 'visitor', token: minted[0] } });
    expect((await known.next('welcome')).visitorToken).toBe(minted[0]);
  });
});

describe('gateway: per-customer limits', () => {
  it('counts messages per customer, across connections and reconnects', async () => {
    fixture = await gateway.start({ limits: { messagesPerMinute: 3 } });
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const send = (socket: Awaited<ReturnType<typeof openRaw>>, n: number) =>
      socket.send({
        type: 'send',
        id: `m${n}`,
        conversationId: id,
        clientId: `m_cust_lim_${n}`,
        text: `${n}`,
      });
    const first = await openRaw(fixture.url, customer('cus_lin'));
    send(first, 1);
    send(first, 2);
    await first.next('ack', (f) => f.id === 'm2');
    first.close();
    await first.closed;
    const second = await openRaw(fixture.url, customer('cus_lin'));
    const other = await openRaw(fixture.url, customer('cus_lin'));
    gateway.track(second);
    gateway.track(other);
    send(second, 3);
    await second.next('ack', (f) => f.id === 'm3');
    send(other, 4);
    const refused = await other.next('error', (f) => f.id === 'm4');
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect((await fixture.desk.messages.list({ conversationId: id })).map((m) => m.text)).toEqual([
      '1',
      '2',
      '3',
    ]);
    // Another customer has an allowance of their own.
    const { id: amyChat } = await fixture.desk.conversations.start({ customerId: 'cus_amy' });
    const amy = await openRaw(fixture.url, customer('cus_amy'));
    gateway.track(amy);
    amy.send({
      type: 'send',
      id: 'a',
      conversationId: amyChat,
      clientId: 'm_amy_lim_01',
      text: 'hi',
    });
    await amy.next('ack', (f) => f.id === 'a');
  });

  it('counts new conversations per customer across reconnects', async () => {
    fixture = await gateway.start({ limits: { conversationsPerHour: 2 } });
    const first = await openRaw(fixture.url, customer('cus_lin'));
    first.send({ type: 'start', id: 'a', clientId: 'c_conv_lim_1' });
    first.send({ type: 'start', id: 'b', clientId: 'c_conv_lim_2' });
    await first.next('ack', (f) => f.id === 'b');
    first.close();
    await first.closed;
    const second = await openRaw(fixture.url, customer('cus_lin'));
    gateway.track(second);
    second.send({ type: 'start', id: 'retry', clientId: 'c_conv_lim_1' });
    await second.next('ack', (f) => f.id === 'retry');
    second.send({ type: 'start', id: 'c', clientId: 'c_conv_lim_3' });
    expect(await second.next('error', (f) => f.id === 'c')).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await fixture.desk.conversations.list({ customerId: 'cus_lin' })).items).toHaveLength(
      2,
    );
  });
});
