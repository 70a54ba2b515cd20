import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutAction, stepThrough } from './shortcuts';

const key = (code: string, changes: Partial<Parameters<typeof shortcutAction>[0]> = {}) => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...changes,
});

describe('console shortcuts', () => {
  it('maps Alt+arrows, Alt+C and Alt+R, and nothing else', () => {
    expect(
      ['ArrowDown', 'ArrowUp', 'KeyC', 'KeyR'].map((code) => shortcutAction(key(code))),
    ).toEqual(['next', 'previous', 'claim', 'reply']);
    expect(shortcutAction(key('KeyC', { altKey: false }))).toBeNull();
    expect(shortcutAction(key('KeyC', { ctrlKey: true }))).toBeNull();
    expect(shortcutAction(key('ArrowDown', { shiftKey: true }))).toBeNull();
    expect(shortcutAction(key('KeyX'))).toBeNull();
  });

  it('documents every action it handles', () => {
    const documented = SHORTCUTS.flatMap((shortcut) => (shortcut.action ? [shortcut.action] : []));
    expect(documented.sort()).toEqual(['claim', 'next', 'previous', 'reply']);
  });

  it('steps through the inbox, clamped at both ends, from the first when none is selected', () => {
    const order = ['con_a', 'con_b', 'con_c'];
    expect(stepThrough(order, 'con_b', 1)).toBe('con_c');
    expect(stepThrough(order, 'con_c', 1)).toBe('con_c');
    expect(stepThrough(order, 'con_a', -1)).toBe('con_a');
    expect(stepThrough(order, null, 1)).toBe('con_a');
    expect(stepThrough(order, 'con_gone', -1)).toBe('con_a');
    expect(stepThrough([], null, 1)).toBeNull();
  });
});
