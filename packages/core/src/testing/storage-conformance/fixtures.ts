import type { Agent } from '../../agents/agent';
import type { Conversation } from '../../conversations/conversation';
import { newConversation } from '../../conversations/new-conversation';
import type { Customer } from '../../customers/customer';
import type { DomainEventDraft } from '../../events/domain-events';
import type { JobDraft } from '../../jobs/job';
import type { Message } from '../../messages/message';

/**
 * A Monday morning in Shanghai (09:00 +08:00) during the Double 11 sales.
 *
 * @example
 * ```ts
 * const conversation = makeConversation({ createdAt: FIXTURE_NOW });
 * ```
 */
export const FIXTURE_NOW = Date.UTC(2026, 10, 9, 1, 0);

let counter = 0;
const nextId = (prefix: string) => `${prefix}_${(++counter).toString(36).padStart(6, '0')}`;

/**
 * A valid customer record, with fields overridable.
 *
 * @example
 * const vip = makeCustomer({ tier: 'vip' });
 */
export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: nextId('cus'),
    name: '林小糖',
    contact: { email: 'lin@example.com' },
    tier: 'standard',
    locale: 'zh-CN',
    metadata: { lastOrder: 'SO-20261111-0042' },
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    version: 1,
    ...overrides,
  };
}

/**
 * A valid agent with a fresh id for conformance tests; override any field.
 *
 * @example
 * ```ts
 * const agent = makeAgent({ skills: ['after-sales'], capacity: 2 });
 * await storage.transaction((tx) => tx.agents.insert(agent));
 * ```
 */
export function makeAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: nextId('agt'),
    name: '王客服',
    skills: ['orders', 'zh'],
    teams: ['service'],
    capacity: 5,
    presence: 'online',
    metadata: {},
    load: 0,
    lastAssignedAt: null,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    version: 1,
    ...overrides,
  };
}

/**
 * A valid conversation with a fresh id for conformance tests; override any field.
 *
 * @example
 * ```ts
 * const conversation = makeConversation({ status: 'queued' });
 * await storage.transaction((tx) => tx.conversations.insert(conversation));
 * ```
 */
export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    ...newConversation({
      id: nextId('conv'),
      customerId: 'cus_lin',
      clientId: null,
      channel: 'web',
      topic: 'delivery',
      priority: 'normal',
      tags: [],
      skills: [],
      team: null,
      leftMessage: false,
      status: 'queued',
      at: FIXTURE_NOW,
    }),
    ...overrides,
  };
}

/**
 * A valid message of a conversation for conformance tests; `conversationId` and `seq` are required.
 *
 * @example
 * ```ts
 * const message = makeMessage({ conversationId: conversation.id, seq: 1, text: '在吗？' });
 * ```
 */
export function makeMessage(
  overrides: Partial<Message> & Pick<Message, 'conversationId' | 'seq'>,
): Message {
  return {
    id: nextId('msg'),
    author: { kind: 'customer', id: 'cus_lin' },
    text: '我的糖果什么时候到？',
    attachments: [],
    internal: false,
    clientId: null,
    createdAt: FIXTURE_NOW,
    ...overrides,
  };
}

/**
 * A `conversation.started` event draft about `conversation`, for conformance tests.
 *
 * @example
 * ```ts
 * await storage.transaction((tx) => tx.events.append([makeEventDraft(conversation)]));
 * ```
 */
export function makeEventDraft(conversation: Conversation, at = FIXTURE_NOW): DomainEventDraft {
  return {
    type: 'conversation.started',
    at,
    subject: { kind: 'conversation', id: conversation.id },
    data: { conversation },
  };
}

/**
 * A valid job draft with a fresh key for conformance tests; override any field.
 *
 * @example
 * ```ts
 * await storage.transaction((tx) => tx.jobs.schedule(makeJobDraft({ dueAt: FIXTURE_NOW }), FIXTURE_NOW));
 * ```
 */
export function makeJobDraft(overrides: Partial<JobDraft> = {}): JobDraft {
  const conversationId = nextId('conv');
  return {
    key: `conversation/${conversationId}/close-resolved`,
    kind: 'conversation.close-resolved',
    dueAt: FIXTURE_NOW + 60_000,
    payload: { conversationId },
    ...overrides,
  };
}
