import { z } from 'zod';
import { KefuError } from '../errors/kefu-error';
import type { OrderSnapshot } from '../tickets/ticket';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import type { OrderLookup } from './order-lookup';

/** Orders as agents see them from a conversation. */
export interface OrdersApi {
  /**
   * The customer's order, or null when there is none with that reference for them.
   *
   * @example
   * const order = await desk.orders.lookup({ orderRef: 'SO-20261111-0042', customerId: 'cus_lin' });
   */
  lookup(input: { orderRef: string; customerId: string }): Promise<OrderSnapshot | null>;
}

const LookupSchema = z.object({ orderRef: z.string().trim().min(1).max(64), customerId: IdSchema });

export function createOrdersApi(orders: OrderLookup | null): OrdersApi {
  return {
    async lookup(raw) {
      const input = parseInput(LookupSchema, raw, 'order lookup');
      if (!orders) {
        throw new KefuError('ADAPTER', 'No order system connected: pass `orders` to createDesk.');
      }
      return orders.getOrder(input.orderRef, { customerId: input.customerId });
    },
  };
}
