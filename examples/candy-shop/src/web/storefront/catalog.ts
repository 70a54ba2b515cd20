/** A product of the shop's catalogue; SKUs match the seeded orders. */
export interface Product {
  sku: string;
  name: string;
  nameEn: string;
  price: number;
  emoji: string;
  note: string;
}

/**
 * What the candy shop sells (DOMAIN.md): milk candy, dark and milk chocolate, fruit gummies,
 * the New Year gift box.
 */
export const catalog: readonly Product[] = [
  {
    sku: 'CANDY-MILK-500',
    name: '大白兔奶糖 500g',
    nameEn: 'Milk candy 500 g',
    price: 3900,
    emoji: '🍬',
    note: '经典奶香 · Classic',
  },
  {
    sku: 'CHOC-DARK-200',
    name: '黑巧克力礼盒 200g',
    nameEn: 'Dark chocolate box 200 g',
    price: 6800,
    emoji: '🍫',
    note: '72% 可可 · 72% cocoa',
  },
  {
    sku: 'CHOC-MILK-BOX',
    name: '牛奶巧克力夹心 12 粒',
    nameEn: 'Milk chocolate pralines ×12',
    price: 12_800,
    emoji: '🎁',
    note: '冬季限定 · Winter only',
  },
  {
    sku: 'GUMMY-FRUIT-1KG',
    name: '水果软糖 1kg',
    nameEn: 'Fruit gummies 1 kg',
    price: 5600,
    emoji: '🍭',
    note: '无麸质 · Gluten free',
  },
  {
    sku: 'GIFT-BOX-DELUXE',
    name: '新年糖果礼盒',
    nameEn: 'New Year deluxe gift box',
    price: 19_900,
    emoji: '🧧',
    note: '送礼首选 · For gifts',
  },
];
