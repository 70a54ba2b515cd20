import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { KefuError } from '@kefu/core';

/** What an upload URL allows: one file, of this declared name, type and size, until `expiresAt`. */
export interface UploadClaims {
  id: string;
  name: string;
  contentType: string;
  size: number;
  expiresAt: number;
  conversationId?: string;
  ticketId?: string;
  /** Whose file it is (the conversation's or ticket's customer). */
  customerId: string;
  /** Who asked for the upload, as `role:id`. */
  by: string;
}

const MAC_LENGTH = 32;
const forbidden = (message: string) => new KefuError('FORBIDDEN', message);

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Signs and checks the gateway's attachment URLs with one secret (HMAC-SHA256):
 * - upload: `…/attachments/<id>?upload=<claims>&sig=<mac>`, one file, expiring;
 * - reference: `…/attachments/<id>?ref=<mac>`, what messages and tickets store: it proves the
 *   file is this gateway's, but opens nothing by itself;
 * - download: the reference plus `&exp=<ms>&sig=<mac>`, added on the way out to a client.
 */
export class AttachmentSigner {
  readonly #secret: string;
  readonly #pattern: RegExp;

  /** @param urlPath the path part of attachment URLs, e.g. `/kefu` */
  constructor(secret: string | undefined, urlPath: string) {
    // Without a configured secret, one per process: right for one node, documented for clusters.
    this.#secret = secret ?? randomBytes(32).toString('hex');
    this.#pattern = new RegExp(
      `${escapeRegExp(urlPath)}/attachments/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)\\?ref=([A-Za-z0-9_-]{${MAC_LENGTH}})(?:&exp=\\d+&sig=[A-Za-z0-9_-]{${MAC_LENGTH}})?`,
      'g',
    );
  }

  #mac(purpose: string, ...parts: string[]): string {
    return createHmac('sha256', this.#secret)
      .update([purpose, ...parts].join('\n'))
      .digest('base64url')
      .slice(0, MAC_LENGTH);
  }

  uploadQuery(claims: UploadClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `upload=${payload}&sig=${this.#mac('put', claims.id, payload)}`;
  }

  /** The claims of a signed upload URL for this id, or `FORBIDDEN` (forged or expired). */
  readUpload(id: string, params: URLSearchParams, now: number): UploadClaims {
    const payload = params.get('upload') ?? '';
    const sig = params.get('sig') ?? '';
    if (!payload || !safeEqual(sig, this.#mac('put', id, payload))) {
      throw forbidden('The upload link is not valid.');
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UploadClaims;
    if (claims.id !== id) throw forbidden('The upload link is not valid.');
    if (claims.expiresAt <= now) throw forbidden('The upload link has expired; ask for a new one.');
    return claims;
  }

  ref(id: string): string {
    return this.#mac('ref', id);
  }

  refValid(id: string, ref: string | null): boolean {
    return ref !== null && safeEqual(ref, this.ref(id));
  }

  /** `ref`, `exp` and `sig` for a download of this file until `expiresAt`. */
  downloadQuery(id: string, expiresAt: number): string {
    return `ref=${this.ref(id)}&exp=${expiresAt}&sig=${this.#mac('get', id, String(expiresAt))}`;
  }

  /** Throws `FORBIDDEN` unless the download URL's signature is this gateway's and unexpired. */
  checkDownload(id: string, params: URLSearchParams, now: number): void {
    const exp = params.get('exp') ?? '';
    const sig = params.get('sig') ?? '';
    if (!this.refValid(id, params.get('ref')) || !/^\d+$/.test(exp)) {
      throw forbidden('The download link is not valid.');
    }
    if (!safeEqual(sig, this.#mac('get', id, exp))) {
      throw forbidden('The download link is not valid.');
    }
    if (Number(exp) <= now) throw forbidden('The download link has expired; reload the messages.');
  }

  /**
   * Every reference to one of this gateway's files in outgoing JSON, signed afresh for download
   * until `expiresAt` (old download signatures are replaced). References whose `ref` is not ours
   * are left alone, so a pasted look-alike never gets a signature.
   */
  signText(text: string, expiresAt: number): string {
    if (!text.includes('/attachments/')) return text;
    return text.replace(this.#pattern, (whole, id: string, ref: string) =>
      this.refValid(id, ref)
        ? whole.slice(0, whole.indexOf('?') + 1) + this.downloadQuery(id, expiresAt)
        : whole,
    );
  }
}
