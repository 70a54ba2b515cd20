import { expect } from 'vitest';
import { isKefuError, type KefuErrorCode } from '../../errors/kefu-error';
import type { StorageAdapter, StorageTransaction } from '../../storage/storage-adapter';

/** The current test's adapter; each test gets a fresh one. */
export type GetAdapter = () => StorageAdapter;

/** Awaits `promise` and checks it failed with a `KefuError` of `code`. */
export async function expectKefuError(
  promise: Promise<unknown>,
  code: KefuErrorCode,
): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a KefuError ${code}`).not.toBeNull();
  expect(isKefuError(error) ? error.code : error).toBe(code);
}

/**
 * Runs `work` in a transaction and, while that transaction is still open, `whileOpen` with what
 * `work` returned; then lets the transaction commit and waits for it. This is how a test looks
 * at the storage from outside while a transaction's writes are uncommitted, however slow the
 * adapter; the transaction is let go even when `whileOpen` fails, so `close()` is not left waiting.
 */
export async function whileTransactionOpen<T>(
  adapter: StorageAdapter,
  work: (tx: StorageTransaction) => Promise<T>,
  whileOpen: (result: T) => Promise<void>,
): Promise<void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached: (value: T) => void = () => undefined;
  const ready = new Promise<T>((resolve) => {
    reached = resolve;
  });
  const done = adapter.transaction(async (tx) => {
    reached(await work(tx));
    await held;
  });
  try {
    await whileOpen(await Promise.race([ready, done.then(() => ready)]));
  } finally {
    release();
    await done;
  }
}
