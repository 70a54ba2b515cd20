// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { KefuProvider } from '../provider/kefu-provider';
import { useFakeGateway, wireConversation } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { fakeClient } from '../test-support/render-with-client';
import { useAgentConversation } from './use-agent-conversation';
import { useConnectionStatus } from './use-connection-status';
import { useConversation } from './use-conversation';
import { useCurrentConversation } from './use-current-conversation';
import { useDeskStatus } from './use-desk-status';
import { useInbox } from './use-inbox';
import { useKefuClient } from './use-kefu-client';
import { useMessages } from './use-messages';

const server = setupMsw();
const lin = { kind: 'customer', id: 'cus_lin' } as const;

function wrapperFor(client: ReturnType<typeof fakeClient>) {
  return ({ children }: { children: ReactNode }) => (
    <KefuProvider client={client}>{children}</KefuProvider>
  );
}

describe('customer hooks', () => {
  it('useKefuClient explains what is missing outside a provider', () => {
    expect(() => renderHook(() => useKefuClient())).toThrow(/KefuProvider/);
  });

  it('useConversation and useMessages watch a conversation and follow it live', async () => {
    const fake = useFakeGateway(server);
    const conversation = wireConversation();
    fake.conversations.set(conversation.id, conversation);
    fake.messages.set(conversation.id, []);
    fake.say(conversation.id, lin, '我的糖果什么时候到？');
    const client = fakeClient();
    const { result } = renderHook(
      () => ({
        view: useConversation(conversation.id),
        messages: useMessages(conversation.id),
        status: useConnectionStatus(),
      }),
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() =>
      expect(result.current.messages.map((m) => m.text)).toEqual(['我的糖果什么时候到？']),
    );
    expect(result.current.status).toBe('open');
    expect(result.current.view?.conversation?.status).toBe('queued');
    act(() => fake.update(conversation.id, { status: 'active', assigneeId: 'agt_wang' }));
    await waitFor(() => expect(result.current.view?.conversation?.status).toBe('active'));
    act(() => fake.say(conversation.id, { kind: 'agent', id: 'agt_wang' }, '您好！'));
    await waitFor(() => expect(result.current.messages).toHaveLength(2));
  });

  it('useMessages is an empty, stable list without a conversation', () => {
    useFakeGateway(server);
    const { result, rerender } = renderHook(() => useMessages(null), {
      wrapper: wrapperFor(fakeClient()),
    });
    const first = result.current;
    rerender();
    expect(first).toEqual([]);
    expect(result.current).toBe(first);
  });

  it('useCurrentConversation finds the newest conversation, or starts one on the first send', async () => {
    const fake = useFakeGateway(server);
    const client = fakeClient();
    const { result } = renderHook(() => useCurrentConversation(), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.ready).toBe(true));
    expect(result.current.conversationId).toBeNull();
    await act(() => result.current.send('你好'));
    const [id] = [...fake.conversations.keys()];
    expect(result.current.conversationId).toBe(id);
    await act(() => result.current.send('还在吗？'));
    await waitFor(() =>
      expect(result.current.view?.messages.map((m) => m.text)).toEqual(['你好', '还在吗？']),
    );
    expect(fake.received.filter((frame) => frame.type === 'start')).toHaveLength(1);

    const older = wireConversation({ createdAt: 1 });
    fake.conversations.set(older.id, older);
    const second = renderHook(() => useCurrentConversation(), {
      wrapper: wrapperFor(fakeClient()),
    });
    await waitFor(() => expect(second.result.current.conversationId).toBe(id));
  });

  it('useDeskStatus asks again when the refresh key changes', async () => {
    const fake = useFakeGateway(server);
    const client = fakeClient();
    const { result, rerender } = renderHook(({ key }) => useDeskStatus(key), {
      wrapper: wrapperFor(client),
      initialProps: { key: 1 },
    });
    await waitFor(() => expect(result.current?.acceptingNow).toBe(true));
    fake.deskStatus = {
      open: false,
      nextOpeningAt: 1_800_000_000_000,
      agentsOnline: 0,
      acceptingNow: false,
    };
    rerender({ key: 2 });
    await waitFor(() => expect(result.current).toEqual(fake.deskStatus));
  });
});

describe('agent hooks', () => {
  it('useInbox lists the inbox live, and useAgentConversation claims, replies and resolves', async () => {
    const fake = useFakeGateway(server);
    const waiting = wireConversation({ topic: '物流', lastSeq: 0 });
    fake.conversations.set(waiting.id, waiting);
    fake.messages.set(waiting.id, []);
    fake.say(waiting.id, lin, '快递三天没动了');
    const client = fakeClient({ kind: 'agent', token: 'token-wang' });
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
    const client = fakeClient({ kind: 'agent', token: 'token-wang' });
    const { result } = renderHook(() => useInbox(), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.conversations).toHaveLength(1));
    const claimed = await act(() => result.current.claimNext());
    expect(claimed?.id).toBe(waiting.id);
    expect(claimed?.assigneeId).toBe('agt_wang');
    expect(await act(() => result.current.claimNext())).toBeNull();
  });
});
