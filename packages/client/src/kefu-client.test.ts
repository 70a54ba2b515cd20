import type { ServerFrame } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import type { OutboxStorage } from './browser-storage';
import type { KefuClient } from './client-types';
import type { OutboxEntry } from './conversations/conversation-state';
import {
  ackFirstSend,
  stored,
  until,
  useMswGateway,
  welcome,
  welcoming,
} from './test-support/msw-gateway';

const { server, mockGateway, client, agentClient } = useMswGateway();

const messagesOf = (c: KefuClient) => c.getSnapshot().conversations.conv_1?.messages ?? [];

describe('createKefuClient (msw WebSocket)', () => {
  it('says hello with its identity and opens on welcome', async () => {
    const connections = mockGateway(welcoming());
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'open');
    expect(connections[0]?.received[0]).toEqual({
      type: 'hello',
      v: 1,
      auth: { kind: 'customer', customerId: 'cus_lin', signature: 'ab12' },
    });
    expect(kefu.getSnapshot().session).toEqual({ role: 'customer', id: 'cus_lin' });
  });

  it('shows a message as sending at once, then sent with its seq on ack', async () => {
    const connections = mockGateway(welcoming(ackFirstSend));
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'open');
    const clientId = kefu.send('conv_1', '在吗');
    expect(messagesOf(kefu)).toMatchObject([
      { key: clientId, text: '在吗', status: 'sending', seq: null },
    ]);
    await until(() => messagesOf(kefu)[0]?.status === 'sent');
    expect(messagesOf(kefu)).toMatchObject([{ key: clientId, seq: 1, status: 'sent' }]);
    expect(connections[0]?.received.filter((f) => f.type === 'send')).toHaveLength(1);
  });

  it('marks a refused message failed, and retry sends it again with the same client id', async () => {
    let refuse = true;
    const connections = mockGateway(
      welcoming((frame, connection) => {
        if (frame.type !== 'send' || !frame.id) return;
        if (refuse) {
          connection.send({ type: 'error', id: frame.id, code: 'FORBIDDEN', message: 'no' });
        } else {
          connection.send({ type: 'ack', id: frame.id, message: stored(1, 'x', frame.clientId) });
        }
      }),
    );
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'open');
    const clientId = kefu.send('conv_1', 'x');
    await until(() => messagesOf(kefu)[0]?.status === 'failed');
    expect(messagesOf(kefu)[0]?.error).toEqual({ code: 'FORBIDDEN', message: 'no' });
    refuse = false;
    kefu.retry(clientId);
    await until(() => messagesOf(kefu)[0]?.status === 'sent');
    const sends = connections[0]?.received.filter((f) => f.type === 'send') ?? [];
    expect(sends.map((f) => f.type === 'send' && f.clientId)).toEqual([clientId, clientId]);
  });

  it('sends a rate-limited message again after the wait the gateway names, without failing it', async () => {
    const refusedAt: number[] = [];
    const connections = mockGateway(
      welcoming((frame, connection) => {
        if (frame.type !== 'send' || !frame.id) return;
        if (refusedAt.length === 0) {
          refusedAt.push(Date.now());
          connection.send({
            type: 'error',
            id: frame.id,
            code: 'RATE_LIMITED',
            message: 'slow down',
            retryAfterMs: 60,
          });
        } else {
          connection.send({ type: 'ack', id: frame.id, message: stored(1, 'x', frame.clientId) });
        }
      }),
    );
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'open');
    const clientId = kefu.send('conv_1', 'x');
    const statuses = new Set<string>();
    kefu.subscribe(() => {
      for (const message of messagesOf(kefu)) statuses.add(message.status);
    });
    await until(() => messagesOf(kefu)[0]?.status === 'sent');
    const sends = connections[0]?.received.filter((f) => f.type === 'send') ?? [];
    expect(sends.map((f) => f.type === 'send' && f.clientId)).toEqual([clientId, clientId]);
    expect(statuses.has('failed')).toBe(false);
    expect(messagesOf(kefu)).toHaveLength(1);
  });

  it('keeps a message unsent (not failed) in the outbox when the client is closed before its ack', async () => {
    mockGateway(welcoming());
    const saved: OutboxEntry[][] = [];
    const kefu = client({
      outboxStorage: { load: () => [], save: (entries) => saved.push(entries) },
    });
    await until(() => kefu.getSnapshot().status === 'open');
    kefu.send('conv_1', '还在吗');
    kefu.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messagesOf(kefu).map((m) => m.status)).toEqual(['sending']);
    expect(saved.at(-1)?.map((entry) => entry.status)).toEqual(['sending']);
  });

  it('keeps offline sends in the outbox and delivers them after reconnecting, resuming from the last seq', async () => {
    const connections = mockGateway(
      welcoming((frame, connection) => {
        if (frame.type === 'subscribe') {
          connection.send({ type: 'synced', conversationId: 'conv_1', lastSeq: 2 });
        }
      }),
    );
    const kefu = client({ reconnect: { minDelayMs: 100, maxDelayMs: 100, random: () => 0.99 } });
    kefu.watch('conv_1');
    await until(() => connections[0]?.received.some((f) => f.type === 'subscribe'));
    connections[0]?.send({ type: 'message', message: stored(1, 'a') });
    connections[0]?.send({ type: 'message', message: stored(2, 'b') });
    await until(() => kefu.getSnapshot().conversations.conv_1?.syncedSeq === 2);

    connections[0]?.close(4500, 'server restart');
    await until(() => kefu.getSnapshot().status === 'reconnecting');
    const first = kefu.send('conv_1', 'offline 1');
    const second = kefu.send('conv_1', 'offline 2');
    expect(messagesOf(kefu).map((m) => m.status)).toEqual(['sent', 'sent', 'sending', 'sending']);

    await until(() => connections[1]?.received.filter((f) => f.type === 'send').length === 2);
    const again = connections[1]?.received ?? [];
    expect(again.find((f) => f.type === 'subscribe')).toMatchObject({
      conversationId: 'conv_1',
      afterSeq: 2,
    });
    expect(
      again.filter((f) => f.type === 'send').map((f) => f.type === 'send' && f.clientId),
    ).toEqual([first, second]);
    // Nothing was sent on the dead connection.
    expect(connections[0]?.received.some((f) => f.type === 'send')).toBe(false);
    // The stored copy arriving as a live message confirms the optimistic one, without doubling it.
    connections[1]?.send({
      type: 'message',
      message: { ...stored(3, 'offline 1', first), author: { kind: 'customer', id: 'cus_lin' } },
    });
    await until(() => messagesOf(kefu)[2]?.status === 'sent');
    expect(messagesOf(kefu).map((m) => [m.text, m.status])).toEqual([
      ['a', 'sent'],
      ['b', 'sent'],
      ['offline 1', 'sent'],
      ['offline 2', 'sending'],
    ]);
  });

  it('drops duplicates and asks again from the last contiguous seq when it sees a gap', async () => {
    let subscribes = 0;
    const connections = mockGateway(
      welcoming((frame, connection) => {
        if (frame.type === 'subscribe' && subscribes++ === 0) {
          connection.send({ type: 'synced', conversationId: 'conv_1', lastSeq: 0 });
        }
      }),
    );
    const kefu = client();
    kefu.watch('conv_1');
    await until(() => connections[0]?.received.some((f) => f.type === 'subscribe'));
    const live = connections[0];
    live?.send({ type: 'message', message: stored(1, 'a') });
    live?.send({ type: 'message', message: stored(1, 'a') });
    live?.send({ type: 'message', message: stored(3, 'c') });
    await until(() => live?.received.filter((f) => f.type === 'subscribe').length === 2);
    expect(live?.received.filter((f) => f.type === 'subscribe').at(-1)).toMatchObject({
      afterSeq: 1,
    });
    live?.send({ type: 'message', message: stored(2, 'b') });
    live?.send({ type: 'synced', conversationId: 'conv_1', lastSeq: 3 });
    await until(() => kefu.getSnapshot().conversations.conv_1?.syncedSeq === 3);
    expect(messagesOf(kefu).map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });

  it('stops for good when the gateway refuses the credentials', async () => {
    const connections = mockGateway((frame, connection) => {
      if (frame.type !== 'hello') return;
      connection.send({ type: 'error', code: 'UNAUTHORIZED', message: 'bad signature' });
      setTimeout(() => connection.close(4401, 'unauthorized'), 5);
    });
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'closed');
    expect(kefu.getSnapshot().lastError).toEqual({
      code: 'UNAUTHORIZED',
      message: 'bad signature',
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(connections).toHaveLength(1);
  });

  it('pings at the heartbeat interval and reconnects when the gateway goes silent', async () => {
    let silent = false;
    const connections = mockGateway((frame, connection) => {
      if (frame.type === 'hello') connection.send(welcome(20));
      if (frame.type === 'ping' && !silent) connection.send({ type: 'pong', at: frame.at ?? 0 });
    });
    const kefu = client();
    await until(() => (connections[0]?.received.filter((f) => f.type === 'ping').length ?? 0) >= 2);
    silent = true;
    await until(() => connections.length >= 2, 2_000);
    expect(kefu.getSnapshot().status).not.toBe('closed');
  });

  it('keeps a visitor token the gateway issues, and presents it next time', async () => {
    const saved: string[] = [];
    const connections = mockGateway((frame, connection) => {
      if (frame.type === 'hello') {
        connection.send({
          ...welcome(),
          session: { role: 'visitor', id: 'vis_1' },
          visitorToken: 'v1.vis_1.sig',
        } as ServerFrame);
      }
    });
    const storage = {
      get: () => saved.at(-1) ?? null,
      set: (token: string) => void saved.push(token),
    };
    const first = client({ identity: { kind: 'visitor' }, visitorTokenStorage: storage });
    await until(() => first.getSnapshot().status === 'open');
    expect(saved).toEqual(['v1.vis_1.sig']);
    first.close();
    const second = client({ identity: { kind: 'visitor' }, visitorTokenStorage: storage });
    await until(() => second.getSnapshot().status === 'open');
    expect(connections[1]?.received[0]).toMatchObject({
      auth: { kind: 'visitor', token: 'v1.vis_1.sig' },
    });
  });

  it('resolves startConversation with the conversation and watches it', async () => {
    const connections = mockGateway(
      welcoming((frame, connection) => {
        if (frame.type === 'start' && frame.id) {
          connection.send({
            type: 'ack',
            id: frame.id,
            conversation: {
              id: 'conv_1',
              customerId: 'cus_lin',
              clientId: frame.clientId,
              status: 'queued',
              topic: null,
              assigneeId: null,
              lastSeq: 1,
              createdAt: 1,
              updatedAt: 1,
            },
          });
        }
      }),
    );
    const kefu = client();
    const conversation = await kefu.startConversation({ text: '你好' });
    expect(conversation.id).toBe('conv_1');
    expect(connections[0]?.received.find((f) => f.type === 'start')).toMatchObject({
      message: { text: '你好' },
    });
    await until(() => connections[0]?.received.some((f) => f.type === 'subscribe'));
  });
});

