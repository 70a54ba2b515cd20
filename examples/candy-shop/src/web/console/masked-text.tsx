import { Fragment, type ReactNode } from 'react';
import { type MaskedSpanRef, maskedSegments } from './masked-segments';
import { MaskedValue } from './masked-value';
import type { RevealTarget } from './use-reveal';

/**
 * A text an agent reads masked (a message, a topic, a profile field): the plain pieces as they are
 * (or through `plain`, e.g. the widget's `MessageText` for safe links), each masked value with its
 * reveal button. Without a target (an unsent message) the masked values stay as they are.
 *
 * @example
 * <MaskedText text={conversation.topic} spans={fieldSpans(conversation.masked, 'topic')}
 *   target={{ conversationId: conversation.id, path: 'topic' }} />
 */
export function MaskedText({
  text,
  spans,
  target,
  plain = (piece) => piece,
}: {
  text: string;
  spans: readonly MaskedSpanRef[] | undefined;
  target: RevealTarget | null;
  plain?: (text: string) => ReactNode;
}) {
  const segments = maskedSegments(text, target ? spans : undefined);
  const targetKey = JSON.stringify(target);
  return (
    <>
      {segments.map((segment, position) =>
        segment.kind === 'plain' || !target ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
          <Fragment key={position}>{plain(segment.text)}</Fragment>
        ) : (
          <MaskedValue
            key={`${targetKey}:${segment.span}:${segment.text}`}
            masked={segment.text}
            target={target}
            span={segment.span}
          />
        ),
      )}
    </>
  );
}
