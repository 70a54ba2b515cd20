import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  agent,
  authenticateTestAgent,
  customer,
  type GatewayFixture,
  openRaw,
  rawGatewayPerTest,
  SECRET,
} from './gateway-test-setup';
import { issueVisitorToken } from './identity';

const gateway = rawGatewayPerTest();
let fixture: GatewayFixture;

/** The HTTP status of a WebSocket upgrade from a page at `origin` (101 when accepted). */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin ? { headers: { origin } } : {});
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => undefined);
  });
}

describe('gateway: origins', () => {
  it('refuses upgrades and credentialed HTTP from origins not allowed, including null', async () => {
    fixture = await gateway.start({ allowedOrigins: ['https://candy.example'] });
    expect(await upgradeStatus(fixture.url, 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(fixture.url, 'null')).toBe(403);
    expect(await upgradeStatus(fixture.url, 'https://candy.example.evil.example')).toBe(403);
    expect(await upgradeStatus(fixture.url, 'https://candy.example')).toBe(101);
    expect(await upgradeStatus(fixture.url)).toBe(101);
    expect(fixture.gateway.connectionCount).toBeLessThanOrEqual(2);

    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const history = `${fixture.httpUrl}/conversations/${id}/messages`;
    const headers = { authorization: 'Bearer token-wang' };
    const evil = await fetch(history, { headers: { ...headers, origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    const good = await fetch(history, { headers: { ...headers, origin: 'https://candy.example' } });
    expect(good.status).toBe(200);
    const visitors = await fetch(`${fixture.httpUrl}/visitors`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(visitors.status).toBe(403);
    // Health and status carry nothing private and stay open to any page.
    const health = await fetch(`${fixture.httpUrl}/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(health.status).toBe(200);
  });

  it('hides cookies from authenticate unless origins are checked', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const authenticate = async (request: { token: string; headers: IncomingHttpHeaders }) => {
      seen.push(request.headers);
      return authenticateTestAgent(request);
    };
    const hello = async () => {
      const socket = new WebSocket(fixture.url, { headers: { cookie: 'session=abc' } });
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'hello', v: 1, auth: agent('token-wang') }));
      await new Promise((resolve) => socket.once('message', resolve));
      socket.close();
    };
    fixture = await gateway.start({ authenticate });
    await hello();
    expect(seen[0]?.cookie).toBeUndefined();
    fixture = await gateway.start({ authenticate, allowedOrigins: ['https://candy.example'] });
    await hello();
    expect(seen[1]?.cookie).toBe('session=abc');
  });
});

describe('gateway: visitor tokens', () => {
  it('rotates an old token for the same visitor and starts over after expiry', async () => {
    fixture = await gateway.start({
      identity: {
        secret: SECRET,
        allowVisitors: true,
        visitorTokenRotateAfterMs: 60_000,
        visitorTokenTtlMs: 3_600_000,
      },
    });
    const old = issueVisitorToken(SECRET, { now: Date.now() - 120_000 });
    const visitor = await openRaw(fixture.url);
    gateway.track(visitor);
    visitor.send({ type: 'hello', v: 1, auth: { kind: 'visitor', token: old.token } });
    const welcome = await visitor.next('welcome');
    expect(welcome.session.id).toBe(old.customerId);
    expect(welcome.visitorToken).not.toBe(old.token);
    expect(welcome.visitorToken?.startsWith(`v2.${old.customerId}.`)).toBe(true);

    const expired = issueVisitorToken(SECRET, { now: Date.now() - 3_700_000 });
    const late = await openRaw(fixture.url);
    gateway.track(late);
    late.send({ type: 'hello', v: 1, auth: { kind: 'visitor', token: expired.token } });
    expect((await late.next('welcome')).session.id).not.toBe(expired.customerId);
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const response = await fetch(`${fixture.httpUrl}/conversations/${id}/messages`, {
      headers: { 'x-kefu-visitor-token': expired.token },
    });
    expect(response.status).toBe(401);
  });

  it('never takes a visitor signature as a customer signature', async () => {
    fixture = await gateway.start({ identity: { secret: SECRET, allowVisitors: true } });
    const { customerId, token } = issueVisitorToken(SECRET);
    const signature = Buffer.from(token.split('.')[3] ?? '', 'base64url').toString('hex');
    const socket = await openRaw(fixture.url);
    socket.send({ type: 'hello', v: 1, auth: { kind: 'customer', customerId, signature } });
    expect(await socket.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
    const other = await openRaw(fixture.url);
    other.send({
      type: 'hello',
      v: 1,
      auth: { kind: 'customer', customerId: `visitor:${customerId}`, signature },
    });
    expect(await other.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('gateway: what clients may store', () => {
  it('refuses unsafe attachments, storing nothing, and normalises accepted ones', async () => {
    fixture = await gateway.start({ attachments: { allowedHosts: ['cdn.candy.example'] } });
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    gateway.track(lin);
    const unsafe = [
      { url: 'http://127.0.0.1:6379/', contentType: 'image/png' },
      { url: 'https://shop.example@evil.example/x.png', contentType: 'image/png' },
      { url: 'https://cdn.candy.example/x.html', contentType: 'text/html' },
      { url: 'https://evil.example/x.png', contentType: 'image/png' },
    ];
    for (const [index, attachment] of unsafe.entries()) {
      lin.send({
        type: 'send',
        id: `bad${index}`,
        conversationId: id,
        clientId: `m_bad_att_0${index}`,
        text: 'see file',
        attachments: [{ name: 'x.png', size: 10, ...attachment }],
      });
      expect(await lin.next('error', (f) => f.id === `bad${index}`)).toMatchObject({
        code: 'VALIDATION',
      });
    }
    lin.send({
      type: 'start',
      id: 'st',
      clientId: 'c_bad_start1',
      message: {
        text: 'x',
        attachments: [
          { name: 'a.png', size: 1, url: 'http://127.0.0.1/', contentType: 'image/png' },
        ],
      },
    });
    expect(await lin.next('error', (f) => f.id === 'st')).toMatchObject({ code: 'VALIDATION' });
    expect(await fixture.desk.messages.list({ conversationId: id })).toEqual([]);
    expect((await fixture.desk.conversations.list({ customerId: 'cus_lin' })).items).toHaveLength(
      1,
    );

    lin.send({
      type: 'send',
      id: 'good',
      conversationId: id,
      clientId: 'm_good_att_1',
      text: 'invoice\u0000 \u001b[31mred\u001b[0m \u202Efdp.exe',
      attachments: [
        {
          name: '../../etc/passwd\u0000.png',
          url: 'https://cdn.candy.example/p.png',
          contentType: 'image/PNG',
          size: 10,
        },
      ],
    });
    const stored = (await lin.next('ack', (f) => f.id === 'good')).message;
    expect(stored?.text).toBe('invoice red fdp.exe');
    expect(stored?.attachments).toEqual([
      {
        name: 'passwd.png',
        url: 'https://cdn.candy.example/p.png',
        contentType: 'image/png',
        size: 10,
      },
    ]);
  });

  it('clamps a read receipt to the last seq', async () => {
    fixture = await gateway.start();
    const { id } = await fixture.desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '你好', clientId: 'm_read_clamp' },
    });
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    const wang = await openRaw(fixture.url, agent('token-wang'));
    gateway.track(lin);
    gateway.track(wang);
    lin.send({ type: 'subscribe', id: 's', conversationId: id });
    wang.send({ type: 'subscribe', id: 's', conversationId: id });
    await lin.next('synced');
    await wang.next('synced');
    lin.send({ type: 'read', conversationId: id, seq: 1_000_000 });
    expect(await wang.next('read')).toMatchObject({ seq: 1 });
  });

  it('answers a malformed percent-encoding with 400, not as a failure', async () => {
    const errors: unknown[] = [];
    fixture = await gateway.start({ onError: (error) => errors.push(error) });
    const response = await fetch(`${fixture.httpUrl}/conversations/%E0%A4%A/messages`, {
      headers: { authorization: 'Bearer token-wang' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(errors).toEqual([]);
  });
});
