import type { OrderSnapshot } from '@kefu/core';
import { type FormEvent, useEffect, useState } from 'react';
import { formatShanghai, formatYuan } from '../shared/format';
import type { DeskCall } from './use-desk-call';

/** The order snapshot (`orders.lookup`) for the order the customer mentioned, or one typed in. */
export function OrderPanel({
  orderRef,
  onOrderRef,
  order,
}: {
  orderRef: string | null;
  onOrderRef(orderRef: string): void;
  order: DeskCall<OrderSnapshot | null>;
}) {
  const [typed, setTyped] = useState(orderRef ?? '');
  useEffect(() => {
    setTyped(orderRef ?? '');
  }, [orderRef]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) onOrderRef(typed.trim());
  };
  const snapshot = order.data;
  return (
    <section className="panel" aria-labelledby="order-heading">
      <h3 id="order-heading">订单 Order</h3>
      <form onSubmit={submit} className="inline-form">
        <input
          aria-label="Order number"
          placeholder="SO-20261111-0042"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit">查询 Look up</button>
      </form>
      {order.error ? <p className="error">{order.error}</p> : null}
      {orderRef && !order.loading && !snapshot && !order.error ? (
        <p className="muted">没有这个订单 No such order for this customer</p>
      ) : null}
      {snapshot ? (
        <div className="order-snapshot" data-testid="order-snapshot">
          <p>
            <strong>{snapshot.orderRef}</strong> · {snapshot.status} · {snapshot.paymentStatus}
          </p>
          <ul>
            {snapshot.items.map((item) => (
              <li key={item.sku}>
                {item.name} × {item.quantity}
              </li>
            ))}
          </ul>
          <p>
            {formatYuan(snapshot.total, snapshot.currency)} · {formatShanghai(snapshot.placedAt)}
          </p>
          {snapshot.shipment ? (
            <p>
              🚚 {snapshot.shipment.carrier} {snapshot.shipment.trackingNo} ·{' '}
              {snapshot.shipment.status}
              {snapshot.shipment.city ? ` · ${snapshot.shipment.city}` : ''}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
