import { request as httpRequest } from 'node:http';
import { type BlobStore, createMemoryBlobStore } from '@kefu/core';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  agent,
  customer,
  type GatewayFixture,
  gatewayPerTest,
  openRaw,
  type RawSocket,
  until,
} from './gateway-test-setup';

const gateway = gatewayPerTest();
const connect = gateway.connect;
let fixture: GatewayFixture;
let blobs: BlobStore;

const as = (customerId: string): Record<string, string> => {
  const credentials = customer(customerId) as { signature: string };
  return { 'x-kefu-customer-id': customerId, 'x-kefu-signature': credentials.signature };
};
const WANG = { authorization: 'Bearer token-wang' };
const raws: RawSocket[] = [];
afterEach(() => {
  for (const raw of raws.splice(0)) raw.close();
});

/** A customer's raw socket (the client package learns attachments elsewhere). */
async function rawCustomer(customerId: string): Promise<RawSocket> {
  const raw = await openRaw(fixture.url, customer(customerId));
  raws.push(raw);
  return raw;
}

/** A PUT on a socket of its own (fetch may queue requests to one origin on one connection). */
function putOwnSocket(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'PUT', agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(body);
  });
}

let sent = 0;
/** Sends a message with attachments; resolves with its ack or error frame. */
async function sendWith(
  raw: RawSocket,
  conversationId: string,
  text: string,
  attachments: unknown[],
) {
  const id = `s${++sent}`;
  const frame: Record<string, unknown> = {
    type: 'send',
    id,
    conversationId,
    clientId: `m_${id}_attach`,
    text,
    attachments,
  };
  raw.send(frame);
  return Promise.race([raw.next('ack', (f) => f.id === id), raw.next('error', (f) => f.id === id)]);
}

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of blobs.list('')) keys.push(info.key);
  return keys;
}

