import type { OrderSnapshot } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { toResolution } from './resolution-input';

const order = { items: [{ sku: 'CHOC-DARK-200', name: '黑巧克力', quantity: 2, price: 6800 }] };

describe('proposed resolutions from the console form', () => {
  it('turns yuan into fen for coupons and refunds, points into whole points', () => {
    expect(toResolution('coupon', '20', '', null)).toEqual({
      type: 'compensation',
      form: 'coupon',
      value: 2000,
      currency: 'CNY',
    });
    expect(toResolution('refund', '128.5', '', null)).toEqual({
      type: 'refund',
      amount: 12_850,
      currency: 'CNY',
    });
    expect(toResolution('points', '200', '', null)).toEqual({
      type: 'compensation',
      form: 'points',
      value: 200,
    });
  });

  it('replaces the items of the order in view, and refuses what the desk would refuse', () => {
    expect(toResolution('replacement', '', '', order as unknown as OrderSnapshot)).toEqual({
      type: 'replacement',
      items: ['CHOC-DARK-200'],
    });
    expect(toResolution('replacement', '', '', null)).toBeNull();
    expect(toResolution('coupon', '0', '', null)).toBeNull();
    expect(toResolution('refund', 'abc', '', null)).toBeNull();
    expect(toResolution('explanation', '', '  ', null)).toBeNull();
  });
});
