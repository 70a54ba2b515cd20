import { describe, expect, it } from 'vitest';
import { addToCart, cartSummary } from './cart';

describe('the demo cart', () => {
  it('adds products, counts them and totals them at catalogue prices', () => {
    let cart = addToCart({}, 'CANDY-MILK-500');
    cart = addToCart(cart, 'CANDY-MILK-500');
    cart = addToCart(cart, 'CHOC-DARK-200');
    expect(cart).toEqual({ 'CANDY-MILK-500': 2, 'CHOC-DARK-200': 1 });
    expect(cartSummary(cart)).toEqual({ items: 3, total: 2 * 3900 + 6800 });
  });

  it('ignores unknown products and leaves the cart as it was', () => {
    const cart = addToCart({}, 'CANDY-MILK-500');
    expect(addToCart(cart, 'NOT-A-SKU')).toBe(cart);
    expect(cartSummary({})).toEqual({ items: 0, total: 0 });
  });
});
