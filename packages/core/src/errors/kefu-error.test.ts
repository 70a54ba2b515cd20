import { describe, expect, it } from 'vitest';
import { isKefuError, KefuError } from './kefu-error';

describe('KefuError', () => {
  it('carries a code, issues and a cause, and serialises without the cause', () => {
    const cause = new Error('socket closed');
    const error = new KefuError('UNAVAILABLE', 'Storage is unreachable; retry later.', {
      cause,
      issues: [{ path: 'x', message: 'y' }],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'KefuError',
      code: 'UNAVAILABLE',
      message: 'Storage is unreachable; retry later.',
      issues: [{ path: 'x', message: 'y' }],
    });
  });

  it('is recognised by its registry brand, also from another copy of the library', () => {
    const foreign = Object.assign(new Error('from another bundle'), {
      code: 'CONFLICT',
      [Symbol.for('kefu.error')]: true,
    });
    expect(isKefuError(foreign)).toBe(true);
    expect(isKefuError(foreign, 'CONFLICT')).toBe(true);
    expect(isKefuError(foreign, 'NOT_FOUND')).toBe(false);
    expect(isKefuError(new Error('plain'))).toBe(false);
    expect(isKefuError({ code: 'CONFLICT' })).toBe(false);
    expect(isKefuError(null)).toBe(false);
  });
});
