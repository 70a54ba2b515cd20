import { describe, expect, it } from 'vitest';
import { resolveMessages } from './dictionaries';
import { en } from './en';
import { formatDuration, formatMoney } from './format';
import { pickLocale } from './pick-locale';
import { createTranslate } from './translate';
import { zhCN } from './zh-cn';

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
});

describe('dictionaries', () => {
  it('have the same keys in every built-in locale', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
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
