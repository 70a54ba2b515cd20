import type { WireTicket } from '../client-types';
import { formatMoney } from '../i18n/format';
import type { Translate } from '../i18n/translate';

type Resolution = NonNullable<WireTicket['proposal']>;

/**
 * A proposal or resolution (处理方案) in the customer's words: "a refund of ¥20.00".
 *
 * @example
 * describeResolution({ type: 'refund', amount: 2000, currency: 'CNY' }, t, 'zh-CN'); // '退款 ¥20.00'
 */
export function describeResolution(resolution: Resolution, t: Translate, locale: string): string {
  const list = (items: readonly string[]) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  switch (resolution.type) {
    case 'refund':
      return t('resolution.refund', {
        amount: formatMoney(resolution.amount, resolution.currency, locale),
      });
    case 'replacement':
      return t('resolution.replacement', { items: list(resolution.items) });
    case 'exchange':
      return t('resolution.exchange', { items: list(resolution.items), for: list(resolution.for) });
    case 'compensation':
      return resolution.form === 'points'
        ? t('resolution.points', { value: resolution.value })
        : t('resolution.coupon', {
            amount: formatMoney(resolution.value, resolution.currency ?? 'CNY', locale),
          });
    case 'explanation':
      // The agent's own words, already in the customer's language.
      return resolution.text;
  }
}
