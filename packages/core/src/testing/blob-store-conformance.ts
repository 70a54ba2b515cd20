import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../attachments/blob-store';
import { isKefuError } from '../errors/kefu-error';

/**
 * How `runBlobStoreConformance` makes a fresh, empty store for each test.
 *
 * @example
 * const options: BlobStoreConformanceOptions = {
 *   name: 'my store',
 *   createStore: () => createMyStore({ bucket: `test-${Math.random()}` }),
 * };
 */
export interface BlobStoreConformanceOptions {
  name: string;
  createStore(): Promise<BlobStore> | BlobStore;
  /** Cleans up after each test (close clients, remove directories). */
  dispose?(store: BlobStore): Promise<void> | void;
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function readAll(body: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The behaviour every `BlobStore` shares, as vitest tests: run it in each store's tests.
 *
 * @example
 * runBlobStoreConformance({ name: 'memory', createStore: () => createMemoryBlobStore() });
 */
export function runBlobStoreConformance(options: BlobStoreConformanceOptions): void {
  const withStore = (test: (store: BlobStore) => Promise<void>) => async () => {
    const store = await options.createStore();
    try {
      await test(store);
    } finally {
      await options.dispose?.(store);
    }
  };

  describe(`BlobStore conformance: ${options.name}`, () => {
    it(
      'stores bytes with their type and metadata, and gives them back',
      withStore(async (store) => {
        const info = await store.put('customers/a/one', bytes('hello 你好'), {
          contentType: 'text/plain',
          metadata: { conversation: 'c1' },
        });
        expect(info).toMatchObject({ key: 'customers/a/one', size: 12, contentType: 'text/plain' });
        const head = await store.head('customers/a/one');
        expect(head).toMatchObject({ size: 12, metadata: { conversation: 'c1' } });
        const got = await store.get('customers/a/one');
        expect(got && (await readAll(got.body))).toBe('hello 你好');
        expect(got?.info.contentType).toBe('text/plain');
      }),
    );

    it(
      'streams a body given in chunks',
      withStore(async (store) => {
        async function* chunks() {
          for (let i = 0; i < 50; i++) yield bytes(`${i % 10}`.repeat(1000));
        }
        const info = await store.put('customers/a/big', chunks(), { contentType: 'text/plain' });
        expect(info.size).toBe(50_000);
        const got = await store.get('customers/a/big');
        if (!got) throw new Error('the file is missing');
        expect((await readAll(got.body)).length).toBe(50_000);
      }),
    );

    it(
      'answers null for missing files and deletes once',
      withStore(async (store) => {
        expect(await store.get('customers/a/none')).toBeNull();
        expect(await store.head('customers/a/none')).toBeNull();
        await store.put('customers/a/x', bytes('x'), { contentType: 'text/plain' });
        expect(await store.delete('customers/a/x')).toBe(true);
        expect(await store.delete('customers/a/x')).toBe(false);
        expect(await store.head('customers/a/x')).toBeNull();
      }),
    );

    it(
      'stores nothing when the body fails midway',
      withStore(async (store) => {
        async function* failing() {
          yield bytes('part');
          throw new Error('client went away');
        }
        await expect(
          store.put('customers/a/broken', failing(), { contentType: 'text/plain' }),
        ).rejects.toThrow();
        expect(await store.head('customers/a/broken')).toBeNull();
      }),
    );

    it(
      'lists by prefix',
      withStore(async (store) => {
        for (const key of ['customers/a/1', 'customers/a/2', 'customers/b/1']) {
          await store.put(key, bytes(key), { contentType: 'text/plain' });
        }
        const keys: string[] = [];
        for await (const info of store.list('customers/a/')) keys.push(info.key);
        expect(keys.sort()).toEqual(['customers/a/1', 'customers/a/2']);
      }),
    );

    it(
      'refuses keys that could escape the store',
      withStore(async (store) => {
        for (const key of ['../x', 'a//b', '/abs', 'a/../b', 'a b']) {
          const error = await store
            .put(key, bytes('x'), { contentType: 'text/plain' })
            .catch((e: unknown) => e);
          expect(isKefuError(error) && error.code).toBe('VALIDATION');
        }
      }),
    );
  });
}
