import { enGreeting } from '../i18n/en-parts';
import { withPartI18n } from '../i18n/part-translate';
import type { Translate } from '../i18n/translate';
import { zhCNGreeting } from '../i18n/zh-cn-parts';
import { greetingCss } from '../theme/parts-css';
import { usePartCss } from '../theme/use-part-css';

/**
 * A greeting beside the launcher: its text, and after how long it appears (default 3 s).
 *
 * @example
 * ```tsx
 * <ChatWidget greeting={{ text: '有问题随时问我们哦 😊', delayMs: 5_000 }} />
 * ```
 */
export type LauncherGreetingOption = string | { text: string; delayMs?: number };

/** What the greeting part is given by `LauncherGreeting` (lazy-parts.tsx), once its delay passed. */
export interface GreetingPartProps {
  text: string;
  t: Translate;
  /** Opens the panel (clicking the greeting's text). */
  onOpen(): void;
  /** Hides it for the rest of the tab's session. */
  onDismiss(): void;
}

/**
 * A short greeting bubble over the launcher ("有什么可以帮您？"), shown after a delay while the panel
 * is closed. Clicking it opens the chat; its close button hides it for the rest of the tab's
 * session. Not announced to screen readers: it repeats what the launcher offers.
 */
function GreetingPartView({ text, t, onOpen, onDismiss }: GreetingPartProps) {
  usePartCss('greeting', greetingCss);
  return (
    <div className="kefu-greeting">
      <button type="button" className="kefu-greeting-text" onClick={onOpen}>
        {text}
      </button>
      <button
        type="button"
        className="kefu-icon-button"
        aria-label={t('dismiss')}
        onClick={onDismiss}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

/** `GreetingPartView` with its strings (i18n/part-translate.tsx). */
export const GreetingPart = withPartI18n(GreetingPartView, {
  en: enGreeting,
  'zh-CN': zhCNGreeting,
});
