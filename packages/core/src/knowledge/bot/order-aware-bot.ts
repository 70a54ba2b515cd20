import type { OrderLookup } from '../../orders/order-lookup';
import type { OrderSnapshot } from '../../tickets/ticket';
import type { BotDecision, BotHandler } from './knowledge-bot';

/** Order numbers as shops write them: `SO-20261111-0042`, `20261122-0042`. */
export const DEFAULT_ORDER_REF = /\b(?:[A-Z]{2,4}-)?\d{8}-\d{4}\b/i;

/**
 * Questions about an order or its delivery, in Chinese or English ("到货融化了" is about the goods,
 * not the delivery: it does not count).
 */
export const ORDER_QUESTION =
  /订单|快递|物流|包裹|发货|没到|没收到|什么时候到|到哪|运单|\border|\bparcel|\bpackage|\bdeliver|\bshipping|\bshipment|\btracking|\barriv/i;

/**
 * How the order-aware bot answers order questions: the order system, the bot behind it, and how order numbers look.
 *
 * @example
 * ```ts
 * const bot = createOrderAwareBot({ orders, fallback: createKnowledgeBot({ knowledge: desk.knowledge }) });
 * ```
 */
export interface OrderAwareBotOptions {
  /** The shop's order system; `recentOrders` lets the bot offer the customer's own orders. */
  orders: OrderLookup;
  /** Decides everything else, and its handoffs (转人工, VIPs, angry customers) come first. */
  fallback: BotHandler;
  /** How order numbers look (default `DEFAULT_ORDER_REF`). */
  orderRef?: RegExp;
  /** How many recent orders to offer (default 3). */
  recentLimit?: number;
}

const SHIPMENT_ZH: Record<string, string> = {
  pending: '待发货',
  in_transit: '运输中',
  out_for_delivery: '派送中',
  delivered: '已签收',
};

function whereIs(order: OrderSnapshot, zh: boolean): string {
  const shipment = order.shipment;
  if (zh) {
    return shipment
      ? `由${shipment.carrier}配送（运单号 ${shipment.trackingNo}），当前状态：${SHIPMENT_ZH[shipment.status] ?? shipment.status}${shipment.city ? `，位于${shipment.city}` : ''}。`
      : '还没有发货。';
  }
  return shipment
    ? `is with ${shipment.carrier} (tracking ${shipment.trackingNo}), status: ${shipment.status}${shipment.city ? `, in ${shipment.city}` : ''}.`
    : 'has not shipped yet.';
}

const helped = (zh: boolean) =>
  zh
    ? '这个回答有帮助吗？如需人工服务，请回复“转人工”。'
    : 'Did this help? Reply "agent" to talk to a person.';

function describeOrder(order: OrderSnapshot, zh: boolean): string {
  return zh
    ? `我查到了订单 ${order.orderRef}：${whereIs(order, zh)}\n${helped(zh)}`
    : `I found order ${order.orderRef}: it ${whereIs(order, zh)}\n${helped(zh)}`;
}

function pickOne(orders: readonly OrderSnapshot[], zh: boolean): string {
  const day = (at: number) =>
    new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en', { month: 'short', day: 'numeric' }).format(at);
  const lines = orders.map((order) => {
    const status = order.shipment
      ? zh
        ? (SHIPMENT_ZH[order.shipment.status] ?? order.shipment.status)
        : order.shipment.status
      : zh
        ? '未发货'
        : 'not shipped';
    return `• ${order.orderRef} · ${day(order.placedAt)} · ${status}`;
  });
  return zh
    ? `您想查询哪一个订单？这是您最近的订单：\n${lines.join('\n')}\n请回复订单号，我来帮您查。`
    : `Which order is it about? Your recent orders:\n${lines.join('\n')}\nReply with the order number and I will look it up.`;
}

/**
 * The bot with the shop's orders: a message naming one of the customer's orders (订单号) gets where
 * the parcel is; an order question without a number ("我的订单还没到") from a signed-in customer
 * gets the customer's own recent orders to pick from (or the one order, when there is only one).
 * Handoffs of the `fallback` (转人工, VIPs, angry customers) always win, and customers never hear
 * about anyone else's orders. Anonymous visitors and lookups without `recentOrders` get the
 * fallback's answer.
 *
 * @example
 * const orders = createMemoryOrderLookup(shopOrders);
 * const bot = createOrderAwareBot({ orders, fallback: createKnowledgeBot({ knowledge }) });
 * const desk = createDesk({ storage, orders, initialStatus: 'bot', bot });
 */
export function createOrderAwareBot(options: OrderAwareBotOptions): BotHandler {
  const pattern = options.orderRef ?? DEFAULT_ORDER_REF;
  const limit = options.recentLimit ?? 3;
  const answer = (text: string): BotDecision => ({
    kind: 'answer',
    text,
    articleId: null,
    confident: true,
    topic: 'logistics',
  });

  return {
    async decide(context) {
      const decision = await options.fallback.decide(context);
      if (decision.kind === 'handoff') return decision;
      const { conversation, customer, message } = context;
      const customerId = conversation.customerId;
      const zh = !customer?.locale || customer.locale.startsWith('zh');
      const orderRef = pattern.exec(message.text)?.[0]?.toUpperCase();
      if (orderRef) {
        const order = await options.orders.getOrder(orderRef, { customerId });
        return order ? answer(describeOrder(order, zh)) : decision;
      }
      const signedIn = customer !== null && customer.metadata.visitor !== true;
      if (!signedIn || !options.orders.recentOrders || !ORDER_QUESTION.test(message.text)) {
        return decision;
      }
      const recent = await options.orders.recentOrders({ customerId, limit });
      if (recent.length === 0) return decision;
      const [only] = recent;
      return answer(recent.length === 1 && only ? describeOrder(only, zh) : pickOne(recent, zh));
    },
  };
}
