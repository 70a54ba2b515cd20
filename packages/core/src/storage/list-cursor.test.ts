import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import { decodeCursor, encodeCursor } from './list-cursor';

describe('list cursors', () => {
  it('round-trips keys, also with non-ASCII ids', () => {
    const key = { createdAt: 1_762_851_600_000, id: 'conv_林小糖_+/=' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each([
    '',
    '!!!',
    encodeCursor({ createdAt: 1, id: 'x' }).slice(0, 5),
    btoa('[1.5,"x"]'),
    btoa('{"a":1}'),
  ])('rejects %j with VALIDATION', (cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (e) {
      error = e;
    }
    expect(isKefuError(error, 'VALIDATION')).toBe(true);
  });
});
