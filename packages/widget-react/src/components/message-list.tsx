import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useConversation } from '../hooks/use-conversation';
import { useKefuClient } from '../hooks/use-kefu-client';
import { useSessionId } from '../hooks/use-session-id';
import { useWidgetI18n } from '../i18n/i18n-context';
import { MessageItem } from './message-item';

/**
 * Props of `MessageList`.
 *
 * @example
 * <MessageList conversationId={conversationId} pageSize={50} emptyText="有什么可以帮您？" />
 */
export interface MessageListProps {
  conversationId: string | null;
  /**
   * How many messages are rendered at first and added per "show earlier" (default 50). Long
   * histories stay cheap: older messages are not in the DOM until asked for.
   */
  pageSize?: number;
  /** Shown while the conversation has no messages. */
  emptyText?: string;
}

/** Near enough to the bottom that a new message should scroll into view. */
const STICKY_PX = 80;

/** Lists whose next scroll event comes from `scrollToEnd`, not from the reader. */
const scrolledByUs = new WeakSet<Element>();

function scrollToEnd(list: HTMLElement): void {
  const end = list.scrollHeight - list.clientHeight;
  if (Math.abs(list.scrollTop - end) < 1) return;
  scrolledByUs.add(list);
  list.scrollTop = end;
}

/**
 * The conversation's messages, oldest first, scrolled to the newest, also when the list gets
 * smaller. Keeps the reader's place when they scrolled up, and when earlier messages are added
 * above.
 *
 * @example
 * <MessageList conversationId={conversationId} pageSize={30} />
 */
export function MessageList({ conversationId, pageSize = 50, emptyText }: MessageListProps) {
  const { t } = useWidgetI18n();
  const client = useKefuClient();
  const view = useConversation(conversationId);
  const sessionId = useSessionId();
  const [shown, setShown] = useState(pageSize);
  const listRef = useRef<HTMLOListElement>(null);
  const stuckToBottom = useRef(true);
  const heightBeforeEarlier = useRef<number | null>(null);

  const messages = view?.messages ?? [];
  const visible = useMemo(
    () => (messages.length > shown ? messages.slice(messages.length - shown) : messages),
    [messages, shown],
  );
  const hidden = messages.length - visible.length;
  const last = messages[messages.length - 1];

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest message changes
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    if (heightBeforeEarlier.current !== null) {
      list.scrollTop += list.scrollHeight - heightBeforeEarlier.current;
      heightBeforeEarlier.current = null;
      return;
    }
    if (!stuckToBottom.current && last?.author !== null) return;
    stuckToBottom.current = true;
    scrollToEnd(list);
  }, [last?.key, last?.status, visible.length]);

  // The list shrinks when a notice or the survey appears below it: keep the newest in view.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => stuckToBottom.current && scrollToEnd(list));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const today = new Date().toDateString();
  return (
    <ol
      ref={listRef}
      className="kefu-messages"
      aria-label={t('messagesLabel')}
      // A scrollable region must be reachable by keyboard.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: scrolling the history by keyboard
      tabIndex={0}
      onScroll={(event) => {
        // Our own scrolling says nothing about where the reader wants to be.
        if (scrolledByUs.has(event.currentTarget)) {
          scrolledByUs.delete(event.currentTarget);
          return;
        }
        const list = event.currentTarget;
        stuckToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < STICKY_PX;
      }}
    >
      {hidden > 0 ? (
        <li className="kefu-earlier-row" style={{ display: 'contents' }}>
          <button
            type="button"
            className="kefu-earlier"
            onClick={() => {
              heightBeforeEarlier.current = listRef.current?.scrollHeight ?? null;
              setShown((count) => count + pageSize);
            }}
          >
            {t('earlierMessages')}
          </button>
        </li>
      ) : null}
      {messages.length === 0 && emptyText ? (
        <li className="kefu-message kefu-message--system">{emptyText}</li>
      ) : null}
      {visible.map((message) => {
        const own = message.author === null || message.author.id === sessionId;
        return (
          <MessageItem
            key={message.key}
            message={message}
            own={own}
            // Only your own messages show "read": the others need not re-render when it moves.
            peerReadSeq={own ? (view?.peerReadSeq ?? 0) : 0}
            onRetry={client.retry}
            today={today}
          />
        );
      })}
    </ol>
  );
}
