import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * "Agent is typing…" while someone else types; an empty line of the same height otherwise, so the
 * layout does not jump.
 *
 * @example
 * <TypingIndicator typing={view.typing} />
 */
export function TypingIndicator({ typing, name }: { typing: readonly string[]; name?: string }) {
  const { t } = useWidgetI18n();
  return (
    <p className="kefu-typing">
      {typing.length > 0 ? t('typing', { name: name ?? t('agent') }) : null}
    </p>
  );
}
