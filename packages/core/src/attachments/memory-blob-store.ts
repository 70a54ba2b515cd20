import { type Clock, systemClock } from '../time/clock';
import {
  assertBlobKey,
  type BlobInfo,
  type BlobPutOptions,
  type BlobStore,
  blobChunks,
} from './blob-store';

/**
 * A `BlobStore` in process memory: for tests and quick starts (files are gone on restart).
 *
 * @example
 * const blobs = createMemoryBlobStore();
 * createGateway({ desk, attachments: { blobs, publicUrl: 'http://localhost:3000/kefu' } });
 */
export function createMemoryBlobStore(options: { clock?: Clock } = {}): BlobStore {
  const clock = options.clock ?? systemClock;
  const files = new Map<string, { info: BlobInfo; bytes: Uint8Array }>();
  const copy = (info: BlobInfo): BlobInfo => ({ ...info, metadata: { ...info.metadata } });
  return {
    async put(key, body, { contentType, metadata = {} }: BlobPutOptions) {
      assertBlobKey(key);
      const parts: Uint8Array[] = [];
      for await (const chunk of blobChunks(body)) parts.push(chunk);
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.byteLength;
      }
      const info = {
        key,
        contentType,
        size: bytes.byteLength,
        createdAt: clock.now(),
        metadata: { ...metadata },
      };
      files.set(key, { info, bytes });
      return copy(info);
    },
    async get(key) {
      assertBlobKey(key);
      const file = files.get(key);
      if (!file) return null;
      const { bytes } = file;
      return {
        info: copy(file.info),
        body: (async function* () {
          yield bytes.slice();
        })(),
      };
    },
    async head(key) {
      assertBlobKey(key);
      const file = files.get(key);
      return file ? copy(file.info) : null;
    },
    async delete(key) {
      assertBlobKey(key);
      return files.delete(key);
    },
    async *list(prefix) {
      for (const [key, file] of [...files]) if (key.startsWith(prefix)) yield copy(file.info);
    },
  };
}
