import { forwardRef } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Props of `Launcher`, the button that opens and closes the panel.
 *
 * @example
 * <Launcher open={open} onToggle={() => setOpen(!open)} unread={2} controls="kefu-panel" />
 */
export interface LauncherProps {
  open: boolean;
  onToggle(): void;
  /** Messages that arrived while the panel was closed. */
  unread?: number;
  /** The id of the panel it opens. */
  controls?: string;
}

/**
 * The round button that opens and closes the chat panel, with an unread badge.
 *
 * @example
 * <Launcher open={open} onToggle={() => setOpen(!open)} unread={2} controls="kefu-panel" />
 */
export const Launcher = forwardRef<HTMLButtonElement, LauncherProps>(function Launcher(
  { open, onToggle, unread = 0, controls },
  ref,
) {
  const { t } = useWidgetI18n();
  const label = open ? t('closeChat') : t('openChat');
  return (
    <button
      ref={ref}
      type="button"
      className="kefu-launcher"
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      aria-label={unread > 0 && !open ? `${label}, ${t('unread', { count: unread })}` : label}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {open ? (
          <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth={2} />
        ) : (
          <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4V6a2 2 0 0 1 0-2z" />
        )}
      </svg>
      {unread > 0 && !open ? (
        <span className="kefu-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </button>
  );
});
