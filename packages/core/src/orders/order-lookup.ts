import type { OrderSnapshot } from '../tickets/ticket';

/**
 * The shop's order system, as the desk sees it: the shop implements it over its own API. The
 * desk attaches a snapshot to tickets; agents look orders up from a conversation.
 *
 * @example
 * const orders: OrderLookup = {
 *   async getOrder(orderRef, { customerId }) {
 *     const order = await shopApi.orders.get(orderRef);
 *     return order?.customerId === customerId ? toSnapshot(order) : null;
 *   },
 * };
 */
export interface OrderLookup {
  /** The order, or null when it does not exist or is not this customer's. */
  getOrder(orderRef: string, context: { customerId: string }): Promise<OrderSnapshot | null>;
}

/** An order known to the in-memory lookup, with its owner. */
export interface StoredOrder extends OrderSnapshot {
  customerId: string;
}

/**
 * Orders kept in memory, for tests and demos. Customers only see their own orders.
 *
 * @example
 * const orders = createMemoryOrderLookup(candyShopOrders);
 */
export function createMemoryOrderLookup(orders: readonly StoredOrder[]): OrderLookup {
  const byRef = new Map(orders.map((order) => [order.orderRef, order]));
  return {
    async getOrder(orderRef, { customerId }) {
      const order = byRef.get(orderRef);
      if (!order || order.customerId !== customerId) return null;
      const { customerId: _owner, ...snapshot } = order;
      return structuredClone(snapshot);
    },
  };
}
