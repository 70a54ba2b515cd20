import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type Desk } from '@kefu/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { until } from './gateway-test-setup';
import {
  createWebhookDispatcher,
  signWebhook,
  verifyWebhookSignature,
  type WebhookCursorStore,
  type WebhookDispatcher,
} from './webhooks';

const HOOK = 'https://candy.test/kefu-hooks';
const SECRET = 'whsec_test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Received {
  type: string;
  position: number;
  text?: string;
  verified: boolean;
}

/** The shop's endpoint: verifies each request and answers with `status()`. */
function shopEndpoint(status: () => number = () => 200): Received[] {
  const received: Received[] = [];
  server.use(
    http.post(HOOK, async ({ request }) => {
      const body = await request.text();
      const verified = verifyWebhookSignature({
        body,
        timestamp: Number(request.headers.get('x-kefu-timestamp')),
        signature: request.headers.get('x-kefu-signature') ?? '',
        secret: SECRET,
      });
      const code = status();
      if (code === 200) {
        const event = JSON.parse(body) as {
          type: string;
          position: number;
          data: { message?: { text: string } };
        };
        received.push({
          type: event.type,
          position: event.position,
          verified,
          ...(event.data.message ? { text: event.data.message.text } : {}),
        });
      }
      return new HttpResponse(null, { status: code });
    }),
  );
  return received;
}

async function deskWithConversation(): Promise<{ desk: Desk; id: string }> {
  const desk = createDesk({ storage: createMemoryAdapter(), routing: { auto: false } });
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  return { desk, id };
}

const dispatchers: WebhookDispatcher[] = [];
afterEach(async () => {
  for (const dispatcher of dispatchers.splice(0)) await dispatcher.stop();
});

const say = (desk: Desk, id: string, text: string) =>
  desk.messages.post({ conversationId: id, author: { kind: 'customer', id: 'cus_lin' }, text });

describe('webhooks (msw)', () => {
  it('posts signed events of the subscribed types, in event order', async () => {
    const received = shopEndpoint();
    const { desk, id } = await deskWithConversation();
    const webhooks = createWebhookDispatcher({
      desk,
      endpoints: [{ id: 'crm', url: HOOK, secret: SECRET, events: ['message.posted'] }],
    });
    dispatchers.push(webhooks);
    await webhooks.start();
    for (const text of ['一', '二', '三']) await say(desk, id, text);
    await desk.conversations.tag({ conversationId: id, add: ['candy'] });
    await webhooks.idle();
    expect(received.map((r) => r.text)).toEqual(['一', '二', '三']);
    expect(received.every((r) => r.verified && r.type === 'message.posted')).toBe(true);
    expect(received.map((r) => r.position)).toEqual(
      [...received.map((r) => r.position)].sort((a, b) => a - b),
    );
  });

  it('retries a failing endpoint with backoff and holds later events until it succeeds', async () => {
    let calls = 0;
    const received = shopEndpoint(() => (++calls <= 3 ? 500 : 200));
    const { desk, id } = await deskWithConversation();
    const webhooks = createWebhookDispatcher({
      desk,
      endpoints: [{ id: 'crm', url: HOOK, secret: SECRET, events: ['message.posted'] }],
      retry: { minDelayMs: 5, maxDelayMs: 20 },
      onError: () => {},
    });
    dispatchers.push(webhooks);
    await webhooks.start();
    await say(desk, id, 'a');
    await say(desk, id, 'b');
    await webhooks.idle();
    expect(calls).toBe(5);
    expect(received.map((r) => r.text)).toEqual(['a', 'b']);
  });

  it('resumes from the saved position after downtime, sending only what it missed', async () => {
    const received = shopEndpoint();
    const saved = new Map<string, number>();
    const cursors: WebhookCursorStore = {
      load: async (endpointId) => saved.get(endpointId) ?? null,
      save: async (endpointId, position) => void saved.set(endpointId, position),
    };
    const { desk, id } = await deskWithConversation();
    const endpoints = [
      { id: 'crm', url: HOOK, secret: SECRET, events: ['message.posted' as const] },
    ];
    const first = createWebhookDispatcher({ desk, endpoints, cursors });
    await first.start();
    await say(desk, id, 'before');
    await first.idle();
    await first.stop();

    await say(desk, id, 'while down 1');
    await say(desk, id, 'while down 2');

    const second = createWebhookDispatcher({ desk, endpoints, cursors });
    dispatchers.push(second);
    await second.start();
    await say(desk, id, 'after');
    await second.idle();
    expect(received.map((r) => r.text)).toEqual([
      'before',
      'while down 1',
      'while down 2',
      'after',
    ]);
  });

  it('never follows a redirect: the body and signature stay with the configured URL', async () => {
    const stolen: string[] = [];
    let attempts = 0;
    server.use(
      http.post(HOOK, () => {
        attempts++;
        return new HttpResponse(null, {
          status: 307,
          headers: { location: 'https://evil.test/steal' },
        });
      }),
      http.post('https://evil.test/steal', async ({ request }) => {
        stolen.push(request.headers.get('x-kefu-signature') ?? '');
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const { desk, id } = await deskWithConversation();
    const errors: string[] = [];
    const webhooks = createWebhookDispatcher({
      desk,
      endpoints: [{ id: 'crm', url: HOOK, secret: SECRET, events: ['message.posted'] }],
      retry: { minDelayMs: 5, maxDelayMs: 10 },
      onError: (error) => errors.push(String(error)),
    });
    dispatchers.push(webhooks);
    await webhooks.start();
    await say(desk, id, 'secret order details');
    await until(() => attempts >= 3);
    await webhooks.stop();
    expect(stolen).toEqual([]);
    expect(errors[0]).toContain('307');
    expect(errors[0]).toContain('not followed');
  });

  it('refuses a tampered body or an old timestamp', () => {
    const body = '{"type":"message.posted"}';
    const now = Date.now();
    const signature = signWebhook(body, now, SECRET);
    expect(verifyWebhookSignature({ body, timestamp: now, signature, secret: SECRET })).toBe(true);
    expect(
      verifyWebhookSignature({ body: `${body} `, timestamp: now, signature, secret: SECRET }),
    ).toBe(false);
    const old = signWebhook(body, now - 3_600_000, SECRET);
    expect(
      verifyWebhookSignature({ body, timestamp: now - 3_600_000, signature: old, secret: SECRET }),
    ).toBe(false);
  });
});
