import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';

describe('desk: messages', () => {
  it('gives 100 concurrent posts the seqs 1..100, none lost or doubled', async () => {
    const { desk, events } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const posted = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        desk.messages.post({
          conversationId: id,
          author: i % 2 ? { kind: 'customer', id: 'cus_lin' } : { kind: 'agent', id: 'agt_wang' },
          text: `第 ${i} 条`,
        }),
      ),
    );
    expect(posted.map((m) => m.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const stored = await desk.messages.list({ conversationId: id, limit: 500 });
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.text)).size).toBe(100);
    expect((await desk.conversations.get({ conversationId: id }))?.lastSeq).toBe(100);
    expect(events.filter((e) => e.type === 'message.posted')).toHaveLength(100);
  });

  it('stores one message for a client id posted twice, and returns the first', async () => {
    const { desk, events } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    const input = {
      conversationId: id,
      author: { kind: 'customer' as const, id: 'cus_lin' },
      text: '巧克力化了',
      clientId: 'msg_Z3x9PqL2',
    };
    const [a, b] = await Promise.all([desk.messages.post(input), desk.messages.post(input)]);
    const c = await desk.messages.post({ ...input, text: 'a retry with other text' });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await desk.messages.list({ conversationId: id })).toHaveLength(1);
    expect(events.filter((e) => e.type === 'message.posted')).toHaveLength(1);
  });

  it('lists after a seq, and leaves internal notes out for customers', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '在吗' },
    });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '老顾客，可以补发',
      internal: true,
    });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '在的',
    });
    expect(
      (await desk.messages.list({ conversationId: id, afterSeq: 1 })).map((m) => m.seq),
    ).toEqual([2, 3]);
    const forCustomer = await desk.messages.list({ conversationId: id, includeInternal: false });
    expect(forCustomer.map((m) => m.text)).toEqual(['在吗', '在的']);
  });

  it('does not count an internal note as the first response', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: 'note',
      internal: true,
    });
    expect((await desk.conversations.get({ conversationId: id }))?.firstResponseAt).toBeNull();
  });

  it("refuses a customer writing in someone else's conversation, changing nothing", async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    const before = await desk.events.lastPosition();
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_amy' },
        text: 'hi',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await desk.events.lastPosition()).toBe(before);
    expect((await desk.conversations.get({ conversationId: id }))?.lastSeq).toBe(0);
  });

  it('lets the assignee reply, and still checks every other agent: unknown, or not assigned', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const reply = await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '您好，我来帮您查',
    });
    expect(reply.seq).toBe(1);
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_nobody' },
        text: '?',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_li' },
        text: '您好',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const note = await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_li' },
      text: '这位客户上周也问过',
      internal: true,
    });
    expect(note.seq).toBe(2);
    expect((await desk.conversations.get({ conversationId: id }))?.lastSeq).toBe(2);
  });

  it('answers bad input and an unknown conversation with a rejected promise, writing nothing', async () => {
    const { desk, events } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    const before = events.length;
    // Not a synchronous throw: callers chaining `.catch` must see the error.
    const invalid = desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '   ',
    });
    expect(invalid).toBeInstanceOf(Promise);
    await expect(invalid).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      desk.messages.post({
        conversationId: 'cnv_missing',
        author: { kind: 'customer', id: 'cus_lin' },
        text: '在吗？',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('cnv_missing') });
    expect(events.length).toBe(before);
    expect(await desk.messages.list({ conversationId: id })).toEqual([]);
  });

  it('refuses an agent reply before assignment, changing nothing', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: '您好',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await desk.messages.list({ conversationId: id })).toEqual([]);
  });
});

describe('desk: messages, more', () => {
  it('fills a customer page past internal notes', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    for (let i = 0; i < 5; i++) {
      await desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: `note ${i}`,
        internal: true,
      });
    }
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '您好',
    });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '在',
    });
    const page = await desk.messages.list({ conversationId: id, includeInternal: false, limit: 2 });
    expect(page.map((m) => m.text)).toEqual(['您好', '在']);
  });

  it('does not answer a replayed client id to another author', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '我的地址是…',
      clientId: 'msg_secret01',
    });
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_amy' },
        text: 'x',
        clientId: 'msg_secret01',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: 'x',
        clientId: 'msg_secret01',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
