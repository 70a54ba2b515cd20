import type { OrderSnapshot } from '@kefu/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type CustomerSession, customerHeaders, type OrderSummary } from '../../shared/demo-api';
import { demoFetch } from '../shared/demo-fetch';
import { formatShanghai, formatYuan } from '../shared/format';

const SHIPMENT: Record<string, string> = {
  in_transit: '运输中 In transit',
  delivered: '已签收 Delivered',
};

/** "My orders" (我的订单): the customer's orders and a lookup by order number. */
export function OrderPage({
  session,
  onAskService,
}: {
  session: CustomerSession | null;
  onAskService(): void;
}) {
  const [orders, setOrders] = useState<OrderSummary[]>([]);
  const [orderRef, setOrderRef] = useState('');
  const [order, setOrder] = useState<OrderSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setOrder(null);
    setOrders([]);
    if (!session) return;
    demoFetch<OrderSummary[]>('/api/orders', { headers: customerHeaders(session) }).then(
      setOrders,
      (failure: Error) => setError(failure.message),
    );
  }, [session]);

  if (!session) {
    return <p className="hint">请先登录查看订单 · Sign in (top right) to see your orders.</p>;
  }

  const lookUp = async (ref: string) => {
    setError(null);
    setOrderRef(ref);
    try {
      setOrder(
        await demoFetch<OrderSnapshot>(`/api/orders/${encodeURIComponent(ref.trim())}`, {
          headers: customerHeaders(session),
        }),
      );
    } catch (failure) {
      setOrder(null);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (orderRef.trim()) void lookUp(orderRef);
  };

  return (
    <section aria-labelledby="orders-heading" className="orders">
      <h2 id="orders-heading">我的订单 · My orders</h2>
      <ul className="order-list">
        {orders.map((summary) => (
          <li key={summary.orderRef}>
            <button type="button" className="link" onClick={() => lookUp(summary.orderRef)}>
              {summary.orderRef}
            </button>
            <span>{formatShanghai(summary.placedAt)}</span>
            <span>{summary.status}</span>
            <span>{formatYuan(summary.total, summary.currency)}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} className="lookup">
        <label htmlFor="order-ref">查询订单 Look up an order</label>
        <input
          id="order-ref"
          value={orderRef}
          placeholder="SO-20261111-0042"
          onChange={(event) => setOrderRef(event.target.value)}
        />
        <button type="submit">查询 Look up</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {order ? (
        <article className="order" aria-label={`订单 ${order.orderRef}`}>
          <h3>{order.orderRef}</h3>
          <p>
            下单 Placed {formatShanghai(order.placedAt)} · {order.status} · {order.paymentStatus}
          </p>
          <ul>
            {order.items.map((item) => (
              <li key={item.sku}>
                {item.name} × {item.quantity} — {formatYuan(item.price * item.quantity)}
              </li>
            ))}
          </ul>
          <p>
            合计 Total <strong>{formatYuan(order.total, order.currency)}</strong>
          </p>
          {order.shipment ? (
            <p className="shipment">
              🚚 {order.shipment.carrier} {order.shipment.trackingNo} ·{' '}
              {SHIPMENT[order.shipment.status] ?? order.shipment.status}
              {order.shipment.city ? ` · ${order.shipment.city}` : ''}
            </p>
          ) : (
            <p className="shipment">未发货 Not shipped yet</p>
          )}
          <button type="button" onClick={onAskService}>
            💬 咨询客服 Ask customer service
          </button>
        </article>
      ) : null}
    </section>
  );
}
