/** The title of a revealed value: the agent sees it was opened and that this was recorded. */
export const REVEALED_TITLE = '已显示 · 已记录审计 Revealed · audited';

/** The reveal button's accessible name, naming the value it opens ("Reveal 139****5678"). */
export const revealLabel = (masked: string) => `Reveal ${masked}`;

/**
 * A short note for a reveal the gateway refused, in both languages, by the error's code.
 *
 * @example
 * revealErrorText('FORBIDDEN'); // '无权查看 Not allowed'
 */
export function revealErrorText(code: string | null, message?: string): string {
  switch (code) {
    case 'FORBIDDEN':
    case 'UNAUTHORIZED':
      return '无权查看 Not allowed';
    case 'NOT_FOUND':
      return '原值已不存在 No longer there';
    case 'RATE_LIMITED':
      return '太频繁，请稍后 Too many, try later';
    default:
      return `显示失败 Reveal failed${message ? `: ${message}` : ''}`;
  }
}
