import { useEffect, useState } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';
import { recall, remember } from '../memory/widget-memory';

/**
 * A greeting beside the launcher: its text, and after how long it appears (default 3 s).
 *
 * @example
 * ```tsx
 * <ChatWidget greeting={{ text: '有问题随时问我们哦 😊', delayMs: 5_000 }} />
 * ```
 */
export type LauncherGreetingOption = string | { text: string; delayMs?: number };

export interface LauncherGreetingProps {
  greeting: LauncherGreetingOption;
  /** Opens the panel (clicking the greeting's text). */
  onOpen(): void;
}

/**
 * A short greeting bubble over the launcher ("有什么可以帮您？"), shown after a delay while the panel
 * is closed. Clicking it opens the chat; its close button hides it for the rest of the tab's
 * session. Not announced to screen readers: it repeats what the launcher offers.
 *
 * @example
 * {!open && <LauncherGreeting greeting={{ text: '新品巧克力上架啦，有问题随时问我！', delayMs: 5000 }} onOpen={() => setOpen(true)} />}
 */
export function LauncherGreeting({ greeting, onOpen }: LauncherGreetingProps) {
  const { t } = useWidgetI18n();
  const { text, delayMs = 3_000 } = typeof greeting === 'string' ? { text: greeting } : greeting;
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (recall('g')) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);

  if (!shown) return null;
  return (
    <div className="kefu-greeting">
      <button type="button" className="kefu-greeting-text" onClick={onOpen}>
        {text}
      </button>
      <button
        type="button"
        className="kefu-icon-button"
        aria-label={t('dismiss')}
        onClick={() => {
          remember('g', true);
          setShown(false);
        }}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
