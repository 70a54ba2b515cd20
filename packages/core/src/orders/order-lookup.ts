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
  /**
   * Optional: the customer's most recent orders, newest first, at most `limit`. With it, the
   * order-aware bot (`createOrderAwareBot`) answers "我的订单还没到" without an order number by
   * offering the customer's own orders to pick from.
   */
  recentOrders?(context: { customerId: string; limit: number }): Promise<OrderSnapshot[]>;
}

/**
 * An order known to the in-memory lookup, with its owner.
 *
 * @example
 * ```ts
 * const orders = createMemoryOrderLookup([
 *   { ...snapshot, orderRef: 'CS20261111-0042', customerId: 'cus_lin' } satisfies StoredOrder,
 * ]);
 * ```
 */
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
  const snapshotOf = ({ customerId: _owner, ...snapshot }: StoredOrder): OrderSnapshot =>
    structuredClone(snapshot);
  return {
    async getOrder(orderRef, { customerId }) {
      const order = byRef.get(orderRef);
      if (!order || order.customerId !== customerId) return null;
      return snapshotOf(order);
    },
    async recentOrders({ customerId, limit }) {
      return orders
        .filter((order) => order.customerId === customerId)
        .sort((a, b) => b.placedAt - a.placedAt)
        .slice(0, Math.max(0, limit))
        .map(snapshotOf);
    },
  };
}
