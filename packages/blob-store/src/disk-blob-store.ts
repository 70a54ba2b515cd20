import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, type BlobInfo, type BlobStore, blobChunks } from '@kefu/core';

/**
 * Options of `createDiskBlobStore`.
 *
 * @example
 * const options: DiskBlobStoreOptions = { directory: './data/attachments' };
 */
export interface DiskBlobStoreOptions {
  /** Where files go; created if missing. Files under `data/`, their facts under `meta/`. */
  directory: string;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/**
 * A `BlobStore` on the local disk: the default of the candy-shop demo and right for one server
 * (several nodes need a shared disk or `createS3BlobStore`). Writes go to a temporary file first
 * and are renamed into place, so a failed or cut upload leaves nothing behind and a reader never
 * sees half a file.
 *
 * @example
 * import { createDiskBlobStore } from '@kefu/blob-store';
 *
 * const blobs = createDiskBlobStore({ directory: './data/attachments' });
 * createGateway({ desk, attachments: { blobs, publicUrl: 'https://candy.example/kefu' } });
 */
export function createDiskBlobStore(options: DiskBlobStoreOptions): BlobStore {
  const root = options.directory;
  const dataPath = (key: string) => join(root, 'data', ...key.split('/'));
  const metaPath = (key: string) => `${join(root, 'meta', ...key.split('/'))}.json`;
  const tmpPath = () => join(root, 'tmp', randomUUID());

  async function readMeta(key: string): Promise<BlobInfo | null> {
    assertBlobKey(key);
    try {
      return JSON.parse(await readFile(metaPath(key), 'utf8')) as BlobInfo;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function place(from: string, to: string): Promise<void> {
    await mkdir(dirname(to), { recursive: true });
    await rename(from, to);
  }

  return {
    async put(key, body, { contentType, metadata = {} }) {
      assertBlobKey(key);
      await mkdir(join(root, 'tmp'), { recursive: true });
      const tmpData = tmpPath();
      const tmpMeta = tmpPath();
      try {
        await pipeline(Readable.from(blobChunks(body)), createWriteStream(tmpData));
        const { size } = await stat(tmpData);
        const info: BlobInfo = {
          key,
          contentType,
          size,
          createdAt: Date.now(),
          metadata: { ...metadata },
        };
        await writeFile(tmpMeta, JSON.stringify(info));
        await place(tmpData, dataPath(key));
        await place(tmpMeta, metaPath(key));
        return info;
      } finally {
        await rm(tmpData, { force: true });
        await rm(tmpMeta, { force: true });
      }
    },
    async get(key) {
      const info = await readMeta(key);
      if (!info) return null;
      try {
        // Opened before returning, so a file deleted meanwhile is "missing", not a broken stream.
        const stream = createReadStream(dataPath(key));
        await new Promise<void>((resolve, reject) => {
          stream.once('open', () => resolve());
          stream.once('error', reject);
        });
        return { info, body: stream };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    head: readMeta,
    async delete(key) {
      assertBlobKey(key);
      let existed = true;
      // The facts first: without them the file counts as gone, even if unlinking it fails.
      await unlink(metaPath(key)).catch((error) => {
        if (!isMissing(error)) throw error;
        existed = false;
      });
      await rm(dataPath(key), { force: true });
      return existed;
    },
    async *list(prefix) {
      const metaRoot = join(root, 'meta');
      let names: string[];
      try {
        names = await readdir(metaRoot, { recursive: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        const key = relative(metaRoot, join(metaRoot, name.slice(0, -'.json'.length)))
          .split(sep)
          .join('/');
        if (!key.startsWith(prefix)) continue;
        const info = await readMeta(key).catch(() => null);
        if (info) yield info;
      }
    },
  };
}
