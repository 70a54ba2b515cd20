import { formatYuan } from '../shared/format';
import { catalog } from './catalog';

/** The shop window: the candies, with their prices, each with "add to cart". */
export function ProductGrid({ onAdd }: { onAdd(sku: string): void }) {
  return (
    <section aria-labelledby="products-heading">
      <h2 id="products-heading">今日甜品 · Today&apos;s sweets</h2>
      <ul className="products">
        {catalog.map((product) => (
          <li key={product.sku} className="product">
            <span className="product-emoji" aria-hidden="true">
              {product.emoji}
            </span>
            <h3>{product.name}</h3>
            <p className="product-en">{product.nameEn}</p>
            <p className="product-note">{product.note}</p>
            <p className="product-price">{formatYuan(product.price)}</p>
            <button
              type="button"
              className="buy"
              aria-label={`加入购物车 Add to cart: ${product.name} ${product.nameEn}`}
              onClick={() => onAdd(product.sku)}
            >
              加入购物车 Add to cart
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
