import type { ClientMessage, ConversationView } from '@kefu/client';
import { useMemo, useState } from 'react';
import { useSessionId } from './use-session-id';

/**
 * Messages from the other side that arrived after the conversation was first shown.
 *
 * @example
 * const incoming: IncomingMessages = useIncomingMessages(view);
 * if (incoming.latest) announce(incoming.latest.text);
 */
export interface IncomingMessages {
  /** Oldest first. */
  fresh: readonly ClientMessage[];
  /** The newest of them, for an announcement. */
  latest: ClientMessage | null;
  /** The highest seq from the other side so far. */
  lastSeq: number;
}

/**
 * Messages from others that are new: what the history already held when it was first loaded
 * (e.g. after a reload) does not count.
 *
 * @example
 * const { latest, fresh } = useIncomingMessages(view);
 * const unread = fresh.filter((message) => (message.seq ?? 0) > readSeq).length;
 */
export function useIncomingMessages(view: ConversationView | null): IncomingMessages {
  const sessionId = useSessionId();
  const [baseline, setBaseline] = useState<{ id: string; seq: number } | null>(null);
  const incoming = useMemo(
    () =>
      (view?.messages ?? []).filter(
        (message) =>
          message.seq !== null &&
          message.author !== null &&
          message.author.id !== sessionId &&
          !message.internal,
      ),
    [view?.messages, sessionId],
  );
  const lastSeq = incoming[incoming.length - 1]?.seq ?? 0;
  // The backlog is in once the conversation frame came and every seq up to its lastSeq is here.
  const loaded =
    view !== null && view.conversation !== null && view.syncedSeq >= view.conversation.lastSeq;
  const viewId = view?.id ?? null;
  if (viewId && loaded && baseline?.id !== viewId) setBaseline({ id: viewId, seq: lastSeq });
  const from = baseline?.id === viewId ? baseline.seq : Number.POSITIVE_INFINITY;
  const fresh = useMemo(
    () => incoming.filter((message) => (message.seq ?? 0) > from),
    [incoming, from],
  );
  return { fresh, latest: fresh[fresh.length - 1] ?? null, lastSeq };
}
