import type { ClientMessage } from '@kefu/client';
import { MessageText } from '@kefu/widget-react';
import { useEffect, useRef } from 'react';
import { formatShanghai } from '../shared/format';
import { MaskedText } from './masked-text';

const WHO: Record<string, string> = {
  customer: '顾客',
  agent: '客服',
  bot: '机器人 Bot',
  system: '系统',
};

/**
 * The conversation's messages, internal notes (内部备注) marked; text only, never HTML, with web and
 * mail addresses as links that open in a new tab without access to the console. Masked personal
 * data (`message.masked`) gets a reveal button (the audited `privacy.reveal` with the span).
 */
export function MessageThread({
  messages,
  agentNames,
}: {
  messages: readonly ClientMessage[];
  agentNames: ReadonlyMap<string, string>;
}) {
  const end = useRef<HTMLLIElement>(null);
  const last = messages.at(-1)?.key;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a message arrives
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [last]);
  return (
    <ol className="thread" aria-label="Messages" aria-live="polite">
      {messages.map((message) => {
        const kind = message.author?.kind ?? 'agent';
        const name =
          kind === 'agent' && message.author
            ? (agentNames.get(message.author.id) ?? message.author.id)
            : WHO[kind];
        return (
          <li
            key={message.key}
            className={`bubble bubble-${kind}${message.internal ? ' bubble-internal' : ''}${message.whisper ? ' bubble-whisper' : ''}`}
            data-status={message.status}
          >
            <span className="bubble-meta">
              {message.whisper
                ? '📣 主管耳语 Supervisor whisper · '
                : message.internal
                  ? '🔒 内部备注 Internal note · '
                  : ''}
              {name} · {formatShanghai(message.createdAt, false)}
              {message.status === 'failed' ? ` · ⚠ ${message.error?.message ?? 'failed'}` : ''}
            </span>
            <span className="bubble-text">
              {/* Text nodes and safe links only (http, https, mailto), never HTML. */}
              <MaskedText
                text={message.text}
                spans={message.masked}
                target={
                  message.seq === null
                    ? null
                    : { conversationId: message.conversationId, seq: message.seq }
                }
                plain={(text) => <MessageText text={text} />}
              />
            </span>
          </li>
        );
      })}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
