import { afterEach, describe, expect, it } from 'vitest';
import { customer, type GatewayFixture, openRaw, startGateway, until } from './gateway-test-setup';

let fixture: GatewayFixture;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await fixture?.close();
});

describe('gateway: bad frames', () => {
  it('answers malformed frames with an error, stores nothing, and keeps the connection', async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    const before = await fixture.desk.events.lastPosition();

    lin.sendText('{"type":"send", oops');
    lin.send({ type: 'send', id: 'no-client-id', conversationId: id, text: 'hi' });
    lin.send({
      type: 'send',
      id: 'empty',
      conversationId: id,
      clientId: 'm_empty_001',
      text: '   ',
    });
    lin.send({ type: 'launch', id: 'unknown' });
    lin.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await lin.next('error', (f) => f.id === 'unknown');
    const errors = lin.frames.filter((f) => f.type === 'error');
    expect(errors.map((f) => f.type === 'error' && f.code)).toEqual([
      'VALIDATION',
      'VALIDATION',
      'VALIDATION',
      'VALIDATION',
      'VALIDATION',
    ]);
    expect(await fixture.desk.events.lastPosition()).toBe(before);
    expect(await fixture.desk.messages.list({ conversationId: id })).toEqual([]);

    lin.send({ type: 'ping', at: 7 });
    expect(await lin.next('pong')).toEqual({ type: 'pong', at: 7 });
  });

  it('answers an oversized frame with RATE_LIMITED and stores nothing', async () => {
    fixture = await startGateway({ limits: { maxFrameBytes: 2_000 } });
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    // 800 characters of Chinese are 2,400 bytes in UTF-8: over the limit though under 2,000 chars.
    lin.send({
      type: 'send',
      id: 'big',
      conversationId: id,
      clientId: 'm_big_00001',
      text: '糖'.repeat(800),
    });
    const error = await lin.next('error');
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('2000 bytes');
    expect(await fixture.desk.messages.list({ conversationId: id })).toEqual([]);
    lin.send({ type: 'send', id: 'ok', conversationId: id, clientId: 'm_small_001', text: '糖' });
    expect(await lin.next('ack')).toMatchObject({ id: 'ok', message: { seq: 1 } });
  });

  it('refuses a frame nested too deeply before parsing it, and keeps serving', async () => {
    fixture = await startGateway();
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    const before = await fixture.desk.events.lastPosition();
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    lin.sendText(`{"type":"call","id":"deep","method":"tickets.get","input":{"x":${deep(16)}}}`);
    lin.sendText(deep(30_000));
    await until(() => lin.frames.filter((f) => f.type === 'error').length === 2);
    expect(
      lin.frames.filter((f) => f.type === 'error').map((f) => f.type === 'error' && f.code),
    ).toEqual(['VALIDATION', 'VALIDATION']);
    expect(await fixture.desk.events.lastPosition()).toBe(before);
    lin.send({ type: 'ping', at: 1 });
    expect(await lin.next('pong')).toEqual({ type: 'pong', at: 1 });
  });

  it('stops reading a connection over its byte budget until there is budget again', async () => {
    // 180,000 bytes a minute: 45,000 at once, then 3 bytes a millisecond.
    fixture = await startGateway({
      limits: { maxFrameBytes: 2_000, inboundBytesPerMinute: 180_000 },
    });
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    const arrivals: Array<{ type: string; at: number }> = [];
    lin.socket.on('message', (data) => {
      arrivals.push({ type: JSON.parse(String(data)).type, at: performance.now() });
    });
    const pad = 'x'.repeat(1_500);
    const padded = (at: number): Record<string, unknown> => ({ type: 'ping', at, pad });
    for (let at = 1; at <= 60; at++) lin.send(padded(at));
    const refusal = await lin.next('error');
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED' });
    const pauseMs = refusal.retryAfterMs ?? 0;
    expect(pauseMs).toBeGreaterThan(100);
    await new Promise((resolve) => setTimeout(resolve, pauseMs + 400));
    const refusedAt = arrivals.find((a) => a.type === 'error')?.at ?? 0;
    const pongs = arrivals.filter((a) => a.type === 'pong');
    // About 29 frames fit the burst. While paused, at most what the refill allows of frames read
    // before the pause took hold is served; the rest waits in TCP (not dropped) and is read after.
    expect(pongs.filter((a) => a.at < refusedAt).length).toBeGreaterThanOrEqual(28);
    const during = pongs.filter((a) => a.at > refusedAt && a.at < refusedAt + pauseMs - 50);
    expect(during.length).toBeLessThanOrEqual(2);
    expect(pongs.filter((a) => a.at >= refusedAt + pauseMs - 50).length).toBeGreaterThan(0);
    expect(pongs.length).toBeLessThan(60);
    expect(await fixture.desk.messages.list({ conversationId: id })).toEqual([]);
  });

  it('refuses another protocol version', async () => {
    fixture = await startGateway();
    const socket = await openRaw(fixture.url);
    socket.send({ type: 'hello', v: 2, auth: customer('cus_lin') });
    expect(await socket.next('error')).toMatchObject({ code: 'VALIDATION' });
    expect((await socket.closed).code).toBe(4400);
  });
});

