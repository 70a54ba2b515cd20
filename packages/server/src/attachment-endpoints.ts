import type { TLSSocket } from 'node:tls';
import { attachmentId, attachmentKey, KefuError } from '@kefu/core';
import { nanoid } from 'nanoid';
import { z } from 'zod';
import { checkUploadBytes, tooLarge } from './attachment-bytes';
import { cleanFileName } from './attachment-policy';
import { authorizedConversation, requireAgentScope } from './authorization';
import type { Principal } from './gateway-context';
import { type HttpRequestContext, principalFor, reply, replyError } from './http-support';
import { originAllowed } from './origin-check';

const UploadRequestSchema = z
  .object({
    conversationId: z.string().min(1).max(128).optional(),
    ticketId: z.string().min(1).max(128).optional(),
    name: z.string().trim().min(1).max(255),
    contentType: z.string().min(3).max(127),
    size: z.number().int().positive(),
  })
  .strict()
  .refine((r) => r.conversationId === undefined || r.ticketId === undefined, {
    message: 'name a conversationId or a ticketId, not both',
  });

const MAX_JSON_BYTES = 4096;

async function readJson(http: HttpRequestContext): Promise<unknown> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of http.request) {
    length += (chunk as Buffer).byteLength;
    if (length > MAX_JSON_BYTES) throw new KefuError('VALIDATION', 'The request is too large.');
    parts.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    throw new KefuError('VALIDATION', 'The body is not JSON.');
  }
}

function blobsOf(http: HttpRequestContext) {
  const { blobs } = http.context.uploads;
  if (!blobs) throw new KefuError('NOT_FOUND', 'Uploads are not enabled on this gateway.');
  return blobs;
}

const baseOf = (http: HttpRequestContext) =>
  http.context.uploads.baseUrl(
    http.request.headers,
    Boolean((http.request.socket as TLSSocket).encrypted),
  );

/** Whose file it will be: the customer of the conversation or ticket the caller may use. */
async function ownerOf(
  http: HttpRequestContext,
  principal: Principal,
  target: { conversationId?: string | undefined; ticketId?: string | undefined },
): Promise<string> {
  const { context } = http;
  if (target.conversationId !== undefined) {
    return (await authorizedConversation(context, principal, target.conversationId)).customerId;
  }
  if (target.ticketId !== undefined) {
    const ticket = await context.desk.tickets.get(target.ticketId);
    if (!ticket) throw new KefuError('NOT_FOUND', `No ticket "${target.ticketId}".`);
    if (principal.role === 'agent') {
      await requireAgentScope(context, principal.id, {
        kind: 'ticket',
        customerId: ticket.customerId,
        ticket,
      });
    } else if (ticket.customerId !== principal.id) {
      throw new KefuError('FORBIDDEN', 'This ticket belongs to someone else.');
    }
    return ticket.customerId;
  }
  if (principal.role === 'agent') {
    throw new KefuError('VALIDATION', 'Agents name the conversationId or ticketId of an upload.');
  }
  return principal.id;
}

