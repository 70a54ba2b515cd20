import { StartIncidentSchema } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TEMPLATES, startInput } from './incident-form';

describe('console incident switch: the start input', () => {
  it('builds what incidents.start takes, from every mode template', () => {
    for (const mode of ['normal', 'bot-only', 'leave-message'] as const) {
      const built = startInput({
        mode,
        zh: MESSAGE_TEMPLATES[mode]['zh-CN'],
        en: ` ${MESSAGE_TEMPLATES[mode].en} `,
        reason: '',
      });
      if (!('input' in built)) throw new Error(built.error);
      expect(built.input).toEqual({ mode, message: { ...MESSAGE_TEMPLATES[mode] } });
      expect(StartIncidentSchema.safeParse(built.input).success).toBe(true);
    }
    const withReason = startInput({
      mode: 'normal',
      zh: '忙',
      en: 'Busy',
      reason: ' 物流接口超时 ',
    });
    expect(withReason).toEqual({
      input: { mode: 'normal', message: { 'zh-CN': '忙', en: 'Busy' }, reason: '物流接口超时' },
    });
  });

  it('asks for both languages, and at most 500 characters each', () => {
    expect(startInput({ mode: 'normal', zh: '  ', en: 'Busy', reason: '' })).toEqual({
      error: expect.stringContaining('both languages'),
    });
    expect(startInput({ mode: 'normal', zh: '忙', en: '', reason: '' })).toHaveProperty('error');
    expect(startInput({ mode: 'normal', zh: '忙'.repeat(501), en: 'Busy', reason: '' })).toEqual({
      error: expect.stringContaining('500'),
    });
  });
});
