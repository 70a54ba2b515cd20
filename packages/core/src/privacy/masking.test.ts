import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_DETECTORS,
  detectPii,
  isValidChineseIdNumber,
  isValidLuhn,
  maskText,
  type PiiDetector,
} from './masking';

const kinds = (text: string) => detectPii(text, BUILT_IN_DETECTORS).map((s) => s.kind);

describe('masking detectors', () => {
  it('checks ID card numbers with ISO 7064 MOD 11-2', () => {
    expect(isValidChineseIdNumber('11010519491231002X')).toBe(true);
    expect(isValidChineseIdNumber('110105194912310021')).toBe(false);
    expect(isValidChineseIdNumber('440308199901101512')).toBe(true);
    expect(isValidChineseIdNumber('440308199901101513')).toBe(false);
    expect(isValidChineseIdNumber('4403081999011015')).toBe(false);
  });

  it('checks bank card numbers with Luhn', () => {
    expect(isValidLuhn('4111 1111 1111 1111')).toBe(true);
    expect(isValidLuhn('4111111111111112')).toBe(false);
    expect(isValidLuhn('6222021234567890128')).toBe(true);
    expect(isValidLuhn('6222021234567890127')).toBe(false);
  });

  it('finds mobile numbers, valid ID cards, Luhn-valid cards and e-mail, and nothing else', () => {
    expect(kinds('电话13812345678，谢谢')).toEqual(['mobile']);
    expect(kinds('call +86 138-1234-5678')).toEqual(['mobile']);
    expect(kinds('订单号 202611110001234567')).toEqual([]);
    expect(kinds('12812345678 is not a mobile')).toEqual([]);
    expect(kinds('身份证 11010519491231002X')).toEqual(['id-card']);
    expect(kinds('身份证 110105194912310021')).toEqual([]);
    expect(kinds('卡号 6222 0212 3456 7890 128')).toEqual(['bank-card']);
    expect(kinds('卡号 6222 0212 3456 7890 127')).toEqual([]);
    expect(kinds('邮箱 lin.xiaotang@example.cn')).toEqual(['email']);
    expect(kinds('13812345678 和 amy@example.com')).toEqual(['mobile', 'email']);
  });

  it('masks spans keeping length and ends, and takes a shop detector', () => {
    const memberNo: PiiDetector = {
      kind: 'member',
      find: (text) =>
        [...text.matchAll(/VIP-\d{6}/g)].map((m) => ({
          start: m.index ?? 0,
          end: (m.index ?? 0) + m[0].length,
        })),
    };
    const text = '手机13812345678 会员VIP-123456';
    const masked = maskText(text, [...BUILT_IN_DETECTORS, memberNo]);
    expect(masked.text).toBe('手机138****5678 会员**********');
    expect(masked.text).toHaveLength(text.length);
    expect(masked.spans).toEqual([
      { start: 2, end: 13, kind: 'mobile', index: 0 },
      { start: 16, end: 26, kind: 'member', index: 1 },
    ]);
    expect(maskText('amy@example.com', BUILT_IN_DETECTORS).text).toBe('a**@example.com');
    expect(maskText('没有个人信息', BUILT_IN_DETECTORS)).toEqual({
      text: '没有个人信息',
      spans: [],
    });
  });
});
