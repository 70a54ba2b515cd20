import type { StoredOrder } from '../orders/order-lookup';

const day = (iso: string) => Date.parse(iso);

/**
 * A candy shop's orders for tests and demos (糖果店订单): a late parcel, a melted box of
 * chocolates, a double payment.
 *
 * @example
 * const desk = createDesk({ storage, orders: createMemoryOrderLookup(candyShopOrders) });
 */
export const candyShopOrders: readonly StoredOrder[] = [
  {
    orderRef: 'SO-20261111-0042',
    customerId: 'cus_lin',
    status: 'shipped',
    paymentStatus: 'paid',
    items: [
      { sku: 'CHOC-DARK-200', name: '黑巧克力礼盒 200g', quantity: 2, price: 6800 },
      { sku: 'CANDY-MILK-500', name: '大白兔奶糖 500g', quantity: 1, price: 3900 },
    ],
    total: 17_500,
    currency: 'CNY',
    shipment: {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
      status: 'in_transit',
      city: '杭州',
    },
    placedAt: day('2026-11-11T00:05:00+08:00'),
  },
  {
    orderRef: 'SO-20261112-0107',
    customerId: 'cus_lin',
    status: 'delivered',
    paymentStatus: 'paid',
    items: [{ sku: 'CHOC-MILK-BOX', name: '牛奶巧克力夹心 12 粒', quantity: 1, price: 12_800 }],
    total: 12_800,
    currency: 'CNY',
    shipment: {
      carrier: '中通快递',
      trackingNo: 'ZT7788990011',
      status: 'delivered',
      city: '上海',
    },
    placedAt: day('2026-11-12T20:30:00+08:00'),
  },
  {
    orderRef: 'SO-20261113-0300',
    customerId: 'cus_amy',
    status: 'paid',
    paymentStatus: 'paid_twice',
    items: [{ sku: 'GUMMY-FRUIT-1KG', name: 'Fruit gummies 1 kg', quantity: 1, price: 5_600 }],
    total: 5_600,
    currency: 'CNY',
    shipment: null,
    placedAt: day('2026-11-13T09:12:00+08:00'),
  },
];
