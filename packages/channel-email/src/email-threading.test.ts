import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from './email-channel';
import { type EmailSetup, rawMail, SECRET, SUPPORT, setupEmail } from './email-test-setup';
import type { InboundResult } from './inbound/receive-mail';
import { mintMessageId, tokenizedAddress } from './threading/signed-ids';

let setup: EmailSetup;
afterEach(async () => {
  await setup?.close();
});

function conversationOf(result: InboundResult) {
  if (result.outcome === 'ignored') throw new Error(`ignored: ${result.reason}`);
  return result.conversation;
}

/** Lin's first mail and one agent reply; returns the conversation and the reply as received. */
async function startThread() {
  const first = await setup.channel.handleRawMail(
    rawMail({
      subject: '巧克力化了',
      messageId: '<melted-1@customer.example>',
      text: '收到的巧克力全化了。',
    }),
  );
  const conversation = conversationOf(first);
  await setup.desk.conversations.assign({ conversationId: conversation.id, agentId: 'agt_wang' });
  await setup.desk.messages.post({
    conversationId: conversation.id,
    author: { kind: 'agent', id: 'agt_wang' },
    text: '非常抱歉！我们给您补发一盒。',
  });
  await setup.channel.idle();
  const reply = await setup.mta.next();
  return { conversation, reply, replyTo: reply.replyTo?.value[0]?.address ?? '' };
}

