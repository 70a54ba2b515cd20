import { isKefuError } from '@kefu/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmailSetup, LIN, setupEmail } from './email-test-setup';
import { emailCustomerId } from './inbound/email-customer';

let setup: EmailSetup;
afterEach(async () => {
  await setup?.close();
});

async function agentReply(conversationId: string, text: string) {
  const conversation = await setup.desk.conversations.get({ conversationId: conversationId });
  if (conversation?.assigneeId === null) {
    await setup.desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
  }
  await setup.desk.messages.post({
    conversationId,
    author: { kind: 'agent', id: 'agt_wang' },
    text,
  });
  await setup.channel.idle();
  return setup.mta.next();
}

describe('e-mail round trip over real SMTP', () => {
  it('customer mail → conversation → agent reply → mail with the right In-Reply-To → reply threads back', async () => {
    setup = await setupEmail();
    const first = await setup.send({
      subject: '我的糖果什么时候到？',
      text: '你好，我上周下的订单 #20261201 还没到，请帮忙查一下。',
      messageId: '<order-question-1@customer.example>',
    });
    expect(first.messageId).toBe('<order-question-1@customer.example>');

    const { items } = await setup.desk.conversations.list({ channel: 'email' });
    expect(items).toHaveLength(1);
    const conversation = items[0];
    if (!conversation) throw new Error('no conversation');
    expect(conversation.customerId).toBe(emailCustomerId(LIN));
    expect(conversation.topic).toBe('我的糖果什么时候到？');
    const customer = await setup.desk.customers.get(conversation.customerId);
    expect(customer?.contact.email).toBe(LIN);
    expect(customer?.name).toBe('林小糖');

    const reply = await agentReply(conversation.id, '您好，您的订单已发货，预计明天送达。');
    expect(reply.to && !Array.isArray(reply.to) ? reply.to.text : '').toContain(LIN);
    expect(reply.inReplyTo).toBe('<order-question-1@customer.example>');
    expect(reply.references).toBe('<order-question-1@customer.example>');
    expect(reply.subject).toBe('Re: 我的糖果什么时候到？');
    expect(reply.text?.trim()).toBe('您好，您的订单已发货，预计明天送达。');
    expect(reply.messageId).toMatch(/^<[a-z2-7.]+@candy\.example>$/);
    const replyTo = reply.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[a-z2-7]+@candy\.example$/);

    // The customer answers from their mail client: to the Reply-To, quoting the agent.
    const answer = await setup.send({
      to: replyTo,
      subject: 'Re: 我的糖果什么时候到？',
      inReplyTo: reply.messageId,
      references: [first.messageId, reply.messageId ?? ''],
      text: `好的，谢谢！\n\n在 2026年12月1日 10:00，糖果铺客服 <support@candy.example> 写道：\n> 您好，您的订单已发货，预计明天送达。\n`,
    });
    const messages = await setup.desk.messages.list({ conversationId: conversation.id });
    expect(messages.map((m) => [m.author.kind, m.text])).toEqual([
      ['customer', '你好，我上周下的订单 #20261201 还没到，请帮忙查一下。'],
      ['agent', '您好，您的订单已发货，预计明天送达。'],
      ['customer', '好的，谢谢！'],
    ]);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(1);

    // The second reply answers the customer's latest mail and carries the whole chain.
    const second = await agentReply(conversation.id, '不客气，祝您生活愉快！');
    expect(second.inReplyTo).toBe(answer.messageId);
    expect(second.references).toEqual(expect.arrayContaining([first.messageId, reply.messageId]));
    expect(setup.errors).toEqual([]);
  });

  it('mails only agent and bot replies of e-mail conversations; a customer without an address goes to onError', async () => {
    setup = await setupEmail();
    await setup.desk.customers.upsert({ id: 'cus_web', name: 'Web visitor' });
    const web = await setup.desk.conversations.start({
      customerId: 'cus_web',
      channel: 'web',
      message: { text: 'hi' },
    });
    const mailless = await setup.desk.conversations.start({
      customerId: 'cus_web',
      channel: 'email',
      message: { text: 'hi' },
    });
    for (const conversation of [web, mailless]) {
      await setup.desk.conversations.assign({
        conversationId: conversation.id,
        agentId: 'agt_wang',
      });
      await setup.desk.messages.post({
        conversationId: conversation.id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: '您好',
      });
      await setup.desk.messages.post({
        conversationId: conversation.id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: 'internal note',
        internal: true,
      });
    }
    await setup.channel.idle();
    expect(setup.mta.received).toHaveLength(0);
    expect(setup.errors).toHaveLength(1);
    expect(isKefuError(setup.errors[0], 'VALIDATION')).toBe(true);
    expect(String((setup.errors[0] as Error).message)).toContain(mailless.id);
  });
});
