import type { ConversationView } from '@kefu/client';
import type { AgentClientSnapshot } from '@kefu/client/agent';
import { useConnectionStatus, type WireConversation } from '@kefu/widget-react';
import { useCallback, useEffect, useMemo } from 'react';
import { useAgentClient } from './use-agent-client';
import { useAgentSelector } from './use-agent-selector';

/**
 * An agent's inbox: queued conversations and those assigned to them, live.
 *
 * @example
 * const inbox: Inbox = useInbox();
 * const count = inbox.conversations?.length ?? 0;
 */
export interface Inbox {
  /** `null` until the inbox was first loaded. */
  conversations: readonly ConversationView[] | null;
  /** Takes the first queued conversation this agent qualifies for (抢单); `null` when none. */
  claimNext(): Promise<WireConversation | null>;
}

const selectInbox = (snapshot: AgentClientSnapshot) => snapshot.inbox;
const selectConversations = (snapshot: AgentClientSnapshot) => snapshot.conversations;

/**
 * The signed-in agent's inbox, loaded when the connection opens and kept live.
 *
 * @example
 * const { conversations, claimNext } = useInbox();
 * conversations?.map((view) => <InboxRow key={view.id} view={view} />);
 */
export function useInbox(): Inbox {
  const client = useAgentClient();
  const connection = useConnectionStatus();
  useEffect(() => {
    if (connection === 'open') client.listConversations().catch(() => {});
  }, [client, connection]);
  const ids = useAgentSelector(selectInbox);
  const views = useAgentSelector(selectConversations);
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
