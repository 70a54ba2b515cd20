import type { BotHandler, OrderLookup, OrderSnapshot } from '@kefu/core';

const ORDER_REF = /SO-\d{8}-\d{4}/i;

const SHIPMENT_ZH: Record<string, string> = {
  in_transit: '运输中',
  delivered: '已签收',
};

function describeOrder(order: OrderSnapshot, zh: boolean): string {
  const shipment = order.shipment;
  if (zh) {
    const where = shipment
      ? `由${shipment.carrier}配送（运单号 ${shipment.trackingNo}），当前状态：${SHIPMENT_ZH[shipment.status] ?? shipment.status}${shipment.city ? `，位于${shipment.city}` : ''}。`
      : '还没有发货。';
    return `我查到了订单 ${order.orderRef}：${where}\n这个回答有帮助吗？如需人工服务，请回复“转人工”。`;
  }
  const where = shipment
    ? `is with ${shipment.carrier} (tracking ${shipment.trackingNo}), status: ${shipment.status}${shipment.city ? `, in ${shipment.city}` : ''}.`
    : 'has not shipped yet.';
  return `I found order ${order.orderRef}: it ${where}\nDid this help? Reply "agent" to talk to a person.`;
}

/**
 * The shop's bot: when the customer names one of their orders (订单号), it answers with where the
 * parcel is, from the shop's order system; everything else — and every handoff (转人工, angry
 * customers, VIPs) — is the knowledge bot's call. This is how a shop plugs its own systems into
 * Kefu's bot: wrap `createKnowledgeBot` in a `BotHandler` of its own.
 *
 * @example
 * const bot = createOrderAwareBot({ orders, fallback: createKnowledgeBot({ knowledge }) });
 * const desk = createDesk({ storage, initialStatus: 'bot', bot });
 */
export function createOrderAwareBot(options: {
  orders: OrderLookup;
  fallback: BotHandler;
}): BotHandler {
  return {
    async decide(context) {
      const decision = await options.fallback.decide(context);
      if (decision.kind === 'handoff') return decision;
      const orderRef = ORDER_REF.exec(context.message.text)?.[0]?.toUpperCase();
      if (!orderRef) return decision;
      const order = await options.orders.getOrder(orderRef, {
        customerId: context.conversation.customerId,
      });
      if (!order) return decision;
      const zh = !context.customer?.locale || context.customer.locale.startsWith('zh');
      return {
        kind: 'answer',
        text: describeOrder(order, zh),
        articleId: null,
        confident: true,
        topic: 'logistics',
      };
    },
  };
}
