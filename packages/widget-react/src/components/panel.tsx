import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Props of `Panel`, the widget's dialog frame.
 *
 * @example
 * <Panel id="kefu-panel" title="在线客服" onClose={() => setOpen(false)}>
 *   <MessageList conversationId={conversationId} />
 * </Panel>
 */
export interface PanelProps {
  id?: string;
  /** Called for the close button and for Escape. */
  onClose?(): void;
  /** Heading text; defaults to the dictionary's title. */
  title?: ReactNode;
  /** Extra buttons in the header, before the close button. */
  headerActions?: ReactNode;
  /** Part of the page layout instead of floating over it (no launcher, no full screen). */
  inline?: boolean;
  children?: ReactNode;
}

/**
 * The chat window: a labelled dialog with a header. Focus moves into it when it mounts (to the
 * composer if there is one, else to the dialog, so Tab starts at its top); Escape closes it.
 *
 * @example
 * {open && (
 *   <Panel onClose={() => setOpen(false)}>
 *     <MessageList conversationId={id} />
 *   </Panel>
 * )}
 */
export function Panel({ id, onClose, title, headerActions, inline = false, children }: PanelProps) {
  const { t } = useWidgetI18n();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (inline) return;
    const panel = ref.current;
    if (!panel || panel.contains(document.activeElement)) return;
    // The text field when there is one (the composer, the pre-chat form), else the dialog itself.
    (
      panel.querySelector<HTMLElement>('.kefu-body textarea, .kefu-body input:not([type=file])') ??
      panel
    ).focus();
  }, [inline]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && onClose) {
      event.stopPropagation();
      onClose();
    }
  };

  const content = (
    <>
      <header className="kefu-header">
        <h2 id={headingId}>{title ?? t('title')}</h2>
        {headerActions}
        {onClose && !inline ? (
          <button
            type="button"
            className="kefu-icon-button"
            aria-label={t('closeChat')}
            onClick={onClose}
          >
            <span aria-hidden="true">✕</span>
          </button>
        ) : null}
      </header>
      <div className="kefu-body">{children}</div>
    </>
  );

  if (inline) {
    return (
      <section id={id} aria-labelledby={headingId} className="kefu-panel kefu-panel--inline">
        {content}
      </section>
    );
  }
  return (
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      className="kefu-panel"
      onKeyDown={onKeyDown}
    >
      {content}
    </div>
  );
}
