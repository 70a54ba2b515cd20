import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase32, toBase32 } from './base32';
import {
  conversationOfAddress,
  mintMessageId,
  readMessageId,
  readReplyToken,
  replyToken,
  tokenizedAddress,
} from './signed-ids';

const SECRET = 'a-secret-of-sixteen-plus';

describe('signed reply tokens and Message-IDs', () => {
  it('base32 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(fromBase32(toBase32(bytes))).toEqual(bytes);
      }),
    );
  });

  it('reads back every conversation id it signed, and nothing signed with another secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
        expect(readReplyToken(replyToken(id, SECRET), SECRET)).toBe(id);
        expect(readReplyToken(replyToken(id, 'another-secret-16+'), SECRET)).toBeNull();
        const minted = mintMessageId(id, 'msg_1', 'candy.example', SECRET);
        expect(readMessageId(minted, SECRET)).toEqual({ conversationId: id, messageId: 'msg_1' });
        expect(readMessageId(minted, 'another-secret-16+')).toBeNull();
      }),
    );
  });

  it('refuses any single changed character of a token', () => {
    const token = replyToken('conv_V1StGXR8_Z5jdHi6B', SECRET);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      expect(readReplyToken(changed, SECRET)).toBeNull();
    }
  });

  it('reads the token from a recipient address of the reply domain only', () => {
    const address = tokenizedAddress('reply@candy.example', 'conv_1', SECRET);
    expect(conversationOfAddress(address, 'reply@candy.example', SECRET)).toBe('conv_1');
    expect(conversationOfAddress(address.toUpperCase(), 'reply@candy.example', SECRET)).toBe(
      'conv_1',
    );
    expect(
      conversationOfAddress(
        address.replace('candy.example', 'evil.example'),
        'reply@candy.example',
        SECRET,
      ),
    ).toBeNull();
    expect(conversationOfAddress('reply@candy.example', 'reply@candy.example', SECRET)).toBeNull();
    expect(conversationOfAddress('garbage', 'reply@candy.example', SECRET)).toBeNull();
  });

  it('rejects Message-IDs that are not its own', () => {
    for (const value of ['<CAF=abc123@mail.gmail.com>', '<a.b.c@x>', '', '<@>', 'no-brackets']) {
      expect(readMessageId(value, SECRET)).toBeNull();
    }
  });
});
