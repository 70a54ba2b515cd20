import { expect } from 'vitest';
import { isKefuError, type KefuErrorCode } from '../../errors/kefu-error';

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

export type GetAdapter = () => import('../../storage/storage-adapter').StorageAdapter;