describe('createKefuClient: requests beyond messages (msw WebSocket)', () => {
  it('keeps queue places, surveys and tickets the gateway pushes in the snapshot', async () => {
    const connections = mockGateway(welcoming());
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'open');
    const gatewaySide = connections[0];
    gatewaySide?.send({
      type: 'queue',
      conversationId: 'conv_1',
      position: 3,
      estimatedWaitMs: 90_000,
    });
    await until(() => kefu.getSnapshot().conversations.conv_1?.queue?.position === 3);
    gatewaySide?.send({
      type: 'queue',
      conversationId: 'conv_1',
      position: null,
      estimatedWaitMs: null,
    });
    await until(() => kefu.getSnapshot().conversations.conv_1?.queue === null);

    gatewaySide?.send({
      type: 'survey',
      survey: {
        id: 'srv_1',
        kind: 'csat',
        conversationId: 'conv_1',
        ticketId: null,
        status: 'sent',
        questions: [{ id: 'overall', text: { 'zh-CN': '您对本次服务满意吗？' } }],
        scale: { min: 1, max: 5 },
        answers: {},
        comment: null,
        score: null,
        expiresAt: null,
      },
    });
    await until(() => kefu.getSnapshot().conversations.conv_1?.survey?.status === 'sent');

    const before = kefu.getSnapshot();
    gatewaySide?.send({
      type: 'ticket',
      ticket: {
        id: 'tkt_1',
        kind: 'delivery',
        subject: '包裹未送达',
        status: 'in_progress',
        orderRef: null,
        proposal: null,
        resolution: null,
        expectedCompletionAt: null,
        timeline: [],
        createdAt: 1,
        updatedAt: 2,
      },
    });
    await until(() => kefu.getSnapshot().tickets.tkt_1?.status === 'in_progress');
    // A new snapshot object, but the conversations map did not change with the ticket.
    expect(kefu.getSnapshot()).not.toBe(before);
    expect(kefu.getSnapshot().conversations).toBe(before.conversations);
  });

  it('fails a sent, non-idempotent request when the connection drops, and resends idempotent ones', async () => {
    let connectionNumber = 0;
    const connections = mockGateway((frame, connection) => {
      if (frame.type === 'hello') {
        connectionNumber++;
        connection.send(welcome());
        return;
      }
      // The first connection swallows requests and dies; the second answers them.
      if (connectionNumber === 1) return;
      if (frame.type === 'status' && frame.id) {
        connection.send({
          type: 'ack',
          id: frame.id,
          status: { open: true, nextOpeningAt: null, agentsOnline: 1, acceptingNow: true },
        });
      }
    });
    const kefu = agentClient();
    await until(() => kefu.getSnapshot().status === 'open');
    const claim = kefu.act('conv_1', 'claim').then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );
    const status = kefu.deskStatus();
    await until(() => connections[0]?.received.some((f) => f.type === 'status'));
    connections[0]?.close(1011, 'gone');
    expect(await claim).toBe('UNAVAILABLE');
    expect(await status).toMatchObject({ agentsOnline: 1 });
    // The claim was not sent again on the new connection; the status request was.
    expect(connections[1]?.received.map((f) => f.type)).toEqual(['hello', 'status']);
  });
});

