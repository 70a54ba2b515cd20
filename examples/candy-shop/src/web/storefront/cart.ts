import { catalog } from './catalog';

/** What is in the cart: SKU → quantity. */
export type Cart = Readonly<Record<string, number>>;

/**
 * The cart with one more of `sku`; unknown SKUs change nothing.
 *
 * @example
 * addToCart({}, 'CANDY-MILK-500'); // { 'CANDY-MILK-500': 1 }
 */
export function addToCart(cart: Cart, sku: string): Cart {
  if (!catalog.some((product) => product.sku === sku)) return cart;
  return { ...cart, [sku]: (cart[sku] ?? 0) + 1 };
}

/**
 * How many items and what they cost (minor units, 分) at the catalogue's prices.
 *
 * @example
 * cartSummary({ 'CANDY-MILK-500': 2 }); // { items: 2, total: 7800 }
 */
export function cartSummary(cart: Cart): { items: number; total: number } {
  let items = 0;
  let total = 0;
  for (const product of catalog) {
    const quantity = cart[product.sku] ?? 0;
    items += quantity;
    total += quantity * product.price;
  }
  return { items, total };
}
