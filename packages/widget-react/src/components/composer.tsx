import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Props of `Composer`.
 *
 * @example
 * <Composer onSend={(text) => send(text)} onTyping={(typing) => setTyping(typing)} />
 */
export interface ComposerProps {
  /** Called with the trimmed text; the field clears at once (sends are optimistic). */
  onSend(text: string): void | Promise<void>;
  /** `true` when the customer starts typing, `false` when the field empties or the text is sent. */
  onTyping?(typing: boolean): void;
  placeholder?: string;
  disabled?: boolean;
}

/**
 * The message field: Enter sends, Shift+Enter breaks the line (and Enter while an input method is
 * composing Chinese text only confirms the characters).
 *
 * @example
 * <Composer onSend={(text) => client.send(conversationId, text)} />
 */
export function Composer({ onSend, onTyping, placeholder, disabled = false }: ComposerProps) {
  const { t } = useWidgetI18n();
  const [text, setText] = useState('');
  const typing = useRef(false);
  const fieldId = useId();
  const hintId = useId();

  const signalTyping = (next: boolean) => {
    if (typing.current === next) return;
    typing.current = next;
    onTyping?.(next);
  };

  const submit = () => {
    const message = text.trim();
    if (!message || disabled) return;
    setText('');
    signalTyping(false);
    void onSend(message);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  return (
    <form className="kefu-composer" onSubmit={onSubmit}>
      <label htmlFor={fieldId} className="kefu-sr-only">
        {t('composerLabel')}
      </label>
      <textarea
        id={fieldId}
        rows={1}
        value={text}
        placeholder={placeholder ?? t('composerPlaceholder')}
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          signalTyping(event.target.value.trim() !== '');
        }}
        onBlur={() => signalTyping(false)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="kefu-sr-only">
        {t('composerHint')}
      </span>
      <button type="submit" className="kefu-button" disabled={disabled || text.trim() === ''}>
        {t('send')}
      </button>
    </form>
  );
}
