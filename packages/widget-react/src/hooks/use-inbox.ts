import type { ConversationView } from '@kefu/client';
import { useCallback, useEffect, useMemo } from 'react';
import type { WireConversation } from '../client-types';
import { useConnectionStatus } from './use-connection-status';
import { useKefuClient } from './use-kefu-client';
import { useKefuSelector } from './use-kefu-selector';

/** An agent's inbox: queued conversations and those assigned to them, live. */
export interface Inbox {
  /** `null` until the inbox was first loaded. */
  conversations: readonly ConversationView[] | null;
  /** Takes the first queued conversation this agent qualifies for (抢单); `null` when none. */
  claimNext(): Promise<WireConversation | null>;
}

const selectInbox = (snapshot: {
  inbox: readonly string[] | null;
  conversations: Readonly<Record<string, ConversationView>>;
}) => snapshot.inbox;
const selectConversations = (snapshot: {
  conversations: Readonly<Record<string, ConversationView>>;
}) => snapshot.conversations;

/**
 * The signed-in agent's inbox, loaded when the connection opens and kept live.
 *
 * @example
 * const { conversations, claimNext } = useInbox();
 * conversations?.map((view) => <InboxRow key={view.id} view={view} />);
 */
export function useInbox(): Inbox {
  const client = useKefuClient();
  const connection = useConnectionStatus();
  useEffect(() => {
    if (connection === 'open') client.listConversations().catch(() => {});
  }, [client, connection]);
  const ids = useKefuSelector(selectInbox);
  const views = useKefuSelector(selectConversations);
  const conversations = useMemo(
    () =>
      ids
        ? ids.flatMap((id) => {
            const view = views[id];
            return view ? [view] : [];
          })
        : null,
    [ids, views],
  );
  const claimNext = useCallback(() => client.claimNext(), [client]);
  return { conversations, claimNext };
}
