import { describe, expect, it } from 'vitest';
import { resolveMessages } from './dictionaries';
import { en } from './en';
import { formatDuration, formatMoney } from './format';
import { ja } from './ja';
import { pickLocale } from './pick-locale';
import { createTranslate } from './translate';
import { zhCN } from './zh-cn';
import { zhTW } from './zh-tw';

describe('pickLocale', () => {
  const available = ['en', 'zh-CN'];
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW', 'en'], 'zh-CN'],
    [['en-GB'], 'en'],
    [['fr-FR', 'zh-Hans-CN'], 'zh-CN'],
    [['fr'], 'en'],
    [[], 'en'],
  ])('%j → %s', (preferred, expected) => {
    expect(pickLocale(preferred, available)).toBe(expected);
  });

  const all = ['en', 'zh-CN', 'zh-TW', 'ja'];
  it.each([
    [['zh-TW'], 'zh-TW'],
    [['zh-HK', 'en'], 'zh-TW'],
    [['zh-MO'], 'zh-TW'],
    [['zh-Hant'], 'zh-TW'],
    [['zh-Hant-HK'], 'zh-TW'],
    [['zh'], 'zh-CN'],
    [['zh-Hans-TW'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['ja'], 'ja'],
    [['ja-JP', 'en'], 'ja'],
    [['fr', 'ja-JP'], 'ja'],
    [['en-US', 'ja'], 'en'],
  ])('with zh-TW and ja: %j → %s', (preferred, expected) => {
    expect(pickLocale(preferred, all)).toBe(expected);
  });
});

describe('dictionaries', () => {
  it.each([
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
    ['ja', ja],
  ])('%s has every key of en, no other, and the same placeholders', (_, dictionary) => {
    expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(dictionary[key as keyof typeof en]), key).toEqual(placeholders(text));
      expect(dictionary[key as keyof typeof en].trim(), key).not.toBe('');
    }
  });

  it('write zh-TW in Traditional characters and ja politely', () => {
    const simplifiedOnly = /[们这发关闭单话网络线页输选择订条]/;
    for (const [key, text] of Object.entries(zhTW)) expect(text, key).not.toMatch(simplifiedOnly);
    expect(zhTW.title).toBe('線上客服');
    // Sentences end in です / ます (or a polite request), never the plain form.
    for (const key of ['queuePosition', 'estimatedWait', 'nextOpening', 'nobodyOnline'] as const) {
      expect(ja[key], key).toMatch(/(です|ます|ください)[。！？]?$/);
    }
  });

  it('fill a custom locale from the built-in one of its language, then apply overrides', () => {
    const messages = resolveMessages('zh-TW', { 'zh-TW': { title: '線上客服' } }, { send: '送出' });
    expect(messages.title).toBe('線上客服');
    expect(messages.send).toBe('送出');
    expect(messages.openChat).toBe(zhCN.openChat);
    expect(resolveMessages('fr', { fr: { title: 'Service client' } }).openChat).toBe(en.openChat);
  });

  it('fill placeholders and leave unknown ones', () => {
    const t = createTranslate(en);
    expect(t('queuePosition', { position: 3 })).toBe('You are number 3 in the queue.');
    expect(t('typing')).toBe('{name} is typing…');
  });
});

describe('format', () => {
  it('rounds waits up to whole minutes, hours past 90 minutes', () => {
    expect(formatDuration(150_000, 'en')).toBe('3 minutes');
    expect(formatDuration(1_000, 'en')).toBe('1 minute');
    expect(formatDuration(3 * 3_600_000, 'en')).toBe('3 hours');
    expect(formatDuration(120_000, 'zh-CN')).toBe('2分钟');
  });

  it('writes minor units as money', () => {
    expect(formatMoney(2_000, 'CNY', 'zh-CN')).toBe('¥20.00');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
  });
});
