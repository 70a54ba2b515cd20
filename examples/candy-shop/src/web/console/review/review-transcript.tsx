import type { RuleFlag } from '@kefu/core';
import { MessageText } from '@kefu/widget-react';
import { useAgentConversation } from '@kefu/widget-react/agent';
import { formatShanghai } from '../../shared/format';
import { FLAG_LABELS, flagsBySeq } from './review-logic';

const WHO: Record<string, string> = {
  customer: '顾客',
  agent: '客服',
  bot: '机器人',
  system: '系统',
};

const flagText = (flag: RuleFlag) => `⚑ ${FLAG_LABELS[flag.kind]}: ${flag.detail}`;

/**
 * The reviewed conversation's transcript with the rule flags beside the messages they point at
 * (text only, never HTML); flags about the whole conversation come first.
 */
export function ReviewTranscript({
  conversationId,
  flags,
}: {
  conversationId: string;
  flags: readonly RuleFlag[];
}) {
  const { view } = useAgentConversation(conversationId);
  const bySeq = flagsBySeq(flags);
  const general = bySeq.get(null) ?? [];
  return (
    <section className="panel review-transcript" aria-label="Transcript">
      <h4>会话记录 Transcript</h4>
      {general.length > 0 ? (
        <ul className="review-flags">
          {general.map((flag) => (
            <li key={flag.kind + flag.detail}>{flagText(flag)}</li>
          ))}
        </ul>
      ) : null}
      {view ? (
        <ol className="thread">
          {view.messages.map((message) => {
            const kind = message.author?.kind ?? 'agent';
            const marked = message.seq === null ? [] : (bySeq.get(message.seq) ?? []);
            return (
              <li
                key={message.key}
                className={`bubble bubble-${kind}${marked.length > 0 ? ' bubble-flagged' : ''}`}
                data-seq={message.seq ?? undefined}
              >
                <span className="bubble-meta">
                  {message.internal ? '🔒 ' : ''}
                  {WHO[kind] ?? kind} · {formatShanghai(message.createdAt, false)}
                </span>
                <span className="bubble-text">
                  <MessageText text={message.text} />
                </span>
                {marked.map((flag) => (
                  <span key={flag.kind + flag.detail} className="review-flag" role="note">
                    {flagText(flag)}
                  </span>
                ))}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">加载中 Loading…</p>
      )}
    </section>
  );
}
