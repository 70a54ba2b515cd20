import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_TEXT_LENGTH } from './message';
import { PostMessageSchema } from './message-schemas';
import { acceptCommonPost } from './post-message-fast-path';

const field = <T>(...values: T[]) => fc.constantFrom(...values);

// Valid and invalid values of every field, mixed: most generated posts are refused by the schema.
const posts = fc.record(
  {
    conversationId: field<unknown>(
      'cnv_8fJ2kq1x',
      'x',
      '',
      'a'.repeat(128),
      'a'.repeat(129),
      'cnv\u0000',
      7,
    ),
    author: field<unknown>(
      { kind: 'customer', id: 'cus_lin' },
      { kind: 'agent', id: 'agt_wang' },
      { kind: 'agent', id: 'agt_wang', name: '王客服' },
      { kind: 'bot' },
      { kind: 'system' },
      { kind: 'customer' },
      { kind: 'customer', id: '' },
      { kind: 'agent', id: 'a'.repeat(129) },
      { kind: 'shop', id: 'x' },
      null,
      'cus_lin',
      [],
    ),
    text: field<unknown>(
      '我的糖果什么时候到？',
      '',
      '   ',
      ' 好的 ',
      'a'.repeat(MAX_MESSAGE_TEXT_LENGTH),
      'a'.repeat(MAX_MESSAGE_TEXT_LENGTH + 1),
      5,
      null,
    ),
    attachments: field<unknown>([], [{ url: 'https://cdn.example.com/a.png' }], null),
    clientId: field<unknown>(
      'c_8fJ2kq1x',
      'short',
      'has space!',
      'a'.repeat(64),
      'a'.repeat(65),
      8,
    ),
    internal: field<unknown>(true, false, 'yes', 0),
    extra: field<unknown>('kept out', 1),
  },
  { requiredKeys: [] },
);

describe('acceptCommonPost (the fast path of desk.messages.post)', () => {
  it('accepts only what the schema accepts, and returns exactly what the schema returns', () => {
    fc.assert(
      fc.property(posts, (post) => {
        const fast = acceptCommonPost(post);
        if (fast === undefined) return;
        const parsed = PostMessageSchema.safeParse(post);
        expect(parsed.success).toBe(true);
        expect(fast).toStrictEqual(parsed.data);
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes the posts customers and agents send most', () => {
    const customer = {
      conversationId: 'cnv_8fJ2kq1x',
      author: { kind: 'customer', id: 'cus_lin' },
      text: '我的糖果什么时候到？',
      clientId: 'c_8fJ2kq1x',
    };
    expect(acceptCommonPost(customer)).toStrictEqual(PostMessageSchema.parse(customer));
    const note = {
      conversationId: 'cnv_8fJ2kq1x',
      author: { kind: 'agent', id: 'agt_wang' },
      text: '客户要求改地址',
      internal: true,
    };
    expect(acceptCommonPost(note)).toStrictEqual(PostMessageSchema.parse(note));
  });

  it('leaves attachments, bots, system notes and class instances to the schema', () => {
    const base = { conversationId: 'cnv_8fJ2kq1x', text: '好的' };
    expect(acceptCommonPost({ ...base, author: { kind: 'bot' } })).toBeUndefined();
    expect(acceptCommonPost({ ...base, author: { kind: 'system' } })).toBeUndefined();
    const photo = {
      url: 'https://cdn.example.com/a.png',
      name: 'a.png',
      contentType: 'image/png',
      size: 1,
    };
    const withPhoto = {
      ...base,
      author: { kind: 'customer', id: 'cus_lin' },
      attachments: [photo],
    };
    expect(acceptCommonPost(withPhoto)).toBeUndefined();
    class Post {
      conversationId = 'cnv_8fJ2kq1x';
      author = { kind: 'customer', id: 'cus_lin' };
      text = '好的';
    }
    expect(acceptCommonPost(new Post())).toBeUndefined();
  });
});
