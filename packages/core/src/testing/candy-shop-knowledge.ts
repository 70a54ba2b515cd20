/** An article of the candy shop's knowledge base (知识库), in one locale. */
export interface CandyArticle {
  id: string;
  topic: string;
  locale: 'zh-CN' | 'en';
  title: string;
  body: string;
  tags: string[];
  category: string;
}

const zh = (
  topic: string,
  category: string,
  title: string,
  body: string,
  tags: string[],
): CandyArticle => ({
  id: `kb_${topic}_zh`,
  topic,
  locale: 'zh-CN',
  title,
  body,
  tags,
  category,
});
const en = (
  topic: string,
  category: string,
  title: string,
  body: string,
  tags: string[],
): CandyArticle => ({
  id: `kb_${topic}_en`,
  topic,
  locale: 'en',
  title,
  body,
  tags,
  category,
});

/**
 * The candy shop's FAQ in Chinese and English, written for Kefu's tests, demo and bot evaluation.
 *
 * @example
 * for (const article of candyShopKnowledge) index.add(article);
 */
export const candyShopKnowledge: readonly CandyArticle[] = [
  zh(
    'shipping-time',
    'orders',
    '下单后多久发货？',
    '现货商品在付款后 48 小时内从杭州仓发货，节假日和大促期间可能延长到 72 小时。预售商品按页面标注的日期发货。',
    ['发货', '发货时间', '多久'],
  ),
  en(
    'shipping-time',
    'orders',
    'When will my order ship?',
    'In-stock items ship from our Hangzhou warehouse within 48 hours of payment; during holidays and big sales it can take up to 72 hours. Pre-order items ship on the date shown on the product page.',
    ['shipping', 'dispatch', 'ship'],
  ),
  zh(
    'tracking',
    'logistics',
    '怎么查询物流？我的快递到哪了？',
    '在“我的订单”中点击“查看物流”即可看到快递公司和运单号，顺丰一般 1–3 天送达，中通 2–5 天。超过 5 天未更新请联系客服加急。',
    ['物流', '快递', '运单号', '到哪了', '送达'],
  ),
  en(
    'tracking',
    'logistics',
    'How do I track my parcel?',
    'Open My Orders and tap Track to see the carrier and tracking number. SF Express usually delivers in 1–3 days, ZTO in 2–5 days. If tracking has not updated for 5 days, contact us and we will chase the courier.',
    ['tracking', 'parcel', 'delivery', 'where is my order', 'courier'],
  ),
  zh(
    'returns',
    'after-sales',
    '可以退货吗？退货政策是什么？',
    '未拆封商品签收后 7 天内可无理由退货，食品拆封后除质量问题外不支持退货。在订单页申请退货，审核通过后寄回即可，运费由我们承担（质量问题）或顾客承担（无理由）。',
    ['退货', '七天无理由', '退换'],
  ),
  en(
    'returns',
    'after-sales',
    'Can I return my order?',
    'Unopened items can be returned within 7 days of delivery for any reason. Opened food cannot be returned unless it is faulty. Request a return on the order page and send it back once approved; we pay postage for faulty items.',
    ['return', 'returns policy', 'send back'],
  ),
  zh(
    'refunds',
    'payment',
    '退款多久到账？',
    '退款审核通过后原路退回：支付宝和微信 1–3 个工作日到账，银行卡 3–7 个工作日。可在订单详情查看退款进度。',
    ['退款', '到账', '退钱'],
  ),
  en(
    'refunds',
    'payment',
    'How long does a refund take?',
    'Approved refunds go back to the original payment method: Alipay and WeChat Pay in 1–3 working days, bank cards in 3–7 working days. You can follow the refund on the order details page.',
    ['refund', 'money back', 'reimburse'],
  ),
  zh(
    'melted',
    'quality',
    '巧克力到货融化了怎么办？',
    '夏季（5–10 月）巧克力使用冰袋冷链发货。如果到货时融化变形，请在 48 小时内拍照联系客服，我们会补发或全额退款。',
    ['融化', '化了', '变形', '冷链', '巧克力'],
  ),
  en(
    'melted',
    'quality',
    'My chocolate arrived melted',
    'From May to October chocolate ships with ice packs. If it arrives melted or misshapen, send us a photo within 48 hours and we will resend it or refund you in full.',
    ['melted', 'melt', 'heat', 'chocolate', 'soft'],
  ),
  zh(
    'allergens',
    'products',
    '糖果含有坚果等过敏原吗？',
    '每件商品详情页都列出过敏原。我们的巧克力与坚果产品在同一工厂生产，可能含有微量花生、杏仁和牛奶。坚果过敏请选择标注“无坚果”的系列。',
    ['过敏', '坚果', '花生', '成分'],
  ),
  en(
    'allergens',
    'products',
    'Do your sweets contain nuts or other allergens?',
    'Every product page lists allergens. Our chocolate is made in a factory that also handles nuts, so it may contain traces of peanuts, almonds and milk. If you are allergic to nuts, choose the nut-free range.',
    ['allergy', 'allergen', 'nuts', 'peanut', 'ingredients'],
  ),
  zh(
    'shelf-life',
    'products',
    '糖果保质期多久？怎么保存？',
    '硬糖保质期 18 个月，巧克力 12 个月，软糖 9 个月。请在 25°C 以下阴凉干燥处保存，巧克力避免冷藏后反复取出以免起霜。',
    ['保质期', '保存', '储存', '过期'],
  ),
  en(
    'shelf-life',
    'products',
    'How long do sweets keep and how should I store them?',
    'Hard candy keeps for 18 months, chocolate for 12 and gummies for 9. Store below 25°C in a cool dry place; avoid taking chocolate in and out of the fridge, which causes bloom.',
    ['shelf life', 'storage', 'expiry', 'keep', 'best before'],
  ),
  zh(
    'payment-methods',
    'payment',
    '支持哪些支付方式？',
    '支持支付宝、微信支付、银联卡和花呗分期。海外顾客可以使用 Visa、Mastercard 和 PayPal。',
    ['支付', '付款方式', '微信', '支付宝', '花呗'],
  ),
  en(
    'payment-methods',
    'payment',
    'Which payment methods do you accept?',
    'We accept Alipay, WeChat Pay, UnionPay and Huabei instalments. Customers abroad can pay with Visa, Mastercard or PayPal.',
    ['payment', 'pay', 'credit card', 'paypal', 'visa'],
  ),
  zh(
    'double-charge',
    'payment',
    '被重复扣款了怎么办？',
    '如果同一订单扣款两次，多扣的款项通常会在 24 小时内自动退回。超过 24 小时未退回，请提供订单号和扣款截图，客服会为您加急退款。',
    ['重复扣款', '扣了两次', '多扣', '扣款'],
  ),
  en(
    'double-charge',
    'payment',
    'I was charged twice',
    'If one order was charged twice, the duplicate is usually returned automatically within 24 hours. If not, send us the order number and a screenshot of the charges and we will refund it urgently.',
    ['charged twice', 'double charge', 'duplicate payment'],
  ),
  zh(
    'coupons',
    'promotions',
    '优惠券怎么用？为什么用不了？',
    '结算时在“优惠券”一栏选择即可。每笔订单限用一张，需满足最低消费金额且在有效期内；特价商品不参与满减。',
    ['优惠券', '满减', '折扣', '用不了'],
  ),
  en(
    'coupons',
    'promotions',
    'How do I use a coupon?',
    'Pick the coupon at checkout. One coupon per order; the order must reach the minimum spend and the coupon must be valid. Sale items are excluded from spend-and-save offers.',
    ['coupon', 'voucher', 'discount code', 'promo'],
  ),
  zh(
    'points',
    'membership',
    '会员积分怎么获得和使用？',
    '每消费 1 元得 1 积分，VIP 会员双倍积分。100 积分可抵 1 元，在结算页勾选“使用积分”即可。积分在次年年底过期。',
    ['积分', '会员', 'VIP', '抵扣'],
  ),
  en(
    'points',
    'membership',
    'How do membership points work?',
    'You earn 1 point per yuan spent, double for VIP members. 100 points are worth ¥1 at checkout: tick Use points. Points expire at the end of the following year.',
    ['points', 'membership', 'vip', 'rewards', 'loyalty'],
  ),
  zh(
    'change-address',
    'orders',
    '下单后可以修改收货地址吗？',
    '订单未发货前可在订单详情中修改地址；已发货的订单请联系客服，我们会尝试联系快递改派，但不能保证成功。',
    ['修改地址', '改地址', '收货地址'],
  ),
  en(
    'change-address',
    'orders',
    'Can I change my delivery address?',
    'Before the order ships you can change the address on the order details page. Once shipped, contact us and we will ask the courier to redirect it, but we cannot guarantee it.',
    ['change address', 'delivery address', 'wrong address'],
  ),
  zh(
    'invoice',
    'orders',
    '可以开发票吗？',
    '可以开具电子普通发票和增值税专用发票。在订单详情点击“申请发票”，填写抬头和税号，电子发票 1 个工作日内发送到邮箱。',
    ['发票', '开票', '税号', '抬头'],
  ),
  en(
    'invoice',
    'orders',
    'Can I get an invoice?',
    'Yes, we issue electronic invoices (fapiao) and VAT special invoices. Request one on the order details page with the company name and tax number; e-invoices arrive by email within 1 working day.',
    ['invoice', 'receipt', 'fapiao', 'tax'],
  ),
  zh(
    'gift-wrap',
    'orders',
    '有礼品包装和贺卡吗？',
    '结算时可选择礼品包装（5 元）并填写贺卡内容，我们会手写贺卡。礼品订单不放价格单。',
    ['礼品包装', '贺卡', '送礼', '礼盒'],
  ),
  en(
    'gift-wrap',
    'orders',
    'Do you offer gift wrapping and cards?',
    'Choose gift wrapping (¥5) at checkout and write a message for the card; we write it by hand. Gift orders ship without a price list.',
    ['gift wrap', 'gift card message', 'present', 'gift'],
  ),
  zh(
    'sugar-free',
    'products',
    '有无糖糖果吗？糖尿病人能吃吗？',
    '我们有木糖醇和赤藓糖醇制作的无糖系列，但仍含有碳水化合物，糖尿病患者请遵医嘱适量食用。',
    ['无糖', '糖尿病', '木糖醇', '低糖'],
  ),
  en(
    'sugar-free',
    'products',
    'Do you sell sugar-free sweets?',
    'Our sugar-free range is sweetened with xylitol and erythritol. It still contains carbohydrates, so people with diabetes should follow their doctor\u2019s advice.',
    ['sugar free', 'diabetic', 'xylitol', 'low sugar'],
  ),
  zh(
    'bulk',
    'orders',
    '企业团购或婚礼喜糖可以批量订购吗？',
    '满 50 盒享受团购价，可定制喜糖盒和企业 logo 礼盒，提前 10 天下单。请联系客服获取报价。',
    ['团购', '喜糖', '批量', '企业定制'],
  ),
  en(
    'bulk',
    'orders',
    'Can I order in bulk for a wedding or a company?',
    'From 50 boxes we offer bulk prices and can customise wedding favour boxes or boxes with your company logo. Order 10 days ahead and ask us for a quote.',
    ['bulk order', 'wedding favours', 'corporate gifts', 'wholesale'],
  ),
  zh(
    'out-of-stock',
    'products',
    '商品缺货什么时候补货？',
    '缺货商品页面可点击“到货通知”，补货后会短信提醒。热门巧克力一般 1–2 周补货，也可以选择相似口味的替代商品。',
    ['缺货', '补货', '到货通知', '没货'],
  ),
  en(
    'out-of-stock',
    'products',
    'An item is out of stock — when will it be back?',
    'Tap Notify me on the product page and we will text you when it is back. Popular chocolates are usually restocked in 1–2 weeks; you can also pick a similar flavour instead.',
    ['out of stock', 'restock', 'sold out', 'back in stock'],
  ),
  zh(
    'cancel',
    'orders',
    '怎么取消订单？',
    '未发货订单可在订单详情点击“取消订单”，款项原路退回。已发货订单不能取消，请签收后申请退货。',
    ['取消订单', '不想要了', '撤销'],
  ),
  en(
    'cancel',
    'orders',
    'How do I cancel an order?',
    'Orders that have not shipped can be cancelled on the order details page and are refunded to the original payment method. Shipped orders cannot be cancelled: request a return after delivery.',
    ['cancel order', 'cancellation', 'changed my mind'],
  ),
];
