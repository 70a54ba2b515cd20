import { type FormEvent, useId, useState } from 'react';
import { useWidgetI18n } from '../i18n/i18n-context';

/**
 * Props of `PreChatForm`, which asks the topic and first message.
 *
 * @example
 * <PreChatForm topics={['订单查询', '售后', '支付']} onStart={({ topic, text }) => start({ topic, text })} />
 */
export interface PreChatFormProps {
  /** Choices for "what is it about?" (e.g. 订单查询, 售后, 支付); none hides the question. */
  topics?: readonly string[];
  onStart(input: { topic?: string; text: string }): void | Promise<void>;
}

/**
 * Asks for the topic and the first question before a conversation starts, so routing can pick
 * the right team.
 *
 * @example
 * <PreChatForm topics={['订单查询', '售后服务']} onStart={(input) => start(input)} />
 */
export function PreChatForm({ topics = [], onStart }: PreChatFormProps) {
  const { t } = useWidgetI18n();
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const topicId = useId();
  const questionId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const question = text.trim();
    if (!question || busy) return;
    setBusy(true);
    try {
      await onStart({ ...(topic ? { topic } : {}), text: question });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="kefu-form" onSubmit={onSubmit}>
      <h3>{t('preChatTitle')}</h3>
      {topics.length > 0 ? (
        <>
          <label htmlFor={topicId}>{t('preChatTopic')}</label>
          <select id={topicId} value={topic} onChange={(event) => setTopic(event.target.value)}>
            {topics.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <label htmlFor={questionId}>{t('preChatQuestion')}</label>
      <textarea
        id={questionId}
        rows={3}
        required
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="kefu-button" disabled={busy || text.trim() === ''}>
        {t('preChatStart')}
      </button>
    </form>
  );
}