describe('createKefuClient: the outbox across page loads (msw WebSocket)', () => {
  it('keeps a message sent offline in storage and delivers it once from the next page', async () => {
    let saved: OutboxEntry[] = [];
    const storage: OutboxStorage = { load: () => saved, save: (entries) => (saved = entries) };
    // The first page never gets a welcome: it is offline as far as sending goes.
    mockGateway();
    const firstPage = client({ outboxStorage: storage });
    const clientId = firstPage.send('conv_1', '离线时写的');
    expect(saved.map((entry) => [entry.clientId, entry.status])).toEqual([[clientId, 'sending']]);
    firstPage.close();

    server.resetHandlers();
    const connections = mockGateway(welcoming(ackFirstSend));
    const nextPage = client({ outboxStorage: storage });
    expect(messagesOf(nextPage)).toMatchObject([{ text: '离线时写的', status: 'sending' }]);
    await until(() => messagesOf(nextPage)[0]?.status === 'sent');
    const sends = connections.flatMap((c) => c.received).filter((f) => f.type === 'send');
    expect(sends).toMatchObject([{ clientId, text: '离线时写的' }]);
    expect(saved).toEqual([]);
  });
});

describe('createKefuClient: render economy (msw WebSocket)', () => {
  it('shows a backlog in one change and keeps message objects when only typing changes', async () => {
    const connections = mockGateway(
      welcoming((frame, connection) => {
        if (frame.type !== 'subscribe') return;
        for (let seq = 1; seq <= 50; seq++)
          connection.send({ type: 'message', message: stored(seq, `第${seq}条`) });
        connection.send({ type: 'synced', conversationId: 'conv_1', lastSeq: 50 });
      }),
    );
    const kefu = client();
    await until(() => kefu.getSnapshot().status === 'open');
    const lengths: number[] = [];
    kefu.subscribe(() => lengths.push(messagesOf(kefu).length));
    kefu.watch('conv_1');
    await until(() => kefu.getSnapshot().conversations.conv_1?.syncedSeq === 50);
    // No snapshot with a partial backlog was ever published.
    expect(lengths.filter((length) => length > 0 && length < 50)).toEqual([]);

    const before = kefu.getSnapshot().conversations.conv_1;
    connections[0]?.send({
      type: 'typing',
      conversationId: 'conv_1',
      author: { kind: 'agent', id: 'agt_wang' },
      typing: true,
    });
    const after = await until(() => {
      const view = kefu.getSnapshot().conversations.conv_1;
      return view !== before ? view : undefined;
    });
    expect(after?.typing).toEqual(['agt_wang']);
    expect(after?.messages).toBe(before?.messages);
  });
});

describe('createKefuClient: lists and the frames that beat them (msw WebSocket)', () => {
  it('keeps a ticket change that arrived before the list of tickets', async () => {
    const ticket = (status: 'new' | 'in_progress', updatedAt: number) => ({
      id: 'tkt_1',
      kind: 'delivery',
      subject: '包裹未送达',
      status,
      orderRef: null,
      proposal: null,
      resolution: null,
      expectedCompletionAt: null,
      timeline: [],
      createdAt: 1,
      updatedAt,
    });
    mockGateway(
      welcoming((frame, connection) => {
        if (frame.type !== 'tickets') return;
        connection.send({ type: 'ticket', ticket: ticket('in_progress', 9) });
        connection.send({ type: 'ack', id: frame.id, tickets: [ticket('new', 3)] });
      }),
    );
    const lin = client();
    await until(() => lin.getSnapshot().status === 'open');
    await lin.loadTickets();
    expect(lin.getSnapshot().tickets.tkt_1?.status).toBe('in_progress');
  });
});
