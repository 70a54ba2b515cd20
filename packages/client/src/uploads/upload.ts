import type { Credentials } from '@kefu/core/wire';
import type { RequestError } from '../requests/requests';
import type { UploadOptions, WireAttachment } from './upload-types';

// Loaded by `client.upload` on first use (`import()`), so pages that never upload do not carry it.

/** The part of XMLHttpRequest used here (the client is typed without the DOM library). */
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  upload: {
    onprogress:
      | ((event: { loaded: number; total: number; lengthComputable: boolean }) => void)
      | null;
  };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  readonly status: number;
  readonly responseText: string;
  abort(): void;
  send(body: Blob | string): void;
}

interface HttpAnswer {
  status: number;
  body: unknown;
}

/** Headers that identify the caller over HTTP, as the gateway reads them. */
export function credentialHeaders(credentials: Credentials): Record<string, string> {
  switch (credentials.kind) {
    case 'agent':
      return { authorization: `Bearer ${credentials.token}` };
    case 'visitor':
      return credentials.token ? { 'x-kefu-visitor-token': credentials.token } : {};
    case 'customer':
      return {
        'x-kefu-customer-id': credentials.customerId,
        ...(credentials.signature ? { 'x-kefu-signature': credentials.signature } : {}),
      };
  }
}

function refusal(answer: HttpAnswer, what: string): RequestError {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'UNAVAILABLE';
  const message =
    typeof error?.message === 'string' ? error.message : `${what} failed (HTTP ${answer.status}).`;
  return Object.assign(new Error(message), { code, status: answer.status });
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const aborted = () => new DOMException('The upload was cancelled.', 'AbortError');

/**
 * One HTTP request: XMLHttpRequest where there is one (browsers: it reports upload progress),
 * else fetch (Node, workers), which reports only the end.
 */
function send(
  method: 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  body: Blob | string,
  options: UploadOptions,
  size: number,
): Promise<HttpAnswer> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(aborted());
  const Xhr = (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
  if (!Xhr) {
    return fetch(url, { method, headers, body, ...(signal ? { signal } : {}) }).then(
      async (response) => {
        if (method === 'PUT' && response.ok) onProgress?.({ loaded: size, total: size });
        return { status: response.status, body: parse(await response.text()) };
      },
    );
  }
  return new Promise((resolve, reject) => {
    const request = new Xhr();
    request.open(method, url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    if (method === 'PUT' && onProgress) {
      request.upload.onprogress = (event) =>
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : size });
    }
    request.onload = () => {
      if (method === 'PUT' && request.status < 300) onProgress?.({ loaded: size, total: size });
      resolve({ status: request.status, body: parse(request.responseText) });
    };
    request.onerror = () =>
      reject(
        Object.assign(new Error('The upload could not reach the gateway.'), {
          code: 'UNAVAILABLE',
        }),
      );
    request.onabort = () => reject(aborted());
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}

/**
 * Uploads `file` through the gateway's attachments endpoint: asks for an upload URL
 * (`POST {base}/attachments`, with the caller's credentials), then sends the bytes there
 * (`PUT`, Content-Type the file's type), and returns the stored attachment. A refusal (too
 * large, a type not allowed, not your conversation) rejects with the gateway's code and message.
 */
export async function uploadFile(
  base: string,
  credentials: Credentials,
  file: Blob,
  options: UploadOptions,
): Promise<WireAttachment> {
  const name = options.name ?? (file as Partial<File>).name ?? 'upload';
  const contentType = options.contentType ?? (file.type || 'application/octet-stream');
  const grant = await send(
    'POST',
    `${base}/attachments`,
    { 'content-type': 'application/json', ...credentialHeaders(credentials) },
    JSON.stringify({
      ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      ...(options.ticketId ? { ticketId: options.ticketId } : {}),
      name,
      contentType,
      size: file.size,
    }),
    options,
    file.size,
  );
  const uploadUrl = (grant.body as { uploadUrl?: unknown } | null)?.uploadUrl;
  if (grant.status !== 201 || typeof uploadUrl !== 'string') throw refusal(grant, 'The upload');
  options.onProgress?.({ loaded: 0, total: file.size });
  const stored = await send(
    'PUT',
    new URL(uploadUrl, `${base}/`).href,
    { 'content-type': contentType },
    file,
    options,
    file.size,
  );
  const attachment = (stored.body as { attachment?: WireAttachment } | null)?.attachment;
  if (stored.status !== 201 || !attachment) throw refusal(stored, 'The upload');
  return attachment;
}
