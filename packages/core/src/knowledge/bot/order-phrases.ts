import type { OrderSnapshot } from '../../tickets/ticket';
import { BOT_PHRASES, type BotLanguage } from './bot-language';

type Shipment = NonNullable<OrderSnapshot['shipment']>;

interface OrderPhrases {
  /** Shipment statuses as customers read them. */
  status: Record<string, string>;
  notShipped: string;
  /** Where the parcel is, after "I found order X". */
  whereIs(shipment: Shipment | null, status: string): string;
  found(orderRef: string, where: string): string;
  pick(lines: string): string;
}

/** The order-aware bot's sentences in each of the bot's languages. */
export const ORDER_PHRASES: Record<BotLanguage, OrderPhrases> = {
  'zh-CN': {
    status: {
      pending: '待发货',
      in_transit: '运输中',
      out_for_delivery: '派送中',
      delivered: '已签收',
    },
    notShipped: '未发货',
    whereIs: (s, status) =>
      s
        ? `由${s.carrier}配送（运单号 ${s.trackingNo}），当前状态：${status}${s.city ? `，位于${s.city}` : ''}。`
        : '还没有发货。',
    found: (ref, where) => `我查到了订单 ${ref}：${where}`,
    pick: (lines) => `您想查询哪一个订单？这是您最近的订单：\n${lines}\n请回复订单号，我来帮您查。`,
  },
  'zh-TW': {
    status: {
      pending: '待出貨',
      in_transit: '運送中',
      out_for_delivery: '配送中',
      delivered: '已簽收',
    },
    notShipped: '未出貨',
    whereIs: (s, status) =>
      s
        ? `由${s.carrier}配送（貨運單號 ${s.trackingNo}），目前狀態：${status}${s.city ? `，位於${s.city}` : ''}。`
        : '尚未出貨。',
    found: (ref, where) => `我查到了訂單 ${ref}：${where}`,
    pick: (lines) =>
      `請問您要查詢哪一筆訂單？以下是您最近的訂單：\n${lines}\n請回覆訂單編號，我來幫您查詢。`,
  },
  ja: {
    status: {
      pending: '発送準備中',
      in_transit: '輸送中',
      out_for_delivery: '配達中',
      delivered: '配達済み',
    },
    notShipped: '未発送',
    whereIs: (s, status) =>
      s
        ? `${s.carrier}がお届けします（追跡番号 ${s.trackingNo}）。現在の状況：${status}${s.city ? `（${s.city}）` : ''}。`
        : 'まだ発送されていません。',
    found: (ref, where) => `ご注文 ${ref} を確認しました。${where}`,
    pick: (lines) =>
      `どのご注文についてのお問い合わせでしょうか？最近のご注文は次のとおりです。\n${lines}\n注文番号をご返信いただければお調べします。`,
  },
  en: {
    status: {},
    notShipped: 'not shipped',
    whereIs: (s, status) =>
      s
        ? `is with ${s.carrier} (tracking ${s.trackingNo}), status: ${status}${s.city ? `, in ${s.city}` : ''}.`
        : 'has not shipped yet.',
    found: (ref, where) => `I found order ${ref}: it ${where}`,
    pick: (lines) =>
      `Which order is it about? Your recent orders:\n${lines}\nReply with the order number and I will look it up.`,
  },
};

/** Where one order is, with the bot's "did this help?". */
export function describeOrder(order: OrderSnapshot, language: BotLanguage): string {
  const say = ORDER_PHRASES[language];
  const shipment = order.shipment;
  const status = shipment ? (say.status[shipment.status] ?? shipment.status) : say.notShipped;
  return `${say.found(order.orderRef, say.whereIs(shipment, status))}\n${BOT_PHRASES[language].helped}`;
}

/** The customer's recent orders to pick from. */
export function pickOne(orders: readonly OrderSnapshot[], language: BotLanguage): string {
  const say = ORDER_PHRASES[language];
  const day = (at: number) =>
    new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' }).format(at);
  const lines = orders.map((order) => {
    const status = order.shipment
      ? (say.status[order.shipment.status] ?? order.shipment.status)
      : say.notShipped;
    return `• ${order.orderRef} · ${day(order.placedAt)} · ${status}`;
  });
  return say.pick(lines.join('\n'));
}
