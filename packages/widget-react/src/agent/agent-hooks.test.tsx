// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { KefuProvider } from '../provider/kefu-provider';
import { FAKE_URL, useFakeGateway, wireConversation } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { fakeAgentClient, fakeClient } from '../test-support/render-with-client';
import { KefuAgentProvider } from './kefu-agent-provider';
import { useAgentClient } from './use-agent-client';
import { useAgentConversation } from './use-agent-conversation';
import { useInbox } from './use-inbox';

const server = setupMsw();
const lin = { kind: 'customer', id: 'cus_lin' } as const;

function wrapperFor(client: ReturnType<typeof fakeAgentClient>) {
  return ({ children }: { children: ReactNode }) => (
    <KefuAgentProvider client={client}>{children}</KefuAgentProvider>
  );
}

describe('agent hooks', () => {
  it('useInbox lists the inbox live, and useAgentConversation claims, replies and resolves', async () => {
    const fake = useFakeGateway(server);
    const waiting = wireConversation({ topic: '物流', lastSeq: 0 });
    fake.conversations.set(waiting.id, waiting);
    fake.messages.set(waiting.id, []);
    fake.say(waiting.id, lin, '快递三天没动了');
    const client = fakeAgentClient();
    const { result } = renderHook(
      () => {
        const inbox = useInbox();
        const first = inbox.conversations?.[0]?.id ?? null;
        return { inbox, conversation: useAgentConversation(first) };
      },
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() =>
      expect(result.current.inbox.conversations?.map((view) => view.id)).toEqual([waiting.id]),
    );
    await waitFor(() => expect(result.current.conversation.view?.messages).toHaveLength(1));

    await act(() => result.current.conversation.act('claim'));
    expect(result.current.conversation.view?.conversation?.assigneeId).toBe('agt_wang');
    act(() => {
      result.current.conversation.send('我来帮您查一下');
      result.current.conversation.send('客户很着急', { internal: true });
      result.current.conversation.setTyping(true);
      result.current.conversation.markRead();
    });
    await waitFor(() =>
      expect(fake.received.filter((frame) => frame.type === 'send')).toMatchObject([
        { text: '我来帮您查一下', internal: false },
        { text: '客户很着急', internal: true },
      ]),
    );
    expect(fake.received).toContainEqual({
      type: 'typing',
      conversationId: waiting.id,
      typing: true,
    });
    expect(fake.received).toContainEqual({ type: 'read', conversationId: waiting.id, seq: 1 });

    await act(() => result.current.conversation.act('resolve'));
    // Resolved conversations leave the inbox.
    await waitFor(() => expect(result.current.inbox.conversations).toEqual([]));
  });

  it('useInbox.claimNext takes the next queued conversation', async () => {
    const fake = useFakeGateway(server);
    const waiting = wireConversation();
    fake.conversations.set(waiting.id, waiting);
    const client = fakeAgentClient();
    const { result } = renderHook(() => useInbox(), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.conversations).toHaveLength(1));
    const claimed = await act(() => result.current.claimNext());
    expect(claimed?.id).toBe(waiting.id);
    expect(claimed?.assigneeId).toBe('agt_wang');
    expect(await act(() => result.current.claimNext())).toBeNull();
  });

  it('useAgentClient explains that a customer client is not enough', () => {
    const customer = fakeClient();
    expect(() =>
      renderHook(() => useAgentClient(), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <KefuProvider client={customer}>{children}</KefuProvider>
        ),
      }),
    ).toThrow(/KefuAgentProvider/);
  });

  it('KefuAgentProvider owns an agent client made from options and closes it on unmount', async () => {
    useFakeGateway(server);
    const { result, unmount } = renderHook(() => useAgentClient(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <KefuAgentProvider
          options={{
            url: FAKE_URL,
            identity: { kind: 'agent', token: 'token-wang' },
            visitorTokenStorage: null,
            outboxStorage: null,
          }}
        >
          {children}
        </KefuAgentProvider>
      ),
    });
    await waitFor(() => expect(result.current.getSnapshot().status).toBe('open'));
    expect(result.current.getSnapshot().session).toEqual({ role: 'agent', id: 'agt_wang' });
    const owned = result.current;
    unmount();
    expect(owned.getSnapshot().status).toBe('closed');
  });
});
