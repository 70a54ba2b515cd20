/** "On Mon, 1 Dec 2026 at 10:00, 糖果铺客服 <support@candy.example> wrote:" (Gmail, Apple Mail, Thunderbird). */
const EN_ATTRIBUTION = /^(On\s.+|.*@.*)\swrote:$/i;
/** "在 2026年12月1日周二 10:00，糖果铺客服 <support@candy.example> 写道：" (Gmail, 163, Foxmail, Apple Mail). */
const ZH_ATTRIBUTION = /^(在.+|.*(@|年).*)\s?(写道|寫道)\s?[：:]$/;
/** "-----Original Message-----", QQ Mail's "------------------ 原始邮件 ------------------". */
const ORIGINAL_SEPARATOR =
  /^-{2,}\s*(Original Message|原始邮件|原始郵件|邮件原件|郵件原件)\s*-{2,}$/i;
/** The header block Outlook puts above the quoted mail: "From: …" then "Sent: …" lines. */
const HEADER_FROM = /^\*?(From|发件人|寄件者|寄件人)\s*\*?\s*[:：]/i;
const HEADER_NEXT =
  /^\*?(Sent|Date|To|Subject|发送时间|时间|日期|寄件日期|收件人|主题)\s*\*?\s*[:：]/i;
/** Outlook on the web draws a rule above that block. */
const RULE = /^_{10,}$/;

/** Lines an attribution may wrap over (Gmail wraps long ones after the address). */
const ATTRIBUTION_LINES = 3;

function isAttribution(text: string): boolean {
  return EN_ATTRIBUTION.test(text) || ZH_ATTRIBUTION.test(text);
}

/** Where the quoted part of a reply starts, as a line index, or -1. */
function quoteStart(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    if (ORIGINAL_SEPARATOR.test(line)) return index;
    if (RULE.test(line) && HEADER_FROM.test((lines[index + 1] ?? '').trim())) return index;
    if (HEADER_FROM.test(line) && HEADER_NEXT.test((lines[index + 1] ?? '').trim())) return index;
    let joined = line;
    for (let extra = 0; extra < ATTRIBUTION_LINES; extra++) {
      if (isAttribution(joined)) return index;
      const next = lines[index + extra + 1];
      if (next === undefined || next.trim() === '' || !/^(On\s|在)/i.test(line)) break;
      joined = `${joined} ${next.trim()}`;
    }
  }
  return -1;
}

/**
 * The new part of an e-mail reply: quoted lines (`> …`), the quoted mail below an attribution
 * ("On … wrote:", "在 … 写道：") and below Outlook's "-----Original Message-----" or
 * "From: … Sent: …" block are removed. A mail that is nothing but quote is returned whole rather
 * than emptied.
 *
 * @example
 * stripQuotedText('好的，谢谢！\n\n在 2026年12月1日 10:00，糖果铺客服 <support@candy.example> 写道：\n> 您的订单已发货。');
 * // → '好的，谢谢！'
 */
export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = quoteStart(lines);
  const kept = (start < 0 ? lines : lines.slice(0, start)).filter((line) => !/^\s*>/.test(line));
  const result = kept
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result === '' ? text.trim() : result;
}
