import { ChatWidget, KefuProvider } from '@kefu/widget-react';
import { useState } from 'react';
import { gatewayUrl } from '../shared/demo-fetch';
import { formatYuan } from '../shared/format';
import { addToCart, type Cart, cartSummary } from './cart';
import { CustomerPicker } from './customer-picker';
import { OrderPage } from './order-page';
import { ProductGrid } from './product-grid';
import { useCustomerSession } from './use-customer-session';
import { usePath } from './use-path';

/** The candy shop's storefront: products, "my orders", and the Kefu chat widget. */
export function StorefrontApp() {
  const { session, error, signIn, signOut } = useCustomerSession();
  const [path, navigate] = usePath();
  const [chatOpen, setChatOpen] = useState(false);
  const [cart, setCart] = useState<Cart>({});
  const inCart = cartSummary(cart);
  const link = (to: string, label: string) => (
    <a
      href={to}
      aria-current={path === to ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );

  return (
    <div className="shop">
      <header className="shop-header">
        <h1>
          <span aria-hidden="true">🍬</span> 甜甜糖果铺 <small>Sweet Candy Shop</small>
        </h1>
        <nav aria-label="Shop">
          {link('/', '商品 Products')}
          {link('/orders', '我的订单 My orders')}
        </nav>
        <p className="cart" role="status">
          <span aria-hidden="true">🛒</span> 购物车 Cart: {inCart.items} ·{' '}
          {formatYuan(inCart.total)}
        </p>
        <CustomerPicker current={session?.customer ?? null} onPick={signIn} onSignOut={signOut} />
      </header>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <main>
        {path.startsWith('/orders') ? (
          <OrderPage session={session} onAskService={() => setChatOpen(true)} />
        ) : (
          <>
            <p className="banner">
              双十二大促 · 满 ¥99 包邮 — Free shipping over ¥99 during the 12.12 sale
            </p>
            <ProductGrid onAdd={(sku) => setCart((current) => addToCart(current, sku))} />
          </>
        )}
      </main>
      <footer className="shop-footer">
        客服时间 每天 09:00–22:00（北京时间）· Service hours daily 09:00–22:00 (Beijing time)
      </footer>
      {session ? (
        // One client per signed-in customer: switching customers starts a fresh connection.
        <KefuProvider
          key={session.customer.id}
          options={{
            url: gatewayUrl(),
            identity: {
              kind: 'customer',
              customerId: session.customer.id,
              signature: session.signature,
            },
          }}
        >
          <ChatWidget
            locale={session.customer.locale}
            open={chatOpen}
            onOpenChange={setChatOpen}
            title={session.customer.locale === 'en' ? 'Candy shop service' : '甜甜糖果铺 在线客服'}
            greeting={{
              text:
                session.customer.locale === 'en'
                  ? 'Questions about an order? Ask us here.'
                  : '订单有疑问？在这里问我们。',
              delayMs: 4_000,
            }}
          />
        </KefuProvider>
      ) : null}
    </div>
  );
}
