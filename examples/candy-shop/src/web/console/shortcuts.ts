/** What a console shortcut does. */
export type ShortcutAction = 'next' | 'previous' | 'claim' | 'reply';

export interface Shortcut {
  keys: string;
  description: string;
  /** Handled by the console's own listener; the others are the composer's own keys. */
  action?: ShortcutAction;
}

/**
 * Every keyboard shortcut of the console, as the help lists them. Alt combinations do not clash
 * with typing (Chinese input methods included), so they work from the reply box too.
 *
 * @example
 * SHORTCUTS.map((shortcut) => `${shortcut.keys}: ${shortcut.description}`);
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Alt+↓', description: '下一个会话 Next conversation', action: 'next' },
  { keys: 'Alt+↑', description: '上一个会话 Previous conversation', action: 'previous' },
  { keys: 'Alt+C', description: '抢单 Claim the next queued conversation', action: 'claim' },
  { keys: 'Alt+R', description: '回到回复框 Focus the reply box', action: 'reply' },
  { keys: 'Enter', description: '发送 Send' },
  { keys: 'Shift+Enter', description: '换行 New line' },
  { keys: '/ship + Tab', description: '插入快捷回复 Insert a canned reply by its shortcut' },
];

/**
 * The console action a key press asks for, if any (Alt with an arrow, C or R; `code` so that a
 * keyboard layout or macOS's Option characters do not change it).
 *
 * @example
 * addEventListener('keydown', (event) => shortcutAction(event) === 'next' && selectNext());
 */
export function shortcutAction(event: {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  code: string;
}): ShortcutAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  switch (event.code) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'KeyC':
      return 'claim';
    case 'KeyR':
      return 'reply';
    default:
      return null;
  }
}

/**
 * The conversation `step` places away from `current` in `order`, clamped at both ends; the first
 * one when nothing is selected.
 *
 * @example
 * stepThrough(['a', 'b', 'c'], 'b', 1); // 'c'
 */
export function stepThrough(
  order: readonly string[],
  current: string | null,
  step: 1 | -1,
): string | null {
  if (order.length === 0) return null;
  const index = current === null ? -1 : order.indexOf(current);
  if (index === -1) return order[0] ?? null;
  return order[Math.min(order.length - 1, Math.max(0, index + step))] ?? null;
}
