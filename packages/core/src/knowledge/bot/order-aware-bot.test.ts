import { describe, expect, it } from 'vitest';
import { setupDesk } from '../../desk/desk-test-setup';
import { candyShopKnowledge } from '../../fixtures/candy-shop-knowledge';
import {
  createMemoryOrderLookup,
  type OrderLookup,
  type StoredOrder,
} from '../../orders/order-lookup';
import { createKnowledgeBase } from '../knowledge-base';
import { createKnowledgeBot } from './knowledge-bot';
import { createOrderAwareBot } from './order-aware-bot';

const DAY = 86_400_000;
const order = (
  orderRef: string,
  customerId: string,
  placedAt: number,
  city?: string,
): StoredOrder => ({
  orderRef,
  customerId,
  status: 'shipped',
  paymentStatus: 'paid',
  items: [{ sku: 'CHOC-DARK-200', name: '黑巧克力礼盒 200g', quantity: 1, price: 6_800 }],
  total: 6_800,
  currency: 'CNY',
  shipment: city
    ? { carrier: '顺丰速运', trackingNo: `SF${placedAt % 1_000_000}`, status: 'in_transit', city }
    : null,
  placedAt,
});
const now = Date.UTC(2026, 10, 20);
const orders = createMemoryOrderLookup([
  order('SO-20261111-0042', 'cus_lin', now - 9 * DAY, '杭州'),
  order('SO-20261118-0007', 'cus_lin', now - 2 * DAY),
  order('SO-20261001-0001', 'cus_lin', now - 50 * DAY, '上海'),
  order('SO-20261119-0100', 'cus_amy', now - DAY, 'Shanghai'),
  order('SO-20261119-0999', 'cus_other', now - DAY, '北京'),
]);
const fallback = createKnowledgeBot({
  knowledge: createKnowledgeBase(candyShopKnowledge),
  skillsByCategory: { logistics: ['logistics'] },
});

async function botDesk(lookup: OrderLookup = orders, recentLimit = 2) {
  const bot = createOrderAwareBot({ orders: lookup, fallback, recentLimit });
  const setup = await setupDesk({
    bot,
    orders: lookup,
    initialStatus: 'bot',
    routing: { auto: false },
  });
  const { desk } = setup;
  // setupDesk makes 林小糖 a VIP, whom the knowledge bot hands to a person at once.
  await desk.customers.upsert({ id: 'cus_lin', tier: 'standard', locale: 'zh-CN' });
  await desk.customers.upsert({ id: 'cus_amy', locale: 'en' });
  await desk.customers.upsert({ id: 'cus_new', locale: 'zh-CN' });
  await desk.customers.upsert({ id: 'vis_1', locale: 'zh-CN', metadata: { visitor: true } });
  const ask = async (customerId: string, text: string, conversationId?: string) => {
    let id = conversationId;
    if (id)
      await desk.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: customerId },
        text,
      });
    else id = (await desk.conversations.start({ customerId, message: { text } })).id;
    await desk.bot.idle();
    const messages = await desk.messages.list({ conversationId: id, limit: 100 });
    const conversation = await desk.conversations.get({ conversationId: id });
    return {
      id,
      status: conversation?.status,
      last: messages.filter((m) => m.author.kind === 'bot').at(-1)?.text ?? '',
    };
  };
  return { ...setup, ask };
}

describe('order-aware bot', () => {
  it("offers a signed-in customer's recent orders, newest first, for an order question without a number", async () => {
    const { ask, desk } = await botDesk();
    const { id, last, status } = await ask('cus_lin', '我的订单还没到');
    expect(status).toBe('bot');
    expect(last).toMatch(/^您想查询哪一个订单？这是您最近的订单：/);
    const listed = last.match(/SO-\d{8}-\d{4}/g);
    // The two newest (recentLimit 2), never another customer's.
    expect(listed).toEqual(['SO-20261118-0007', 'SO-20261111-0042']);
    expect(last).toContain('未发货');
    expect(last).toContain('运输中');

    // She picks one by its number: where the parcel is.
    const picked = await ask('cus_lin', 'SO-20261111-0042', id);
    expect(picked.last).toMatch(/^我查到了订单 SO-20261111-0042：由顺丰速运配送.*位于杭州/);
    await desk.stop();
  });

  it("answers about the only order directly, in the customer's language", async () => {
    const { ask, desk } = await botDesk();
    const { last } = await ask('cus_amy', 'My parcel has not arrived yet');
    expect(last).toMatch(/^I found order SO-20261119-0100: it is with 顺丰速运 .* in Shanghai\./);
    await desk.stop();
  });

  it('speaks Traditional Chinese and Japanese to customers with those locales', async () => {
    const { ask, desk } = await botDesk();
    await desk.customers.upsert({ id: 'cus_lin', locale: 'zh-TW' });
    const list = await ask('cus_lin', '我的訂單還沒到');
    expect(list.last).toMatch(/^請問您要查詢哪一筆訂單？以下是您最近的訂單：/);
    expect(list.last).toContain('未出貨');
    expect(list.last).toContain('運送中');
    const picked = await ask('cus_lin', 'SO-20261111-0042', list.id);
    expect(picked.last).toMatch(
      /^我查到了訂單 SO-20261111-0042：由顺丰速运配送（貨運單號 .*位於杭州/,
    );
    expect(picked.last).toContain('這個回答有幫助嗎');

    await desk.customers.upsert({ id: 'cus_amy', locale: 'ja-JP' });
    const { last } = await ask('cus_amy', '荷物がまだ届かないのですが');
    expect(last).toMatch(
      /^ご注文 SO-20261119-0100 を確認しました。顺丰速运がお届けします（追跡番号 .*）。現在の状況：輸送中（Shanghai）。/,
    );
    expect(last).toContain('この回答はお役に立ちましたか');
    await desk.stop();
  });

  it("leaves visitors, customers without orders, other questions and others' orders to the fallback", async () => {
    const { ask, desk } = await botDesk();
    const knowledgeAnswer = (await ask('cus_new', '我的订单还没到')).last;
    expect(knowledgeAnswer).not.toMatch(/SO-/);
    expect((await ask('vis_1', '我的订单还没到')).last).toBe(knowledgeAnswer);
    expect((await ask('cus_lin', '巧克力到货融化了怎么办')).last).not.toMatch(/SO-\d/);
    expect((await ask('cus_lin', '订单 SO-20261119-0999 到哪了')).last).not.toContain('北京');
    await desk.stop();
  });

  it('lets the fallback hand over first (转人工), and needs recentOrders to list', async () => {
    const { ask, desk } = await botDesk();
    expect((await ask('cus_lin', '我的订单还没到，转人工')).status).toBe('queued');
    await desk.stop();
    const onlyGet: OrderLookup = { getOrder: orders.getOrder };
    const plain = await botDesk(onlyGet);
    expect((await plain.ask('cus_lin', '我的订单还没到')).last).not.toMatch(/SO-/);
    await plain.desk.stop();
  });
});
