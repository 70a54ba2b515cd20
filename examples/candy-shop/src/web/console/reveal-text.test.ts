import { describe, expect, it } from 'vitest';
import { revealErrorText, revealLabel } from './reveal-text';

describe('reveal texts', () => {
  it('names the masked value in the button', () => {
    expect(revealLabel('139****5678')).toBe('Reveal 139****5678');
  });

  it('says why a reveal was refused, in both languages', () => {
    expect(revealErrorText('FORBIDDEN')).toBe('无权查看 Not allowed');
    expect(revealErrorText('NOT_FOUND')).toBe('原值已不存在 No longer there');
    expect(revealErrorText(null, 'socket closed')).toBe('显示失败 Reveal failed: socket closed');
  });
});
