// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { KefuProvider } from '../provider/kefu-provider';
import { useFakeGateway, wireConversation } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { fakeClient } from '../test-support/render-with-client';
import { useConnectionStatus } from './use-connection-status';
import { useConversation } from './use-conversation';
import { useCurrentConversation } from './use-current-conversation';
import { useDeskStatus } from './use-desk-status';
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
