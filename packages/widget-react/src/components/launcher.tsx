import { forwardRef } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';

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
          <path d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z" />
        ) : (
          <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-4.3 3.4A1 1 0 0 1 3 20.6V6a2 2 0 0 1 1-2zm3 6a1.3 1.3 0 1 0 0 2.6A1.3 1.3 0 0 0 7 10zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z" />
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