async function askUpload(
  body: Record<string, unknown>,
  headers: Record<string, string> = as('cus_lin'),
): Promise<Response> {
  return fetch(`${fixture.httpUrl}/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Asks for an upload URL and PUTs the bytes; returns the PUT's response. */
async function upload(
  bytes: Uint8Array,
  declared: { name: string; contentType: string; conversationId?: string; ticketId?: string },
  headers?: Record<string, string>,
): Promise<Response> {
  const asked = await askUpload({ ...declared, size: bytes.byteLength }, headers);
  expect(asked.status).toBe(201);
  const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
  return fetch(uploadUrl, { method: 'PUT', body: bytes });
}

const png = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff69b4' } })
    .png()
    .toBuffer();
const jpegWithGps = () =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CandyCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 13/1 5/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 0/1',
      },
    })
    .toBuffer();

describe('gateway: attachments', () => {
  beforeEach(async () => {
    blobs = createMemoryBlobStore();
    fixture = await gateway.start({ attachments: { blobs, maxBytes: 64 * 1024 } });
  });

  it('uploads a photo, strips its GPS, and the message carries a link that downloads it', async () => {
    const lin = connect(customer('cus_lin'));
    const started = await lin.startConversation({ text: '巧克力化了' });
    const photo = await jpegWithGps();
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(31.218, 2) });

    const put = await upload(photo, {
      name: 'melted.jpg',
      contentType: 'image/jpeg',
      conversationId: started.id,
    });
    expect(put.status).toBe(201);
    const { attachment } = (await put.json()) as {
      attachment: { name: string; contentType: string; size: number; url: string };
    };
    expect(attachment).toMatchObject({ name: 'melted.jpg', contentType: 'image/jpeg' });

    const served = await fetch(attachment.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.byteLength).toBe(attachment.size);
    expect(await exifr.gps(bytes)).toBeUndefined();
    expect((await sharp(bytes).metadata()).width).toBe(32);

    // Sent unchanged, accepted without allowedHosts; the agent gets a link that works.
    const linRaw = await rawCustomer('cus_lin');
    expect((await sendWith(linRaw, started.id, '看图', [attachment])).type).toBe('ack');
    const wang = connect(agent('token-wang'));
    wang.watch(started.id);
    const seen = await until(() =>
      wang.getSnapshot().conversations[started.id]?.messages.find((m) => m.text === '看图'),
    );
    expect(seen.attachments).toHaveLength(1);
    const forAgent = seen.attachments[0]?.url ?? '';
    expect(forAgent).toMatch(/&exp=\d+&sig=/);
    expect((await fetch(forAgent)).status).toBe(200);

    // Stored as a reference without a download signature; history signs it afresh.
    const [stored] = (await fixture.desk.messages.list({ conversationId: started.id })).filter(
      (m) => m.attachments.length > 0,
    );
    expect(stored?.attachments[0]?.url).not.toContain('sig=');
    const history = (await fetch(`${fixture.httpUrl}/conversations/${started.id}/messages`, {
      headers: WANG,
    }).then((r) => r.json())) as { messages: Array<{ attachments: Array<{ url: string }> }> };
    const fromHistory = history.messages.flatMap((m) => m.attachments)[0]?.url ?? '';
    expect((await fetch(fromHistory)).status).toBe(200);
  });

  it('starts a conversation with a photo uploaded before it existed', async () => {
    const put = await upload(await png(), { name: 'first.png', contentType: 'image/png' });
    const { attachment } = (await put.json()) as { attachment: Record<string, unknown> };
    const lin = await rawCustomer('cus_lin');
    const frame: Record<string, unknown> = {
      type: 'start',
      id: 'st1',
      clientId: 'start_with_photo',
      message: { text: '', attachments: [attachment] },
    };
    lin.send(frame);
    const ack = await lin.next('ack', (f) => f.id === 'st1');
    const conversationId = (ack as { conversation?: { id: string } }).conversation?.id ?? '';
    const [first] = await fixture.desk.messages.list({ conversationId });
    expect(first?.attachments.map((a) => a.name)).toEqual(['first.png']);
  });

  it('refuses a file over the limit, before and while streaming, and stores nothing', async () => {
    const tooBig = await askUpload({
      name: 'big.pdf',
      contentType: 'application/pdf',
      size: 65 * 1024,
    });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');

    // Declared small, sent bigger: refused while the bytes come in.
    const asked = await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 10 });
    const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
    const body = new TextEncoder().encode('x'.repeat(5000));
    const put = await fetch(uploadUrl, {
      method: 'PUT',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(body);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(put.status).toBe(413);
    expect(await storedKeys()).toEqual([]);
  });

  it('refuses a mislabelled file (a PNG declared as JPEG or named .pdf) and stores nothing', async () => {
    const image = await png();
    const asJpeg = await upload(image, { name: 'photo.jpg', contentType: 'image/jpeg' });
    expect(asJpeg.status).toBe(400);
    const asPdf = await upload(image, { name: 'receipt.pdf', contentType: 'application/pdf' });
    expect(asPdf.status).toBe(400);
    expect(((await asPdf.json()) as { error: { message: string } }).error.message).toContain(
      'image/png',
    );
    const binaryAsText = await upload(image, { name: 'notes.txt', contentType: 'text/plain' });
    expect(binaryAsText.status).toBe(400);
    const html = await askUpload({ name: 'x.html', contentType: 'text/html', size: 10 });
    expect(html.status).toBe(400);
    expect(await storedKeys()).toEqual([]);
    // The PNG itself, declared right, is fine.
    expect((await upload(image, { name: 'ok.png', contentType: 'image/png' })).status).toBe(201);
  });

  it('refuses forged and expired upload and download links', async () => {
    const asked = await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 2 });
    const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
    const forged = new URL(uploadUrl);
    const claims = JSON.parse(
      Buffer.from(forged.searchParams.get('upload') ?? '', 'base64url').toString(),
    );
    forged.searchParams.set(
      'upload',
      Buffer.from(JSON.stringify({ ...claims, size: 10_000_000 })).toString('base64url'),
    );
    expect((await fetch(forged, { method: 'PUT', body: 'hi' })).status).toBe(403);
    expect(await storedKeys()).toEqual([]);

    const put = await fetch(uploadUrl, { method: 'PUT', body: 'hi' });
    expect(put.status).toBe(201);
    // One link, one file.
    expect((await fetch(uploadUrl, { method: 'PUT', body: 'yo' })).status).toBe(409);
    const { url } = ((await put.json()) as { attachment: { url: string } }).attachment;
    const download = new URL(url);
    download.searchParams.set('sig', 'A'.repeat(32));
    expect((await fetch(download)).status).toBe(403);
    const stripped = new URL(url);
    stripped.searchParams.delete('sig');
    expect((await fetch(stripped)).status).toBe(403);
    const later = new URL(url);
    later.searchParams.set('exp', String(Date.now() + 10 ** 9));
    expect((await fetch(later)).status).toBe(403);
  });

  it('takes one file per upload link, also when two PUTs race', async () => {
    // A store whose `head` waits for a second caller (or half a second): if both PUTs could get
    // past the "already there?" check, they would both be in it at once.
    let release: () => void = () => {};
    const bothIn = new Promise<void>((resolve) => {
      release = resolve;
      setTimeout(resolve, 500);
    });
    let inHead = 0;
    const slow: BlobStore = {
      ...blobs,
      head: async (key) => {
        if (++inHead === 2) release();
        await bothIn;
        return blobs.head(key);
      },
    };
    await fixture.close();
    fixture = await gateway.start({ attachments: { blobs: slow } });
    const asked = await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 5 });
    const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
    const statuses = await Promise.all(
      ['first', 'later'].map((body) => putOwnSocket(uploadUrl, body)),
    );
    expect(statuses.sort()).toEqual([201, 409]);
    const keys = await storedKeys();
    expect(keys).toHaveLength(1);
    const stored = await blobs.get(keys[0] ?? '');
    const parts: Uint8Array[] = [];
    for await (const chunk of stored?.body ?? []) parts.push(chunk);
    const text = Buffer.concat(parts).toString();
    expect(['first', 'later']).toContain(text);
  });

  it('expires links', async () => {
    await fixture.close();
    blobs = createMemoryBlobStore();
    fixture = await gateway.start({
      attachments: { blobs, uploadTtlMs: -1, downloadTtlMs: -60_001 },
    });
    const asked = await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 2 });
    const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
    const put = await fetch(uploadUrl, { method: 'PUT', body: 'hi' });
    expect(put.status).toBe(403);
    expect(((await put.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    expect(await storedKeys()).toEqual([]);

    await fixture.close();
    fixture = await gateway.start({ attachments: { blobs, downloadTtlMs: -120_000 } });
    const again = await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 2 });
    const fresh = (await again.json()) as { uploadUrl: string };
    const stored = await fetch(fresh.uploadUrl, { method: 'PUT', body: 'hi' });
    expect(stored.status).toBe(201);
    const { url } = ((await stored.json()) as { attachment: { url: string } }).attachment;
    const download = await fetch(url);
    expect(download.status).toBe(403);
    expect(((await download.json()) as { error: { message: string } }).error.message).toMatch(
      /expired/,
    );
  });

  it('lets only people on the conversation ask for uploads, and keeps files in their thread', async () => {
    const lin = connect(customer('cus_lin'));
    const mine = await lin.startConversation({ text: '你好' });
    const amy = connect(customer('cus_amy'));
    const hers = await amy.startConversation({ text: 'hi' });
    const refused = await askUpload(
      { name: 'a.txt', contentType: 'text/plain', size: 2, conversationId: mine.id },
      as('cus_amy'),
    );
    expect(refused.status).toBe(403);
    expect(
      (await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 2 }, {})).status,
    ).toBe(401);

    const put = await upload(new TextEncoder().encode('hi'), {
      name: 'a.txt',
      contentType: 'text/plain',
      conversationId: mine.id,
    });
    const { attachment } = (await put.json()) as { attachment: { url: string } };
    // Amy cannot post Lin's file in her own conversation, even holding its link.
    const amyRaw = await rawCustomer('cus_amy');
    expect(await sendWith(amyRaw, hers.id, 'look', [attachment])).toMatchObject({
      type: 'error',
      code: 'VALIDATION',
    });
    // A look-alike without our ref is a foreign link: refused without allowedHosts.
    const fake = { ...(attachment as object), url: attachment.url.replace(/ref=[^&]+/, 'ref=x') };
    const linRaw = await rawCustomer('cus_lin');
    expect(await sendWith(linRaw, mine.id, 'fake', [fake])).toMatchObject({
      type: 'error',
      code: 'VALIDATION',
    });
    expect((await sendWith(linRaw, mine.id, 'real', [attachment])).type).toBe('ack');
  });

  it('takes photos as ticket evidence', async () => {
    const lin = connect(customer('cus_lin'));
    const started = await lin.startConversation({ text: '收到的货不对' });
    const put = await upload(await png(), {
      name: 'wrong-item.png',
      contentType: 'image/png',
      conversationId: started.id,
    });
    const { attachment } = (await put.json()) as { attachment: never };
    const wang = connect(agent('token-wang'));
    const ticket = (await wang.call('tickets.create', {
      kind: 'exchange',
      subject: '发错货',
      customerId: 'cus_lin',
      conversationId: started.id,
      attachments: [attachment],
    })) as { id: string; attachments: Array<{ url: string }> };
    expect(ticket.attachments).toHaveLength(1);
    expect((await fetch(ticket.attachments[0]?.url ?? '')).status).toBe(200);

    // An upload for the ticket itself, by the agent.
    const evidence = await upload(
      await png(),
      { name: 'box.png', contentType: 'image/png', ticketId: ticket.id },
      WANG,
    );
    expect(evidence.status).toBe(201);
    const box = ((await evidence.json()) as { attachment: never }).attachment;
    const noted = (await wang.call('tickets.addNote', {
      ticketId: ticket.id,
      text: '盒子照片',
      attachments: [box],
    })) as { attachments: Array<{ name: string; url: string }> };
    expect(noted.attachments.map((a) => a.name)).toEqual(['wrong-item.png', 'box.png']);
    expect((await fetch(noted.attachments[1]?.url ?? '')).status).toBe(200);

    // The customer adds their own evidence to their ticket (ticket_note).
    const own = await upload(await png(), {
      name: 'label.png',
      contentType: 'image/png',
      ticketId: ticket.id,
    });
    const label = ((await own.json()) as { attachment: Record<string, unknown> }).attachment;
    const linNotes = await rawCustomer('cus_lin');
    const noteFrame: Record<string, unknown> = {
      type: 'ticket_note',
      id: 'tn1',
      ticketId: ticket.id,
      text: '快递单照片',
      attachments: [label],
    };
    linNotes.send(noteFrame);
    await linNotes.next('ack', (f) => f.id === 'tn1');
    const stored = await fixture.desk.tickets.get(ticket.id);
    expect(stored?.attachments.map((a) => a.name)).toEqual([
      'wrong-item.png',
      'box.png',
      'label.png',
    ]);
    const amyNotes = await rawCustomer('cus_amy');
    amyNotes.send({ ...noteFrame, id: 'tn2' });
    expect(await amyNotes.next('error', (f) => f.id === 'tn2')).toMatchObject({
      code: 'FORBIDDEN',
    });

    // A file uploaded for this ticket stays out of conversations.
    const linRaw = await rawCustomer('cus_lin');
    expect(await sendWith(linRaw, started.id, 'x', [box])).toMatchObject({ code: 'VALIDATION' });
  });

  it('counts upload requests against messagesPerMinute', async () => {
    await fixture.close();
    fixture = await gateway.start({ attachments: { blobs }, limits: { messagesPerMinute: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 2 })).status,
      );
    }
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('answers 404 for uploads when no store is configured', async () => {
    await fixture.close();
    fixture = await gateway.start();
    const asked = await askUpload({ name: 'a.txt', contentType: 'text/plain', size: 2 });
    expect(asked.status).toBe(404);
  });
});
