import type { StoredOrder } from '@kefu/core';
import { candyShopOrders as fixtureOrders } from '@kefu/core/fixtures';

/**
 * The shop's orders (订单), standing in for its order system: Kefu's candy-shop fixtures (林小糖's
 * parcel stuck in Hangzhou, her melted chocolates, Amy's double payment) and a VIP's gift box.
 *
 * @example
 * createDesk({ storage, orders: createMemoryOrderLookup(candyShopOrders) });
 */
export const candyShopOrders: readonly StoredOrder[] = [
  ...fixtureOrders,
  {
    orderRef: 'SO-20261120-0815',
    customerId: 'cus_wu',
    status: 'shipped',
    paymentStatus: 'paid',
    items: [
      { sku: 'GIFT-BOX-DELUXE', name: '新年糖果礼盒 Deluxe gift box', quantity: 3, price: 19_900 },
    ],
    total: 59_700,
    currency: 'CNY',
    shipment: {
      carrier: '京东物流',
      trackingNo: 'JD0098765432',
      status: 'in_transit',
      city: '北京',
    },
    placedAt: Date.parse('2026-11-20T10:15:00+08:00'),
  },
];

/** The late parcel every demo and the end-to-end test ask about. */
export const LATE_ORDER_REF = 'SO-20261111-0042';
