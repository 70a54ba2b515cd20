import type { MaskedField } from '@kefu/core';
import { MaskedFieldText } from './masked-field-text';

/**
 * " · <topic>" of a conversation as agents get it (masked, `masked` listing the spans), each
 * masked value revealable with `{ conversationId, path: 'topic', span }`; nothing without a topic.
 *
 * @example
 * <MaskedTopic conversation={view.conversation} />
 */
export function MaskedTopic({
  conversation,
}: {
  conversation: { id: string; topic: string | null; masked?: readonly MaskedField[] };
}) {
  if (!conversation.topic) return null;
  return (
    <>
      {' · '}
      <MaskedFieldText
        record={{ conversationId: conversation.id }}
        masked={conversation.masked}
        path="topic"
        text={conversation.topic}
      />
    </>
  );
}
