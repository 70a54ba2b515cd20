/** A customer question and the knowledge-base topic that answers it. */
export interface LabelledQuestion {
  text: string;
  topic: string;
  locale: 'zh-CN' | 'en';
}

const q = (topic: string, zhTexts: string[], enTexts: string[]): LabelledQuestion[] => [
  ...zhTexts.map((text) => ({ text, topic, locale: 'zh-CN' as const })),
  ...enTexts.map((text) => ({ text, topic, locale: 'en' as const })),
];

/**
 * 108 candy-shop questions as customers type them, paraphrased, each labelled with the topic of
 * `candyShopKnowledge` that answers it: the bot's evaluation set.
 */
export const candyShopQuestions: readonly LabelledQuestion[] = [
  ...q(
    'shipping-time',
    ['付款了什么时候能发出来', '你们一般几天发货啊', '双十一买的要等多久才发'],
    [
      'how soon do you dispatch after I pay',
      'when does my order leave the warehouse',
      'how many days until you ship it',
    ],
  ),
  ...q(
    'tracking',
    ['我的糖果什么时候到？快递到哪了', '运单号在哪里看', '物流好几天没更新了'],
    [
      'where is my parcel right now',
      'I need the tracking number for my order',
      'the courier has not updated my delivery',
    ],
  ),
  ...q(
    'returns',
    ['东西不想要了能退吗', '七天无理由退换支持吗', '拆了包装还能退货吗'],
    ['can I send this back', 'what is your returns policy', 'I want to return an unopened box'],
  ),
  ...q(
    'refunds',
    ['退款申请通过了钱什么时候到', '退的钱几天能回到微信', '退款一直没到账'],
    [
      'when will I get my money back',
      'how many days for the refund to arrive on my card',
      'my refund has not arrived yet',
    ],
  ),
  ...q(
    'melted',
    ['收到的巧克力都化了', '天太热巧克力变形了怎么办', '夏天寄巧克力会不会融化'],
    [
      'the chocolates were all soft and melted when they came',
      'is chocolate shipped with ice packs in summer',
      'my box of chocolate melted in the heat',
    ],
  ),
  ...q(
    'allergens',
    ['我对花生过敏可以吃吗', '巧克力里面有坚果成分吗', '配料表里有没有牛奶'],
    [
      'I have a nut allergy, is this safe',
      'do the sweets contain peanuts',
      'where can I see the allergen information',
    ],
  ),
  ...q(
    'shelf-life',
    ['软糖能放多久', '巧克力要放冰箱吗', '保质期是多长时间'],
    [
      'how long do gummies keep',
      'should I keep chocolate in the fridge',
      'what is the best before date for hard candy',
    ],
  ),
  ...q(
    'payment-methods',
    ['可以用花呗付款吗', '能用信用卡支付吗', '支持微信付钱吗'],
    ['can I pay with PayPal', 'do you take Visa cards', 'which ways can I pay'],
  ),
  ...q(
    'double-charge',
    ['一个订单扣了我两次钱', '付款的时候多扣了一笔', '重复扣款什么时候退回来'],
    [
      'you took the payment twice',
      'I see two identical charges on my card',
      'duplicate payment for one order',
    ],
  ),
  ...q(
    'coupons',
    ['优惠券为什么用不了', '满减券怎么使用', '一个订单能用两张券吗'],
    [
      'my voucher code does not work',
      'how do I apply a discount coupon',
      'can I use two coupons on one order',
    ],
  ),
  ...q(
    'points',
    ['积分可以抵钱吗', 'VIP 会员有什么积分优惠', '积分什么时候过期'],
    [
      'how do I earn reward points',
      'can I spend my loyalty points',
      'do VIP members get more points',
    ],
  ),
  ...q(
    'change-address',
    ['地址填错了能改吗', '下单后想换个收货地址', '已经发货了还能改地址吗'],
    [
      'I entered the wrong delivery address',
      'can I change where my order goes',
      'please update my shipping address',
    ],
  ),
  ...q(
    'invoice',
    ['能开增值税专用发票吗', '公司报销需要发票', '电子发票多久发到邮箱'],
    [
      'I need an invoice for my company',
      'can you send me a fapiao',
      'how do I get a receipt with our tax number',
    ],
  ),
  ...q(
    'gift-wrap',
    ['送人的话可以包装好看一点吗', '能帮我写张贺卡吗', '礼物订单里会放价格吗'],
    [
      'can you wrap it as a present',
      'I want to add a card message for a gift',
      'will the price be in the gift box',
    ],
  ),
  ...q(
    'sugar-free',
    ['有没有不含糖的', '糖尿病能吃你们家的糖吗', '木糖醇口香糖有吗'],
    [
      'do you have sweets without sugar',
      'is there anything for diabetics',
      'low sugar candy options',
    ],
  ),
  ...q(
    'bulk',
    ['结婚要订一百盒喜糖', '公司年会想定制礼盒', '大量购买有优惠吗'],
    [
      'wedding favours for 120 guests',
      'corporate gift boxes with our logo',
      'wholesale price for a large order',
    ],
  ),
  ...q(
    'out-of-stock',
    ['想要的口味没货了', '什么时候补货啊', '到货了能通知我吗'],
    [
      'the flavour I want is sold out',
      'when will it be back in stock',
      'can you tell me when it is restocked',
    ],
  ),
  ...q(
    'cancel',
    ['下错单了怎么取消', '不想要了能撤销订单吗', '还没发货能取消吗'],
    [
      'I want to cancel my order',
      'I changed my mind about this purchase',
      'how can I cancel before it ships',
    ],
  ),
];