/** `POST {path}/attachments`: a signed, expiring upload URL for one declared file. */
async function createUpload(http: HttpRequestContext): Promise<void> {
  const principal = await principalFor(http);
  const parsed = UploadRequestSchema.safeParse(await readJson(http));
  if (!parsed.success) {
    throw new KefuError('VALIDATION', 'The upload request is not valid.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const input = parsed.data;
  const { uploads } = http.context;
  blobsOf(http);
  const contentType = (input.contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (!uploads.uploadTypes.includes(contentType)) {
    throw new KefuError('VALIDATION', `Files of type "${contentType}" are not accepted.`, {
      details: { accepted: uploads.uploadTypes },
    });
  }
  if (input.size > uploads.maxBytes) throw tooLarge(uploads.maxBytes);
  const customerId = await ownerOf(http, principal, input);
  // Each upload is on its way into a message: it counts against the same allowance.
  const decision = await http.context.takeLimit('messages', principal.id);
  if (!decision.allowed) {
    throw new KefuError('RATE_LIMITED', 'Too many uploads; wait a moment.', {
      details: { retryAfterMs: decision.retryAfterMs },
    });
  }
  const id = attachmentId(customerId, nanoid());
  const expiresAt = Date.now() + uploads.uploadTtlMs;
  const query = uploads.signer.uploadQuery({
    id,
    name: cleanFileName(input.name),
    contentType,
    size: input.size,
    expiresAt,
    ...(input.conversationId !== undefined ? { conversationId: input.conversationId } : {}),
    ...(input.ticketId !== undefined ? { ticketId: input.ticketId } : {}),
    customerId,
    by: `${principal.role}:${principal.id}`,
  });
  reply(http.response, 201, {
    uploadUrl: `${baseOf(http)}/attachments/${id}?${query}`,
    expiresAt: new Date(expiresAt).toISOString(),
  });
}

/** `PUT <uploadUrl>`: the raw bytes, checked while they stream in, then stored. */
async function receiveUpload(http: HttpRequestContext, id: string, url: URL): Promise<void> {
  const blobs = blobsOf(http);
  const { uploads } = http.context;
  const claims = uploads.signer.readUpload(id, url.searchParams, Date.now());
  const key = attachmentKey(id);
  const declaredLength = Number(http.request.headers['content-length'] ?? Number.NaN);
  if (declaredLength > claims.size) throw tooLarge(claims.size);
  const taken = () =>
    new KefuError('CONFLICT', 'This file was uploaded already; ask for a new upload link.');
  // Claimed before the first await, so two PUTs racing on one link cannot both get in.
  if (uploads.receiving.has(id)) throw taken();
  uploads.receiving.add(id);
  try {
    if (await blobs.head(key)) throw taken();
    const checked = await checkUploadBytes(http.request, claims);
    const info = await blobs.put(key, checked.body, {
      contentType: checked.contentType,
      metadata: {
        name: claims.name,
        customer: claims.customerId,
        uploadedBy: claims.by,
        ...(claims.conversationId !== undefined ? { conversation: claims.conversationId } : {}),
        ...(claims.ticketId !== undefined ? { ticket: claims.ticketId } : {}),
      },
    });
    const attachment = {
      name: claims.name,
      contentType: info.contentType,
      size: info.size,
      url: `${baseOf(http)}/attachments/${id}?ref=${uploads.signer.ref(id)}`,
    };
    reply(http.response, 201, { attachment }, uploads.sign);
  } finally {
    uploads.receiving.delete(id);
  }
}

const INLINE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/|video\/)/;

/** `GET {path}/attachments/{id}?ref=&exp=&sig=`: the file, for whoever holds a live signed link. */
async function sendFile(http: HttpRequestContext, id: string, url: URL): Promise<void> {
  const blobs = blobsOf(http);
  const now = Date.now();
  http.context.uploads.signer.checkDownload(id, url.searchParams, now);
  const file = await blobs.get(attachmentKey(id));
  if (!file) throw new KefuError('NOT_FOUND', 'The file is gone (deleted or erased).');
  const { info, body } = file;
  const name = encodeURIComponent(info.metadata.name ?? 'attachment');
  const { response } = http;
  response.writeHead(200, {
    'content-type': info.contentType,
    'content-length': info.size,
    'content-disposition': `${INLINE.test(info.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
    'cache-control': `private, max-age=${Math.max(0, Math.floor((Number(url.searchParams.get('exp')) - now) / 1000))}`,
    // A file is never a page: no sniffing, no scripts, even when opened directly.
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cross-origin-resource-policy': 'cross-origin',
  });
  try {
    for await (const chunk of body) {
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  } catch (error) {
    http.context.onError(error);
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

const CORS_HEADERS =
  'authorization, content-type, x-kefu-visitor-token, x-kefu-customer-id, x-kefu-signature';

/**
 * The attachment endpoints, browser-ready across origins (CORS for the allowed origins, or any
 * origin without `allowedOrigins`: credentials travel in headers, never cookies):
 * - `POST {path}/attachments` → 201 `{ uploadUrl, expiresAt }`
 * - `PUT <uploadUrl>` (raw bytes) → 201 `{ attachment: { name, contentType, size, url } }`
 * - `GET <url>` → the file
 */
export async function handleAttachmentRequest(
  http: HttpRequestContext,
  route: string,
  url: URL,
): Promise<void> {
  const { request, response } = http;
  try {
    const origin = request.headers.origin;
    if (!originAllowed(request.headers, http.allowedOrigins)) {
      throw new KefuError('FORBIDDEN', 'Requests from this origin are not allowed.');
    }
    if (origin) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'origin');
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'POST, PUT, GET',
        'access-control-allow-headers': CORS_HEADERS,
        'access-control-max-age': '600',
      });
      response.end();
      return;
    }
    if (route === '/attachments' && request.method === 'POST') return await createUpload(http);
    const match = /^\/attachments\/([^/]+)$/.exec(route);
    // Ids are plain `[A-Za-z0-9_.-]` (checked by attachmentKey): nothing to percent-decode.
    const id = match?.[1] ?? null;
    if (id && request.method === 'PUT') return await receiveUpload(http, id, url);
    if (id && request.method === 'GET') return await sendFile(http, id, url);
    reply(response, 404, { error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
  } catch (error) {
    // The rest of a refused upload is not read: close the connection once the answer is out.
    if (request.method === 'PUT' && !request.readableEnded)
      response.setHeader('connection', 'close');
    replyError(http, error);
  }
}
