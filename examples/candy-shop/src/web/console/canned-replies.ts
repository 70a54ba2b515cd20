import { type CannedReply, createCannedReplies } from '@kefu/core';

/**
 * The shop's quick replies (快捷回复): type `/ship` in the composer, or pick one from the list.
 * Variables are filled from the customer and the order in view; a missing one stays visible.
 */
export const cannedReplies = createCannedReplies([
  {
    shortcut: 'hi',
    title: '问候 Greeting',
    template: '{{customer.name}}您好，我是{{agent.name}}，很高兴为您服务 🍬',
  },
  {
    shortcut: 'ship',
    title: '物流查询 Tracking',
    template:
      '{{customer.name}}您好，订单 {{order.orderRef}} 由{{order.shipment.carrier}}配送，运单号 {{order.shipment.trackingNo}}，目前在{{order.shipment.city}}。',
  },
  {
    shortcut: 'late',
    title: '延误致歉 Late parcel',
    template:
      '非常抱歉让您久等了！订单 {{order.orderRef}} 的包裹在{{order.shipment.city}}滞留，我已联系{{order.shipment.carrier}}加急处理，并为您申请补偿。',
  },
  {
    shortcut: 'melted',
    title: '融化处理 Melted',
    template: '很抱歉巧克力融化了！麻烦您拍张照片，我们会为您补发或退款。',
  },
  {
    shortcut: 'bye',
    title: '结束语 Closing',
    template: '还有其他可以帮您的吗？祝您生活甜甜的 🍭',
  },
  {
    shortcut: 'en-hi',
    title: 'Greeting (English)',
    template: 'Hello {{customer.name}}, this is {{agent.name}}. How can I help?',
    locale: 'en',
  },
] satisfies CannedReply[]);
