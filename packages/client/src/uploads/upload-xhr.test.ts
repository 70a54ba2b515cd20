// @vitest-environment jsdom
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKefuClient } from '../kefu-client';

const server = setupServer(
  http.post('http://kefu.test/kefu/attachments', ({ request }) =>
    request.headers.get('x-kefu-visitor-token') === 'vt_1'
      ? HttpResponse.json({ uploadUrl: '/kefu/uploads/up_1', expiresAt: 1 }, { status: 201 })
      : HttpResponse.json({ error: { code: 'UNAUTHORIZED', message: 'no' } }, { status: 401 }),
  ),
  http.put('http://kefu.test/kefu/uploads/up_1', async ({ request }) =>
    HttpResponse.json(
      {
        attachment: {
          name: 'a.png',
          contentType: request.headers.get('content-type'),
          size: (await request.arrayBuffer()).byteLength,
          url: 'http://kefu.test/kefu/attachments/att_1',
        },
      },
      { status: 201 },
    ),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('client.upload in a browser (XMLHttpRequest)', () => {
  it('uploads with the visitor token and reports progress up to the whole file', async () => {
    expect(typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest).toBe('function');
    const client = createKefuClient({
      url: 'ws://kefu.test/kefu',
      identity: { kind: 'visitor', token: 'vt_1' },
      autoConnect: false,
      outboxStorage: null,
      visitorTokenStorage: null,
    });
    const progress: { loaded: number; total: number }[] = [];
    const file = new File([new Uint8Array(2048)], 'a.png', { type: 'image/png' });
    const attachment = await client.upload(file, {
      conversationId: 'conv_1',
      onProgress: (step) => progress.push(step),
    });
    expect(attachment).toMatchObject({ name: 'a.png', contentType: 'image/png', size: 2048 });
    expect(progress[0]).toEqual({ loaded: 0, total: 2048 });
    expect(progress.at(-1)).toEqual({ loaded: 2048, total: 2048 });
  });
});
