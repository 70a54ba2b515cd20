import type { OrderSnapshot, Resolution } from '@kefu/core';

/** The resolutions the console offers. */
export type ResolutionKind = 'coupon' | 'points' | 'refund' | 'replacement' | 'explanation';

/** The typed resolution from the form; amounts are entered in yuan and sent in fen. */
export function toResolution(
  kind: ResolutionKind,
  amount: string,
  text: string,
  order: OrderSnapshot | null,
): Resolution | null {
  const yuan = Number(amount);
  const fen = Math.round(yuan * 100);
  switch (kind) {
    case 'coupon':
      return fen > 0 ? { type: 'compensation', form: 'coupon', value: fen, currency: 'CNY' } : null;
    case 'points':
      return yuan > 0 ? { type: 'compensation', form: 'points', value: Math.round(yuan) } : null;
    case 'refund':
      return fen > 0 ? { type: 'refund', amount: fen, currency: 'CNY' } : null;
    case 'replacement':
      return order && order.items.length > 0
        ? { type: 'replacement', items: order.items.map((item) => item.sku) }
        : null;
    case 'explanation':
      return text.trim() ? { type: 'explanation', text: text.trim() } : null;
  }
}
