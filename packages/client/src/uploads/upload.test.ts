import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKefuClient } from '../kefu-client';

const attachment = {
  name: 'melted.png',
  contentType: 'image/png',
  size: 4,
  url: 'http://kefu.test/kefu/attachments/att_1?sig=d',
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () =>
  createKefuClient({
    url: 'ws://kefu.test/kefu',
    identity: { kind: 'customer', customerId: 'cus_lin', signature: 'sig_lin' },
    autoConnect: false,
    outboxStorage: null,
    visitorTokenStorage: null,
  });

const photo = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });

describe('client.upload (fetch, where there is no XMLHttpRequest)', () => {
  it('asks for an upload URL with the credentials, puts the bytes there, returns the attachment', async () => {
    const seen: {
      grant?: unknown;
      headers?: Headers;
      put?: { type: string | null; size: number };
    } = {};
    server.use(
      http.post('http://kefu.test/kefu/attachments', async ({ request }) => {
        seen.grant = await request.json();
        seen.headers = request.headers;
        return HttpResponse.json(
          { uploadUrl: '/kefu/uploads/up_1?sig=u', expiresAt: 1 },
          { status: 201 },
        );
      }),
      http.put('http://kefu.test/kefu/uploads/up_1', async ({ request }) => {
        seen.put = {
          type: request.headers.get('content-type'),
          size: (await request.arrayBuffer()).byteLength,
        };
        return HttpResponse.json({ attachment }, { status: 201 });
      }),
    );
    const progress: number[] = [];
    const result = await client().upload(photo(), {
      conversationId: 'conv_1',
      name: 'melted.png',
      onProgress: ({ loaded, total }) => progress.push(loaded / total),
    });
    expect(result).toEqual(attachment);
    expect(seen.grant).toEqual({
      conversationId: 'conv_1',
      name: 'melted.png',
      contentType: 'image/png',
      size: 4,
    });
    expect(seen.headers?.get('x-kefu-customer-id')).toBe('cus_lin');
    expect(seen.headers?.get('x-kefu-signature')).toBe('sig_lin');
    expect(seen.put).toEqual({ type: 'image/png', size: 4 });
    expect(progress.at(-1)).toBe(1);
  });

  it('rejects with the gateway code and sends no bytes when the upload is refused', async () => {
    let puts = 0;
    server.use(
      http.post('http://kefu.test/kefu/attachments', () =>
        HttpResponse.json(
          { error: { code: 'VALIDATION', message: 'Files may be at most 10 MB.' } },
          { status: 413 },
        ),
      ),
      http.put('http://kefu.test/kefu/*', () => {
        puts++;
        return HttpResponse.json({ attachment }, { status: 201 });
      }),
    );
    await expect(client().upload(photo(), { conversationId: 'conv_1' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Files may be at most 10 MB.',
      status: 413,
    });
    expect(puts).toBe(0);
  });

  it('rejects a refused PUT (expired URL) with its code', async () => {
    server.use(
      http.post('http://kefu.test/kefu/attachments', () =>
        HttpResponse.json(
          { uploadUrl: 'http://kefu.test/kefu/uploads/up_2', expiresAt: 1 },
          { status: 201 },
        ),
      ),
      http.put('http://kefu.test/kefu/uploads/up_2', () =>
        HttpResponse.json(
          { error: { code: 'FORBIDDEN', message: 'The upload link expired.' } },
          { status: 403 },
        ),
      ),
    );
    await expect(client().upload(photo(), { conversationId: 'conv_1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('is cancelled by its signal before anything is sent', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client().upload(photo(), { conversationId: 'conv_1', signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('says what to pass when the gateway has no HTTP address', async () => {
    const inProcess = createKefuClient({
      url: 'in-process',
      identity: { kind: 'visitor' },
      autoConnect: false,
      outboxStorage: null,
      visitorTokenStorage: null,
    });
    await expect(inProcess.upload(photo())).rejects.toThrow(/httpUrl/);
  });
});
