import type { OrderLookup } from '../../orders/order-lookup';
import { botLanguageOf } from './bot-language';
import type { BotDecision, BotHandler } from './knowledge-bot';
import { describeOrder, pickOne } from './order-phrases';

/** Order numbers as shops write them: `SO-20261111-0042`, `20261122-0042`. */
export const DEFAULT_ORDER_REF = /\b(?:[A-Z]{2,4}-)?\d{8}-\d{4}\b/i;

/**
 * Questions about an order or its delivery, in Simplified or Traditional Chinese, Japanese or
 * English ("到货融化了" is about the goods, not the delivery: it does not count).
 */
export const ORDER_QUESTION =
  /订单|訂單|快递|快遞|物流|包裹|发货|發貨|出貨|没到|沒到|没收到|沒收到|什么时候到|什麼時候到|到哪|运单|貨運單|注文|荷物|配送状況|発送|届か|届いて|追跡|\border|\bparcel|\bpackage|\bdeliver|\bshipping|\bshipment|\btracking|\barriv/i;

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
      const language = botLanguageOf(customer?.locale);
      const orderRef = pattern.exec(message.text)?.[0]?.toUpperCase();
      if (orderRef) {
        const order = await options.orders.getOrder(orderRef, { customerId });
        return order ? answer(describeOrder(order, language)) : decision;
      }
      const signedIn = customer !== null && customer.metadata.visitor !== true;
      if (!signedIn || !options.orders.recentOrders || !ORDER_QUESTION.test(message.text)) {
        return decision;
      }
      const recent = await options.orders.recentOrders({ customerId, limit });
      if (recent.length === 0) return decision;
      const [only] = recent;
      return answer(
        recent.length === 1 && only ? describeOrder(only, language) : pickOne(recent, language),
      );
    },
  };
}
