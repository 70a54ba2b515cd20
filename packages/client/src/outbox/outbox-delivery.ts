import { nanoid } from 'nanoid';
import type { Outbox } from '../browser-storage';
import type { KefuClient } from '../client-types';
import type { Connection } from '../connection/connection';
import type { OutboxEntry } from '../conversations/conversation-state';
import type { Conversations } from '../conversations/conversations';
import type { RequestError, Requests } from '../requests/requests';

/** Sending what waits in the outbox, exactly once, until it is stored or refused. */
export interface OutboxDelivery {
  calls: Pick<KefuClient, 'send' | 'retry'>;
  /** Sends every entry still `sending` (restored from storage, or waiting out a rate limit). */
  flush(): void;
}

/**
 * Delivers `outbox` through `requests`: each entry is one idempotent `send` keyed by its client id,
 * tried again after a rate limit or an unavailable desk, and marked `failed` on any other refusal.
 */
export function createOutboxDelivery(
  outbox: Outbox,
  connection: Connection,
  requests: Requests,
  conversations: Conversations,
  emit: () => void,
): OutboxDelivery {
  const { stateOf } = conversations;

  const failEntry = (clientId: string, error: { code: string; message: string }) => {
    const entry = outbox.get(clientId);
    if (!entry) return;
    outbox.set(clientId, { ...entry, status: 'failed', error });
    stateOf(entry.conversationId).messagesChanged();
  };

  /** Sends an outbox entry, unless it is already on its way; settles it with the answer. */
  const sendOutboxEntry = (entry: OutboxEntry) => {
    const { clientId } = entry;
    const id = `s_${clientId}`;
    if (requests.has(id)) return;
    requests
      .request({
        type: 'send',
        id,
        conversationId: entry.conversationId,
        clientId,
        text: entry.text,
        attachments: entry.attachments,
        internal: entry.internal,
      })
      .then(
        (ack) => {
          if (ack.message) conversations.onStored(ack.message);
          emit();
        },
        (error: RequestError) => {
          // Closed (by the app, or for refused credentials): the entry waits in the outbox.
          if (connection.stopped()) return;
          if (error.code === 'RATE_LIMITED' || error.code === 'UNAVAILABLE') {
            // Not the message's fault: try again later, still exactly once thanks to the client id.
            setTimeout(() => {
              if (outbox.get(clientId)?.status === 'sending') sendOutboxEntry(entry);
            }, error.retryAfterMs ?? 1_000);
            return;
          }
          failEntry(clientId, { code: error.code, message: error.message });
          emit();
        },
      );
  };

  return {
    flush() {
      for (const entry of outbox.values()) if (entry.status === 'sending') sendOutboxEntry(entry);
    },
    calls: {
      send(conversationId, text, sendOptions = {}) {
        const clientId = nanoid(16);
        const entry: OutboxEntry = {
          clientId,
          conversationId,
          text,
          attachments: [...(sendOptions.attachments ?? [])],
          internal: sendOptions.internal ?? false,
          createdAt: Date.now(),
          status: 'sending',
          error: null,
        };
        outbox.set(clientId, entry);
        stateOf(conversationId).messagesChanged();
        sendOutboxEntry(entry);
        emit();
        return clientId;
      },
      retry(clientId) {
        const entry = outbox.get(clientId);
        if (entry?.status !== 'failed') return;
        const again: OutboxEntry = { ...entry, status: 'sending', error: null };
        outbox.set(clientId, again);
        stateOf(entry.conversationId).messagesChanged();
        sendOutboxEntry(again);
        emit();
      },
    },
  };
}
