import { createMemoryAdapter } from '@kefu/adapter-memory';
import type { Desk } from '@kefu/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDesk } from '../seed/seed-desk';
import { createCandyShopDesk } from './candy-shop-desk';

describe('the candy shop desk', () => {
  let desk: Desk;

  beforeEach(async () => {
    desk = createCandyShopDesk({ storage: createMemoryAdapter(), openingHours: 'always' });
    await seedDesk(desk);
  });
  afterEach(() => desk.stop());

  const ask = async (customerId: string, text: string) => {
    const conversation = await desk.conversations.start({ customerId, message: { text } });
    await desk.bot.idle();
    const messages = await desk.messages.list({ conversationId: conversation.id });
    return { id: conversation.id, replies: messages.filter((m) => m.author.kind === 'bot') };
  };

  it('seeds once: a second run adds nothing and keeps what changed', async () => {
    await desk.knowledge.archive({ articleId: 'kb_coupons_zh', by: 'agt_zhao' });
    expect(await seedDesk(desk)).toEqual({ agents: 0, customers: 0, articles: 0 });
    expect((await desk.knowledge.get('kb_coupons_zh'))?.status).toBe('archived');
    expect(await desk.agents.list()).toHaveLength(3);
  });

  it('seeds 赵主管 as a supervisor, so the review and incident calls are open to them only', async () => {
    const roles = Object.fromEntries((await desk.agents.list()).map((a) => [a.id, a.role]));
    expect(roles).toEqual({ agt_li: 'agent', agt_wang: 'agent', agt_zhao: 'supervisor' });
  });

  it('gives agents stored before roles existed their role, and seeds new ones with it', async () => {
    expect((await desk.agents.get('agt_zhao'))?.role).toBe('supervisor');
    expect((await desk.agents.get('agt_wang'))?.role).toBe('agent');
    const old = createCandyShopDesk({ storage: createMemoryAdapter(), openingHours: 'always' });
    await old.agents.upsert({ id: 'agt_zhao', name: '赵主管', metadata: { role: 'supervisor' } });
    await seedDesk(old);
    expect(await old.agents.get('agt_zhao')).toMatchObject({ role: 'supervisor', name: '赵主管' });
    await old.stop();
  });

  it("answers where the customer's parcel is from the order system", async () => {
    const { replies } = await ask('cus_lin', '我的糖果什么时候到？订单 SO-20261111-0042');
    expect(replies.map((m) => m.text)).toEqual([
      expect.stringContaining(
        '我查到了订单 SO-20261111-0042：由顺丰速运配送（运单号 SF1234567890）',
      ),
    ]);
  });

  it('asks "我的订单还没到" without a number: the signed-in customer\'s recent orders', async () => {
    const { replies } = await ask('cus_lin', '我的订单还没到');
    expect(replies).toHaveLength(1);
    const text = replies[0]?.text ?? '';
    expect(text).toMatch(/SO-20261111-0042/);
    // Not the generic tracking article.
    expect(text).not.toMatch(/物流查询|How to track/);
  });

  it("never tells a customer about someone else's order", async () => {
    const { replies } = await ask('cus_amy', 'Where is order SO-20261111-0042?');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).not.toContain('SF1234567890');
  });

  it('hands over to a person on 转人工, queued for the skills of the topic', async () => {
    const { id } = await ask('cus_lin', '我的糖果什么时候到？订单 SO-20261111-0042');
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '转人工',
    });
    await desk.bot.idle();
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'queued',
    });
  });

  it('sends VIP members straight to a person', async () => {
    const { id } = await ask('cus_wu', '礼盒什么时候发货？');
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('queued');
  });
});
