import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBlobStoreConformance } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { createDiskBlobStore } from './disk-blob-store';

const directories = new Map<object, string>();

runBlobStoreConformance({
  name: 'disk',
  async createStore() {
    const directory = await mkdtemp(join(tmpdir(), 'kefu-blobs-'));
    const store = createDiskBlobStore({ directory });
    directories.set(store, directory);
    return store;
  },
  async dispose(store) {
    await rm(directories.get(store) ?? '', { recursive: true, force: true });
  },
});

describe('disk blob store', () => {
  it('leaves no temporary file behind when a body fails, and keeps files inside its directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'kefu-blobs-'));
    try {
      const store = createDiskBlobStore({ directory });
      async function* failing() {
        yield new Uint8Array(10);
        throw new Error('cut');
      }
      await expect(
        store.put('customers/a/x', failing(), { contentType: 'text/plain' }),
      ).rejects.toThrow('cut');
      expect(await readdir(join(directory, 'tmp'))).toEqual([]);
      await store.put('customers/a/y', new Uint8Array(3), { contentType: 'text/plain' });
      expect(await readdir(join(directory, 'data', 'customers', 'a'))).toEqual(['y']);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
