import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import type { Desk } from './create-desk';
import { setupDesk } from './desk-test-setup';

type BadCall = [name: string, call: (desk: Desk, conversationId: string) => Promise<unknown>];

// Each call breaks one rule of its command's input; `as never` lets the test pass what TypeScript would stop.
const badCalls: BadCall[] = [
  ['customers.upsert without id', (d) => d.customers.upsert({ name: '无名' } as never)],
  [
    'customers.upsert with a bad email',
    (d) => d.customers.upsert({ id: 'c1', contact: { email: 'nope' } }),
  ],
  ['customers.get with an empty id', (d) => d.customers.get('')],
  ['agents.upsert with negative capacity', (d) => d.agents.upsert({ id: 'a1', capacity: -1 })],
  ['agents.get with a control character', (d) => d.agents.get('a\u0000')],
  [
    'agents.setPresence to busy',
    (d) => d.agents.setPresence({ agentId: 'agt_wang', presence: 'busy' as never }),
  ],
  [
    'conversations.start on a fax channel',
    (d) => d.conversations.start({ customerId: 'cus_lin', channel: 'fax' as never }),
  ],
  [
    'conversations.start with an empty message',
    (d) => d.conversations.start({ customerId: 'cus_lin', message: { text: '  ' } }),
  ],
  [
    'conversations.start with a short client id',
    (d) => d.conversations.start({ customerId: 'cus_lin', clientId: 'x' }),
  ],
  ['conversations.get with a number', (d) => d.conversations.get(42 as never)],
  ['conversations.list with limit 0', (d) => d.conversations.list({ limit: 0 })],
  ['conversations.handoff without id', (d) => d.conversations.handoff({} as never)],
  [
    'conversations.assign without agent',
    (d, id) => d.conversations.assign({ conversationId: id } as never),
  ],
  [
    'conversations.transfer without target',
    (d, id) => d.conversations.transfer({ conversationId: id } as never),
  ],
  ['conversations.waitOnCustomer with null', (d) => d.conversations.waitOnCustomer(null as never)],
  [
    'conversations.setPriority to asap',
    (d, id) => d.conversations.setPriority({ conversationId: id, priority: 'asap' as never }),
  ],
  ['conversations.tag with nothing', (d, id) => d.conversations.tag({ conversationId: id })],
  ['conversations.resolve with an array', (d) => d.conversations.resolve([] as never)],
  [
    'conversations.reopen by a robot',
    (d, id) => d.conversations.reopen({ conversationId: id, by: 'robot' as never }),
  ],
  ['conversations.close with an empty id', (d) => d.conversations.close({ conversationId: '' })],
  [
    'conversations.abandon with a long id',
    (d) => d.conversations.abandon({ conversationId: 'x'.repeat(200) }),
  ],
  [
    'messages.post with no text',
    (d, id) =>
      d.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_lin' },
        text: '',
      }),
  ],
  [
    'messages.post too long',
    (d, id) =>
      d.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_lin' },
        text: '糖'.repeat(10_001),
      }),
  ],
  [
    'messages.post by a ghost',
    (d, id) =>
      d.messages.post({
        conversationId: id,
        author: { kind: 'ghost', id: 'g' } as never,
        text: 'boo',
      }),
  ],
  [
    'messages.post internal note by a customer',
    (d, id) =>
      d.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_lin' },
        text: 'x',
        internal: true,
      }),
  ],
  [
    'messages.post with a javascript: attachment',
    (d, id) =>
      d.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_lin' },
        attachments: [{ name: 'x', url: 'javascript:alert(1)', contentType: 'text/html', size: 1 }],
      }),
  ],
  [
    'messages.list with negative afterSeq',
    (d, id) => d.messages.list({ conversationId: id, afterSeq: -1 }),
  ],
  ['events.read with limit 5000', (d) => d.events.read({ limit: 5000 })],
];

describe('desk: invalid input', () => {
  it.each(badCalls)('%s → VALIDATION, nothing stored, no event', async (_name, call) => {
    const { desk, events } = await setupDesk();
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '你好' },
    });
    const conversationBefore = await desk.conversations.get({ conversationId: id });
    const positionBefore = await desk.events.lastPosition();
    const heard = events.length;

    const error = await call(desk, id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isKefuError(error, 'VALIDATION')).toBe(true);
    expect(isKefuError(error) && error.issues.length).toBeGreaterThan(0);
    expect(await desk.events.lastPosition()).toBe(positionBefore);
    expect(events).toHaveLength(heard);
    expect(await desk.conversations.get({ conversationId: id })).toEqual(conversationBefore);
    expect(await desk.customers.get('c1')).toBeNull();
    expect(await desk.agents.get('a1')).toBeNull();
  });

  it('rejects bad desk options', async () => {
    await expect(setupDesk({ reopenWindowMs: -5 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