describe('gateway: limits', () => {
  it('limits messages per customer per minute', async () => {
    fixture = await startGateway({ limits: { messagesPerMinute: 3 } });
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    for (let i = 0; i < 4; i++) {
      lin.send({
        type: 'send',
        id: `m${i}`,
        conversationId: id,
        clientId: `m_rate_000${i}`,
        text: `${i}`,
      });
    }
    const error = await lin.next('error', (f) => f.id === 'm3');
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect((await fixture.desk.messages.list({ conversationId: id })).map((m) => m.text)).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('limits new conversations per customer, not counting idempotent retries', async () => {
    fixture = await startGateway({ limits: { conversationsPerHour: 2 } });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    lin.send({ type: 'start', id: 'a', clientId: 'c_start_0001' });
    lin.send({ type: 'start', id: 'a2', clientId: 'c_start_0001' });
    lin.send({ type: 'start', id: 'b', clientId: 'c_start_0002' });
    lin.send({ type: 'start', id: 'c', clientId: 'c_start_0003' });
    const first = await lin.next('ack', (f) => f.id === 'a');
    const retry = await lin.next('ack', (f) => f.id === 'a2');
    expect(retry.conversation?.id).toBe(first.conversation?.id);
    await lin.next('ack', (f) => f.id === 'b');
    expect(await lin.next('error', (f) => f.id === 'c')).toMatchObject({ code: 'RATE_LIMITED' });
    const { items } = await fixture.desk.conversations.list({ customerId: 'cus_lin' });
    expect(items).toHaveLength(2);
  });

  it('limits connections per IP address', async () => {
    fixture = await startGateway({ limits: { connectionsPerIp: 2 } });
    const a = await openRaw(fixture.url);
    const b = await openRaw(fixture.url);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    const c = await openRaw(fixture.url);
    expect(await c.next('error')).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await c.closed).code).toBe(4429);
    a.close();
    await a.closed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const d = await openRaw(fixture.url, customer('cus_lin'));
    cleanups.push(() => d.close());
    expect(d.frames[0]?.type).toBe('welcome');
  });
});

describe('gateway: in-process connections', () => {
  it('are not counted against the per-address connection limit', async () => {
    fixture = await startGateway({ limits: { connectionsPerIp: 2 } });
    const frames: string[] = [];
    const connections = Array.from({ length: 5 }, () =>
      fixture.gateway.connect({ onMessage: (text) => frames.push(text), onClose: () => {} }),
    );
    for (const connection of connections) {
      connection.send(JSON.stringify({ type: 'hello', v: 1, auth: customer('cus_lin') }));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(frames.map((text) => (JSON.parse(text) as { type: string }).type)).toEqual(
      Array.from({ length: 5 }, () => 'welcome'),
    );
    expect(fixture.gateway.connectionCount).toBe(5);
    for (const connection of connections) connection.close();
    expect(fixture.gateway.connectionCount).toBe(0);
  });
});

describe('gateway: HTTP endpoints', () => {
  it('serves health, visitor tokens and history as the caller may see it', async () => {
    fixture = await startGateway({
      identity: { secret: 'test-identity-secret', allowVisitors: true },
    });
    const { id } = await fixture.desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '在吗' },
    });
    await fixture.desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await fixture.desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: 'note',
      internal: true,
    });
    const health = await fetch(`${fixture.httpUrl}/health`);
    expect(await health.json()).toEqual({ ok: true, connections: 0 });

    const visitor = await fetch(`${fixture.httpUrl}/visitors`, { method: 'POST' });
    expect(visitor.status).toBe(201);
    expect(await visitor.json()).toMatchObject({ customerId: expect.stringMatching(/^vis_/) });

    const { signature } = customer('cus_lin') as { signature: string };
    const asLin = await fetch(`${fixture.httpUrl}/conversations/${id}/messages`, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': signature },
    });
    const linBody = (await asLin.json()) as { messages: Array<{ text: string }> };
    expect(linBody.messages.map((m) => m.text)).toEqual(['在吗']);

    const asWang = await fetch(`${fixture.httpUrl}/conversations/${id}/messages`, {
      headers: { authorization: 'Bearer token-wang' },
    });
    expect(((await asWang.json()) as { messages: unknown[] }).messages).toHaveLength(2);

    const amySignature = (customer('cus_amy') as { signature: string }).signature;
    const asAmy = await fetch(`${fixture.httpUrl}/conversations/${id}/messages`, {
      headers: { 'x-kefu-customer-id': 'cus_amy', 'x-kefu-signature': amySignature },
    });
    expect(asAmy.status).toBe(403);
    const forged = await fetch(`${fixture.httpUrl}/conversations/${id}/messages`, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': 'ab'.repeat(32) },
    });
    expect(forged.status).toBe(401);
    expect((await fetch(`${fixture.httpUrl}/nope`)).status).toBe(404);
  });
});
