import { KefuError } from '../errors/kefu-error';

/**
 * What a store knows about one stored file.
 *
 * @example
 * const info: BlobInfo | null = await blobs.head('customers/Y3VzXzE/V1StGXR8_Z5jdHi6B-myT');
 * if (info) console.log(info.contentType, info.size, info.metadata.name);
 */
export interface BlobInfo {
  key: string;
  contentType: string;
  /** Bytes stored. */
  size: number;
  /** When it was stored (epoch ms). */
  createdAt: number;
  /** Small string facts kept with the file (who uploaded it, for which conversation). */
  metadata: Record<string, string>;
}

/**
 * The bytes of a file: chunks, as Node streams and `ReadableStream` both iterate, or one array.
 *
 * @example
 * const body: BlobBody = request; // a Node IncomingMessage is an AsyncIterable<Uint8Array>
 */
export type BlobBody = AsyncIterable<Uint8Array> | Uint8Array;

/**
 * What `put` is told besides the bytes.
 *
 * @example
 * const options: BlobPutOptions = { contentType: 'image/png', metadata: { name: '融化.png' } };
 * await blobs.put(key, bytes, options);
 */
export interface BlobPutOptions {
  contentType: string;
  metadata?: Record<string, string>;
}

/**
 * Where uploaded files live: the port, with one implementation per backend (in memory here; local
 * disk and S3-compatible in `@kefu/blob-store`). Keys are relative paths of `[A-Za-z0-9._-]`
 * segments; a `put` under an existing key replaces it whole; a `put` whose body fails midway
 * stores nothing.
 *
 * @example
 * const blobs: BlobStore = createMemoryBlobStore();
 * await blobs.put('customers/c1/abc', new TextEncoder().encode('hi'), { contentType: 'text/plain' });
 * const found = await blobs.get('customers/c1/abc'); // { info, body } or null
 * for await (const info of blobs.list('customers/c1/')) await blobs.delete(info.key);
 */
export interface BlobStore {
  put(key: string, body: BlobBody, options: BlobPutOptions): Promise<BlobInfo>;
  /** The file and its bytes, or `null` when there is none. */
  get(key: string): Promise<{ info: BlobInfo; body: AsyncIterable<Uint8Array> } | null>;
  head(key: string): Promise<BlobInfo | null>;
  /** Whether there was a file to delete. */
  delete(key: string): Promise<boolean>;
  /** Every file whose key starts with `prefix`, in no promised order. */
  list(prefix: string): AsyncIterable<BlobInfo>;
}

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Throws `VALIDATION` unless `key` is a safe relative path (no `..`, no empty segments), so a
 * store can map it onto a directory or bucket without escaping it.
 *
 * @example
 * assertBlobKey('customers/c1/abc'); // fine
 * assertBlobKey('../etc/passwd'); // throws KefuError VALIDATION
 */
export function assertBlobKey(key: string): void {
  const segments = key.split('/');
  const ok =
    key.length > 0 &&
    key.length <= 512 &&
    segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!ok) throw new KefuError('VALIDATION', `"${key}" is not a valid blob key.`);
}

/**
 * Bytes of a body, whatever its shape, as chunks.
 *
 * @example
 * for await (const chunk of blobChunks(body)) hash.update(chunk);
 */
export async function* blobChunks(body: BlobBody): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  for await (const chunk of body) yield chunk;
}