describe('threading of inbound mail', () => {
  it('finds the conversation by In-Reply-To alone, sent to the plain support address', async () => {
    setup = await setupEmail();
    const { conversation, reply } = await startThread();
    const result = await setup.channel.handleRawMail(
      rawMail({ to: SUPPORT, inReplyTo: reply.messageId, text: '谢谢，什么时候发货？' }),
    );
    expect(result).toMatchObject({ outcome: 'appended', match: 'message-id' });
    expect(conversationOf(result).id).toBe(conversation.id);
  });

  it('finds it by References when In-Reply-To names an unknown mail', async () => {
    setup = await setupEmail();
    const { conversation, reply } = await startThread();
    const result = await setup.channel.handleRawMail(
      rawMail({
        inReplyTo: '<someone-elses@other.example>',
        references: `${reply.messageId} <someone-elses@other.example>`,
        text: '补充一下：是黑巧克力那盒。',
      }),
    );
    expect(result).toMatchObject({ outcome: 'appended', match: 'message-id' });
    expect(conversationOf(result).id).toBe(conversation.id);
  });

  it('finds it by the reply token alone, in any letter case, when the client dropped the headers', async () => {
    setup = await setupEmail();
    const { conversation, replyTo } = await startThread();
    const result = await setup.channel.handleRawMail(
      rawMail({ to: replyTo.toUpperCase(), text: '好的' }),
    );
    expect(result).toMatchObject({ outcome: 'appended', match: 'reply-token' });
    expect(conversationOf(result).id).toBe(conversation.id);
  });

  it('threads the customer’s follow-up to their own first mail through the thread store', async () => {
    setup = await setupEmail();
    const first = conversationOf(
      await setup.channel.handleRawMail(
        rawMail({ messageId: '<own-1@customer.example>', text: '订单没到。' }),
      ),
    );
    const result = await setup.channel.handleRawMail(
      rawMail({ inReplyTo: '<own-1@customer.example>', text: '订单号是 20261201。' }),
    );
    expect(result).toMatchObject({ outcome: 'appended', match: 'thread-store' });
    expect(conversationOf(result).id).toBe(first.id);
  });

  it('ignores a forged token and a forged Message-ID: the mail starts a new conversation', async () => {
    setup = await setupEmail();
    const { conversation, replyTo, reply } = await startThread();
    const local = replyTo.split('@')[0] ?? '';
    const flipped = `${local.slice(0, -1)}${local.endsWith('a') ? 'b' : 'a'}@candy.example`;
    const forgedToken = await setup.channel.handleRawMail(rawMail({ to: flipped, text: '伪造的' }));
    const badId = (reply.messageId ?? '').replace(/\.[a-z2-7]+@/, '.aaaaaaaaaaaaaaaa@');
    const forgedHeader = await setup.channel.handleRawMail(
      rawMail({ inReplyTo: badId, text: '伪造的 2' }),
    );
    const wrongSecret = mintMessageId(
      conversation.id,
      'msg_x',
      'candy.example',
      'another-secret-of-16+',
    );
    const otherSecret = await setup.channel.handleRawMail(
      rawMail({ inReplyTo: wrongSecret, text: '伪造的 3' }),
    );
    for (const result of [forgedToken, forgedHeader, otherSecret]) {
      expect(result.outcome).toBe('started');
      expect(conversationOf(result).id).not.toBe(conversation.id);
    }
    const messages = await setup.desk.messages.list({ conversationId: conversation.id });
    expect(messages).toHaveLength(2);
  });

  it('never posts into another customer’s conversation, even with its valid token and Message-ID', async () => {
    setup = await setupEmail();
    const { conversation, replyTo, reply } = await startThread();
    const result = await setup.channel.handleRawMail(
      rawMail({
        from: 'Mallory <mallory@evil.example>',
        to: replyTo,
        inReplyTo: reply.messageId,
        text: '我也要退款',
      }),
    );
    expect(result.outcome).toBe('started');
    expect(conversationOf(result).customerId).not.toBe(conversation.customerId);
    expect(await setup.desk.messages.list({ conversationId: conversation.id })).toHaveLength(2);
  });

  it('starts a new conversation when the thread’s conversation is closed', async () => {
    setup = await setupEmail();
    const { conversation, reply } = await startThread();
    await setup.desk.conversations.close({ conversationId: conversation.id });
    const result = await setup.channel.handleRawMail(
      rawMail({ inReplyTo: reply.messageId, text: '又有问题了' }),
    );
    expect(result.outcome).toBe('started');
    expect(conversationOf(result).id).not.toBe(conversation.id);
  });

  it('keeps threading after a restart with an empty thread store (signed Message-IDs need none)', async () => {
    setup = await setupEmail();
    const { conversation, reply } = await startThread();
    await setup.channel.close();
    const restarted = createEmailChannel({
      desk: setup.desk,
      smtp: { host: '127.0.0.1', port: setup.mta.port, secure: false, ignoreTLS: true },
      from: `"糖果铺客服" <${SUPPORT}>`,
      replyAddress: 'reply@candy.example',
      secret: SECRET,
    });
    try {
      const result = await restarted.handleRawMail(
        rawMail({
          messageId: '<restart-probe@customer.example>',
          inReplyTo: reply.messageId,
          text: '还在吗？',
        }),
      );
      expect(result).toMatchObject({ outcome: 'appended', match: 'message-id' });
      await setup.desk.messages.post({
        conversationId: conversation.id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: '在的，已补发。',
      });
      await restarted.idle();
      const next = await setup.mta.next();
      // The customer's new mail was remembered by the new store, so the reply answers it.
      expect(next.inReplyTo).toBe('<restart-probe@customer.example>');
      expect(next.references).toEqual(expect.arrayContaining([reply.messageId]));
    } finally {
      await restarted.close();
    }
  });

  it('puts the token only where it fits the 64-octet local part', () => {
    const short = tokenizedAddress('reply@candy.example', 'conv_V1StGXR8_Z5jdHi6B', SECRET);
    expect(short.split('@')[0]?.length).toBeLessThanOrEqual(64);
    expect(short).toMatch(/^reply\+[a-z2-7]+@candy\.example$/);
    expect(tokenizedAddress('reply@candy.example', `conv_${'x'.repeat(60)}`, SECRET)).toBe(
      'reply@candy.example',
    );
  });
});
