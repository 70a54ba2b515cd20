import type { IncomingHttpHeaders } from 'node:http';
import type { BlobStore } from '@kefu/core';
import { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_UPLOAD_TYPES } from './attachment-bytes';
import type { AttachmentOptions } from './attachment-policy';
import { AttachmentSigner } from './attachment-signing';

const MINUTE = 60_000;

/** The gateway's attachment settings, resolved once: store, signer, limits, URLs. */
export interface AttachmentService {
  readonly blobs: BlobStore | null;
  readonly signer: AttachmentSigner;
  readonly maxBytes: number;
  readonly uploadTypes: readonly string[];
  readonly uploadTtlMs: number;
  /** The path part of attachment URLs (`publicUrl`'s, else the gateway path). */
  readonly urlPath: string;
  /** Uploads being received now, so one upload URL cannot be used twice at once. */
  readonly receiving: Set<string>;
  /** `origin + path` of attachment URLs for a request with these headers. */
  baseUrl(headers: IncomingHttpHeaders, encrypted: boolean): string;
  /** The host browsers use for this gateway, or null when unknown (in-process callers). */
  host(headers: IncomingHttpHeaders): string | null;
  /** Outgoing JSON with every reference to one of our files signed for download. */
  sign(text: string): string;
}

export function createAttachmentService(
  options: AttachmentOptions,
  path: string,
  identitySecret: string | undefined,
): AttachmentService {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  const publicBase = publicUrl
    ? `${publicUrl.origin}${publicUrl.pathname.replace(/\/$/, '')}`
    : null;
  const urlPath = publicUrl ? publicUrl.pathname.replace(/\/$/, '') : path;
  const downloadTtlMs = options.downloadTtlMs ?? 4 * 60 * MINUTE;
  const signer = new AttachmentSigner(options.secret ?? identitySecret, urlPath);
  return {
    blobs: options.blobs ?? null,
    signer,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    uploadTypes: options.uploadTypes ?? DEFAULT_UPLOAD_TYPES,
    uploadTtlMs: options.uploadTtlMs ?? 15 * MINUTE,
    urlPath,
    receiving: new Set(),
    baseUrl(headers, encrypted) {
      if (publicBase) return publicBase;
      return `${encrypted ? 'https' : 'http'}://${headers.host ?? 'localhost'}${path}`;
    },
    host(headers) {
      if (publicUrl) return publicUrl.host;
      return headers.host ?? null;
    },
    sign(text) {
      // Rounded up to the minute, so every audience of one frame gets the same text.
      const expiresAt = Math.ceil((Date.now() + downloadTtlMs) / MINUTE) * MINUTE;
      return signer.signText(text, expiresAt);
    },
  };
}
