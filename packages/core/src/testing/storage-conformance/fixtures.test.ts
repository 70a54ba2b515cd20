import { describe, expect, it } from 'vitest';
import { AgentSchema } from '../../agents/agent';
import { ConversationSchema } from '../../conversations/conversation';
import { CustomerSchema } from '../../customers/customer';
import { MessageSchema } from '../../messages/message';
import { makeAgent, makeConversation, makeCustomer, makeMessage } from './fixtures';

// The suite's records must be ones the desk could have written, or adapters that validate rows
// (as the port allows) would fail for the wrong reason.
describe('storage conformance fixtures', () => {
  it('build records that pass the domain schemas', () => {
    const conversation = makeConversation({ clientId: 'start_8fJ2kq1x', tags: ['melted'] });
    const records = [
      [CustomerSchema, makeCustomer({ tier: 'vip' })],
      [AgentSchema, makeAgent()],
      [ConversationSchema, conversation],
      [
        MessageSchema,
        makeMessage({ conversationId: conversation.id, seq: 1, clientId: 'msg_Z3x9PqL2' }),
      ],
    ] as const;
    for (const [schema, record] of records) expect(schema.parse(record)).toEqual(record);
  });

  it('give every record a new id', () => {
    expect(makeCustomer().id).not.toBe(makeCustomer().id);
    expect(makeConversation().id).not.toBe(makeConversation().id);
  });
});
