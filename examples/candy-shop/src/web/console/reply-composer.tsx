import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { cannedReplies } from './canned-replies';

/**
 * The agent's composer: a reply to the customer, or an internal note; `/shortcut` + Tab (or the
 * list) inserts a canned reply filled from the conversation's customer and order.
 */
export function ReplyComposer({
  disabled,
  values,
  draft,
  onSend,
  onTyping,
}: {
  disabled: boolean;
  /** Text to put in the composer (e.g. a suggested article); a new `nonce` puts it again. */
  draft: { text: string; nonce: number } | null;
  /** Variables for canned replies: `customer`, `order`, `agent`. */
  values: Record<string, unknown>;
  onSend(text: string, internal: boolean): void;
  onTyping(typing: boolean): void;
}) {
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  useEffect(() => {
    if (draft) setText(draft.text);
  }, [draft]);

  const insert = (shortcut: string) => {
    const rendered = cannedReplies.render(shortcut, values);
    if (rendered !== null) setText(rendered);
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed, internal);
    setText('');
    onTyping(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Tab' && /^\/\S+$/.test(text) && cannedReplies.find(text)) {
      event.preventDefault();
      insert(text);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className={`composer${internal ? ' composer-internal' : ''}`} onSubmit={submit}>
      <fieldset className="canned">
        <legend>快捷回复 Quick replies</legend>
        {cannedReplies.list().map((reply) => (
          <button
            key={reply.shortcut}
            type="button"
            className="chip"
            title={`/${reply.shortcut}`}
            onClick={() => insert(reply.shortcut)}
            disabled={disabled}
          >
            {reply.title}
          </button>
        ))}
      </fieldset>
      <textarea
        aria-label={internal ? 'Internal note' : 'Reply'}
        placeholder={
          internal ? '内部备注，顾客看不到 Internal note' : '回复顾客 Reply… (/ship + Tab)'
        }
        value={text}
        rows={3}
        disabled={disabled}
        onChange={(event) => {
          setText(event.target.value);
          onTyping(event.target.value.length > 0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="composer-actions">
        <label>
          <input
            type="checkbox"
            checked={internal}
            onChange={(event) => setInternal(event.target.checked)}
          />{' '}
          内部备注 Internal note
        </label>
        <button type="submit" disabled={disabled || !text.trim()}>
          {internal ? '添加备注 Add note' : '发送 Send'}
        </button>
      </div>
    </form>
  );
}
