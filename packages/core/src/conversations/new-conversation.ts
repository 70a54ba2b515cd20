import type { Channel, Priority } from '../vocabulary/channels-and-priorities';
import type { Conversation } from './conversation';

export interface NewConversationFields {
  id: string;
  customerId: string;
  clientId: string | null;
  channel: Channel;
  topic: string | null;
  priority: Priority;
  tags: string[];
  skills: string[];
  team: string | null;
  leftMessage: boolean;
  status: 'bot' | 'queued';
  /** The instant it starts. */
  at: number;
}

/** The first snapshot of a conversation: version 1, nothing happened yet but its start. */
export function newConversation(fields: NewConversationFields): Conversation {
  const { at, ...rest } = fields;
  return {
    ...rest,
    assigneeId: null,
    overflowedAt: null,
    sla: null,
    survey: null,
    botMisses: 0,
    lastSeq: 0,
    reopenCount: 0,
    transferCount: 0,
    createdAt: at,
    updatedAt: at,
    queuedAt: fields.status === 'queued' ? at : null,
    assignedAt: null,
    firstResponseAt: null,
    lastCustomerMessageAt: null,
    lastAgentMessageAt: null,
    pendingSince: null,
    resolvedAt: null,
    reopenUntil: null,
    closedAt: null,
    closeReason: null,
    abandonedAt: null,
    version: 1,
    schemaVersion: 1,
  };
}
