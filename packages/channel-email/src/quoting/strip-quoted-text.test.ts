import { describe, expect, it } from 'vitest';
import { stripQuotedText } from './strip-quoted-text';

// Replies as the common clients write them (addresses and dates changed, layout kept).
const SAMPLES: { client: string; mail: string; reply: string }[] = [
  {
    client: 'Gmail (en), attribution wrapped over two lines',
    mail: `Thanks, that works.\n\nOn Tue, Dec 1, 2026 at 10:00 AM Candy Shop Support <support@candy.example>\nwrote:\n\n> Your parcel left our warehouse today.\n> Tracking: SF1234567890\n`,
    reply: 'Thanks, that works.',
  },
  {
    client: 'Apple Mail (en)',
    mail: `Great, thank you!\n\n> On 1 Dec 2026, at 10:00, Candy Shop Support <support@candy.example> wrote:\n> \n> Your parcel left our warehouse today.\n`,
    reply: 'Great, thank you!',
  },
  {
    client: 'Thunderbird (en)',
    mail: `I still have not received it.\n\nOn 01/12/2026 10:00, Candy Shop Support wrote:\n> Your parcel left our warehouse today.\n`,
    reply: 'I still have not received it.',
  },
  {
    client: 'Gmail (zh-CN)',
    mail: `好的，谢谢！\n\n在 2026年12月1日周二 上午10:00，糖果铺客服 <support@candy.example> 写道：\n\n> 您的订单已发货，预计明天送达。\n`,
    reply: '好的，谢谢！',
  },
  {
    client: 'Apple Mail (zh-CN), no 在',
    mail: `收到了，但是巧克力化了。\n\n> 2026年12月1日 10:00，糖果铺客服 <support@candy.example> 写道：\n> \n> 您的订单已发货。\n`,
    reply: '收到了，但是巧克力化了。',
  },
  {
    client: 'Apple Mail (zh-CN), attribution not quoted',
    mail: `麻烦尽快处理\n\n2026年12月1日 10:00，糖果铺客服 <support@candy.example> 写道：\n\n您的订单已发货。\n`,
    reply: '麻烦尽快处理',
  },
  {
    client: 'QQ Mail',
    mail: `请帮我退款。\n\n\n------------------\u00a0原始邮件\u00a0------------------\n发件人: "糖果铺客服"<support@candy.example>;\n发送时间: 2026年12月1日(星期二) 上午10:00\n收件人: "林小糖"<lin@customer.example>;\n主题: Re: 巧克力化了\n\n非常抱歉给您带来不便。\n`,
    reply: '请帮我退款。',
  },
  {
    client: 'Outlook desktop (en)',
    mail: `Please send a replacement.\r\n\r\n-----Original Message-----\r\nFrom: Candy Shop Support <support@candy.example>\r\nSent: Tuesday, December 1, 2026 10:00 AM\r\nTo: Amy Chen <amy@customer.example>\r\nSubject: RE: Melted chocolate\r\n\r\nWe are sorry to hear that.\r\n`,
    reply: 'Please send a replacement.',
  },
  {
    client: 'Outlook on the web (en), rule and header block',
    mail: `Any update?\n\n________________________________\nFrom: Candy Shop Support <support@candy.example>\nSent: Tuesday, December 1, 2026 10:00\nTo: Amy Chen\nSubject: Re: Refund\n\nWe have started your refund.\n`,
    reply: 'Any update?',
  },
  {
    client: 'Outlook (zh-CN), header block',
    mail: `已经收到补发的糖果了，谢谢。\n\n发件人: 糖果铺客服 <support@candy.example>\n发送时间: 2026年12月1日 10:00\n收件人: 林小糖 <lin@customer.example>\n主题: 回复: 补发\n\n我们已为您补发。\n`,
    reply: '已经收到补发的糖果了，谢谢。',
  },
  {
    client: 'Outlook (zh-CN), -----邮件原件-----',
    mail: `好的\n\n-----邮件原件-----\n发件人: 糖果铺客服\n\n我们已为您补发。\n`,
    reply: '好的',
  },
];

describe('stripQuotedText', () => {
  it.each(SAMPLES)('keeps only the new text of a reply from $client', ({ mail, reply }) => {
    expect(stripQuotedText(mail)).toBe(reply);
  });

  it('removes interleaved quoted lines and keeps the answers between them', () => {
    const mail = '> 订单号是多少？\n20261201\n> 收货城市？\n上海\n';
    expect(stripQuotedText(mail)).toBe('20261201\n上海');
  });

  it('leaves a first mail untouched, mentions of "wrote" and "写道" included', () => {
    const mail =
      '你好，\n\n我在留言里写道：想要草莓味的。\nMy friend wrote: "best candy ever".\n\n林小糖';
    expect(stripQuotedText(mail)).toBe(mail);
  });

  it('does not cut a forwarded mail, which the agent needs to see', () => {
    const mail =
      '请看下面的快递通知：\n\n---------- Forwarded message ---------\nFrom: SF Express <noreply@sf.example>\n\n您的快件已签收。';
    expect(stripQuotedText(mail)).toBe(mail);
  });

  it('returns a mail that is nothing but quote whole rather than empty', () => {
    expect(stripQuotedText('> 您的订单已发货。\n')).toBe('> 您的订单已发货。');
  });
});
