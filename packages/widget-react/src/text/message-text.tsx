import { useMemo } from 'react';
import { linkify } from './linkify';
import { SAFE_LINK_REL } from './safe-link';

/**
 * Message text as React text nodes, with safe URLs as links. Never HTML: whatever the text holds
 * (`<img onerror=…>`, `<script>`) is shown as the characters it is.
 *
 * @example
 * <MessageText text={message.text} />
 */
export function MessageText({ text }: { text: string }) {
  const tokens = useMemo(() => linkify(text), [text]);
  return (
    <>
      {tokens.map((token, index) =>
        token.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens of one text never reorder
          <a key={index} href={token.href} target="_blank" rel={SAFE_LINK_REL}>
            {token.text}
          </a>
        ) : (
          token.text
        ),
      )}
    </>
  );
}
