import { type Attachment, type BlobStore, KefuError } from '@kefu/core';
import { isPublicHostname } from './public-host';
import { cleanText } from './safe-text';

/**
 * Which attachments the gateway accepts from clients.
 *
 * @example
 * ```ts
 * const gateway = createGateway({ desk, attachments: { allowedHosts: ['cdn.candy.example'], contentTypes: ['image/jpeg', 'image/png'] } });
 * ```
 */
export interface AttachmentOptions {
  /**
   * Hosts attachment URLs may point at, e.g. `['cdn.candy.example']`; `*.candy.example` allows
   * every subdomain. Default: none, so attachments are refused until you name your file host.
   */
  allowedHosts?: readonly string[];
  /** Accepted content types (without parameters). Default {@link DEFAULT_ATTACHMENT_TYPES}. */
  contentTypes?: readonly string[];
  /**
   * Where uploads go (`createDiskBlobStore`, `createS3BlobStore` from `@kefu/blob-store`, or
   * `createMemoryBlobStore` from `@kefu/core`). Without it the upload endpoints answer 404. The
   * gateway's own files need no `allowedHosts` entry.
   */
  blobs?: BlobStore;
  /**
   * The gateway as browsers reach it, e.g. `https://candy.example/kefu`: the origin and path of
   * upload and download URLs. Default: the request's `Host` header, over `http` unless the socket
   * is TLS; set it behind a proxy.
   */
  publicUrl?: string;
  /**
   * Signs upload and download URLs (HMAC-SHA256). Default `identity.secret`, else a random one
   * per process, which is fine for one node only: every node of a cluster needs the same.
   */
  secret?: string;
  /** Largest upload in bytes. Default 10 MiB (`DEFAULT_MAX_UPLOAD_BYTES`). */
  maxBytes?: number;
  /** Types accepted as uploads, checked on the bytes. Default `DEFAULT_UPLOAD_TYPES`. */
  uploadTypes?: readonly string[];
  /** How long an upload URL is valid. Default 15 minutes. */
  uploadTtlMs?: number;
  /**
   * How long a download URL is valid. Default 4 hours. URLs are signed afresh each time a message
   * or ticket is delivered (history, resume, live), so reloading brings working links.
   */
  downloadTtlMs?: number;
}

/**
 * Content types accepted by default: pictures, PDF, plain text, common audio and video. Nothing a
 * browser would run (HTML, SVG, JavaScript).
 *
 * @example
 * ```ts
 * const gateway = createGateway({ desk, attachments: { allowedHosts, contentTypes: [...DEFAULT_ATTACHMENT_TYPES, 'application/zip'] } });
 * ```
 */
export const DEFAULT_ATTACHMENT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
];

const refuse = (message: string) => new KefuError('VALIDATION', message);

function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const host = entry.toLowerCase();
    return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
  });
}

/** The file name without directories, control characters or bidi overrides. */
export function cleanFileName(name: string): string {
  const base = cleanText(name).split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? 'attachment' : base.slice(0, 255);
}

/**
 * The attachments as they may be stored, or `VALIDATION` naming the first one refused: `https`
 * URLs on an allowed, public host without user info; an allowed content type; a plain file name.
 *
 * @example
 * checkAttachments(frame.attachments, { allowedHosts: ['cdn.candy.example'] });
 */
export function checkAttachments(
  attachments: readonly Attachment[],
  options: AttachmentOptions,
): Attachment[] {
  const hosts = options.allowedHosts ?? [];
  const types = options.contentTypes ?? DEFAULT_ATTACHMENT_TYPES;
  return attachments.map((attachment, index) => {
    const what = `Attachment ${index + 1}`;
    let url: URL;
    try {
      url = new URL(attachment.url);
    } catch {
      throw refuse(`${what}: the URL is not valid.`);
    }
    if (url.protocol !== 'https:') throw refuse(`${what}: only https URLs are accepted.`);
    if (url.username || url.password) throw refuse(`${what}: URLs with user info are refused.`);
    const hostname = url.hostname.toLowerCase();
    if (!isPublicHostname(hostname)) {
      throw refuse(`${what}: private, loopback and link-local addresses are refused.`);
    }
    if (!hostAllowed(hostname, hosts)) {
      throw refuse(
        hosts.length === 0
          ? 'Attachments are not enabled: set attachments.allowedHosts on the gateway.'
          : `${what}: files are accepted from ${hosts.join(', ')} only.`,
      );
    }
    const contentType = (attachment.contentType.split(';')[0] ?? '').trim().toLowerCase();
    if (!types.includes(contentType)) {
      throw refuse(`${what}: the content type "${contentType}" is not accepted.`);
    }
    return { ...attachment, url: url.href, contentType, name: cleanFileName(attachment.name) };
  });
}
