import { describe, expect, it } from 'vitest';
import { decodeClientFrame, decodeServerFrame } from './frame-codec';
import { encodeFrame } from './wire-codec';

describe('protocol frames', () => {
  it('reads a send frame and fills in defaults', () => {
    const result = decodeClientFrame(
      encodeFrame({
        type: 'send',
        id: 'r1',
        conversationId: 'conv_1',
        clientId: 'c_12345678',
        text: '在吗',
      }),
    );
    expect(result).toEqual({
      ok: true,
      frame: {
        type: 'send',
        id: 'r1',
        conversationId: 'conv_1',
        clientId: 'c_12345678',
        text: '在吗',
        attachments: [],
        internal: false,
      },
    });
  });

  it('answers malformed JSON and unknown frames with VALIDATION, keeping the request id', () => {
    expect(decodeClientFrame('{nope')).toMatchObject({
      ok: false,
      problem: { code: 'VALIDATION' },
    });
    const unknown = decodeClientFrame(encodeFrame({ type: 'teleport', id: 'r9' }));
    expect(unknown).toMatchObject({ ok: false, problem: { code: 'VALIDATION', id: 'r9' } });
    const badClientId = decodeClientFrame(
      encodeFrame({
        type: 'send',
        id: 'r2',
        conversationId: 'c',
        clientId: 'no spaces!',
        text: 'x',
      }),
    );
    expect(badClientId).toMatchObject({ ok: false, problem: { id: 'r2' } });
  });

  it('refuses agent credentials without a token', () => {
    const result = decodeClientFrame(encodeFrame({ type: 'hello', v: 1, auth: { kind: 'agent' } }));
    expect(result.ok).toBe(false);
  });

  it('reads server frames and ignores what it does not know', () => {
    expect(decodeServerFrame(encodeFrame({ type: 'pong', at: 5 }))).toEqual({
      type: 'pong',
      at: 5,
    });
    expect(decodeServerFrame(encodeFrame({ type: 'future-thing' }))).toBeNull();
    expect(decodeServerFrame('not json')).toBeNull();
  });
});
