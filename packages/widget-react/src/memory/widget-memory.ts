/** The tab's sessionStorage key where the widget remembers what the customer left open. */
export const WIDGET_MEMORY_KEY = 'kefu-widget';

/** What the widget remembers in the tab: `o` open, `t` tickets shown, `g` greeting dismissed. */
export type WidgetMemoryFlag = 'o' | 't' | 'g';

// Storage can be missing (server rendering) or throw (blocked cookies, Safari's private mode):
// then the widget simply remembers nothing.
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Reads one remembered flag for this tab (false when storage is unavailable).
 *
 * @example
 * if (recall('o')) setOpen(true); // the customer left the panel open before the reload
 */
export function recall(flag: WidgetMemoryFlag): boolean {
  try {
    return storage()?.getItem(WIDGET_MEMORY_KEY)?.includes(flag) ?? false;
  } catch {
    return false;
  }
}

/**
 * Sets or clears one remembered flag for this tab; does nothing when storage is unavailable.
 *
 * @example
 * remember('o', open);
 */
export function remember(flag: WidgetMemoryFlag, on: boolean): void {
  try {
    const store = storage();
    if (!store) return;
    const flags = (store.getItem(WIDGET_MEMORY_KEY) ?? '').replace(flag, '');
    store.setItem(WIDGET_MEMORY_KEY, on ? flags + flag : flags);
  } catch {
    // Full or blocked storage: nothing to remember.
  }
}
