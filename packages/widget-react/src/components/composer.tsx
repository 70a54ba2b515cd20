import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';
import type { Translate } from '../i18n/translate';

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
  /**
   * Files the customer picked with the attach button or pasted into the field; without it there
   * is no attach button.
   */
  onFiles?(files: File[]): void;
}

/** The attach button: a hidden file input behind a labelled button. */
function AttachButton({ onFiles, t }: { onFiles(files: File[]): void; t: Translate }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <button
        type="button"
        className="kefu-icon-button kefu-attach"
        aria-label={t('attach')}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M16.5 6.5 8.6 14.4a2 2 0 0 0 2.8 2.8l7.8-7.8a4 4 0 0 0-5.6-5.6L5.7 11.7a6 6 0 0 0 8.5 8.5l6.3-6.3" />
        </svg>
      </button>
    </>
  );
}

/**
 * The message field: Enter sends, Shift+Enter breaks the line (and Enter while an input method is
 * composing Chinese text only confirms the characters).
 *
 * @example
 * <Composer onSend={(text) => client.send(conversationId, text)} />
 */
export function Composer({
  onSend,
  onTyping,
  placeholder,
  disabled = false,
  onFiles,
}: ComposerProps) {
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
      {onFiles ? <AttachButton onFiles={onFiles} t={t} /> : null}
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
        onPaste={(event) => {
          // A screenshot or a copied photo: upload it rather than paste nothing.
          const files = [...event.clipboardData.files];
          if (!onFiles || files.length === 0) return;
          event.preventDefault();
          onFiles(files);
        }}
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
