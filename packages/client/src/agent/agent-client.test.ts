import type { ServerFrame } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import { until, useMswGateway, welcomingAgent } from '../test-support/msw-gateway';
import { isAgentClient } from './agent-client';

const { mockGateway, client, agentClient } = useMswGateway();

const queued = (id: string, updatedAt: number) => ({
  id,
  customerId: 'cus_lin',
  clientId: null,
  status: 'queued' as const,
  topic: null,
  assigneeId: null,
  lastSeq: 1,
  createdAt: 1,
  updatedAt,
});

const metrics = (queueLength: number) => ({
  at: 1_700_000_000_000,
  queueLength,
  longestWaitMs: 60_000,
  agentsOnline: 2,
  agentsBusy: 1,
  slaAtRisk: 0,
  slaBreached: 0,
});

describe('createAgentClient (msw WebSocket)', () => {
  it('keeps a conversation that entered the inbox after the list was read', async () => {
    mockGateway(
      welcomingAgent((frame, connection) => {
        if (frame.type !== 'inbox') return;
        // conv_new commits after the gateway read the list, and its frame goes out first.
        connection.send({ type: 'conversation', conversation: queued('conv_new', 5) });
        connection.send({ type: 'ack', id: frame.id, conversations: [queued('conv_old', 2)] });
      }),
    );
    const wang = agentClient();
    await until(() => wang.getSnapshot().status === 'open');
    await wang.listConversations();
    expect([...(wang.getSnapshot().inbox ?? [])].sort()).toEqual(['conv_new', 'conv_old']);
  });

  it('keeps the inbox live: claimed by someone else leaves it, a new queued one enters', async () => {
    const connections = mockGateway(
      welcomingAgent((frame, connection) => {
        if (frame.type === 'inbox')
          connection.send({ type: 'ack', id: frame.id, conversations: [queued('conv_1', 2)] });
      }),
    );
    const wang = agentClient();
    await until(() => wang.getSnapshot().status === 'open');
    await wang.listConversations();
    const gateway = connections[0];
    gateway?.send({
      type: 'conversation',
      conversation: { ...queued('conv_1', 3), status: 'active', assigneeId: 'agt_li' },
    });
    gateway?.send({ type: 'conversation', conversation: queued('conv_2', 4) });
    await until(() => wang.getSnapshot().inbox?.includes('conv_2'));
    expect(wang.getSnapshot().inbox).toEqual(['conv_2']);
  });

  it('claims through act and keeps the claimed conversation in its inbox', async () => {
    mockGateway(
      welcomingAgent((frame, connection) => {
        if (frame.type === 'inbox')
          connection.send({ type: 'ack', id: frame.id, conversations: [queued('conv_1', 2)] });
        if (frame.type === 'act' && frame.action === 'claim')
          connection.send({
            type: 'ack',
            id: frame.id,
            conversation: { ...queued('conv_1', 3), status: 'active', assigneeId: 'agt_wang' },
          });
      }),
    );
    const wang = agentClient();
    await until(() => wang.getSnapshot().status === 'open');
    await wang.listConversations();
    const claimed = await wang.act('conv_1', 'claim');
    expect(claimed.assigneeId).toBe('agt_wang');
    expect(wang.getSnapshot().inbox).toEqual(['conv_1']);
    expect(wang.getSnapshot().conversations.conv_1?.conversation?.status).toBe('active');
  });

  it('keeps live metrics and agent tickets in its snapshot, and asks for them again on a new connection', async () => {
    const connections = mockGateway(
      welcomingAgent((frame, connection) => {
        if (frame.type === 'watch_metrics')
          connection.send({ type: 'ack', id: frame.id, metrics: metrics(1) });
        if (frame.type === 'inbox')
          connection.send({ type: 'ack', id: frame.id, conversations: [] });
      }),
    );
    const wang = agentClient();
    await until(() => wang.getSnapshot().status === 'open');
    await wang.watchMetrics();
    await wang.listConversations();
    expect(wang.getSnapshot().metrics?.queueLength).toBe(1);

    const ticketFrame = {
      type: 'agent_ticket',
      ticket: { id: 'tkt_1', status: 'in_progress', internalNotes: ['客户是老顾客'] },
    } as unknown as ServerFrame;
    connections[0]?.send(ticketFrame);
    connections[0]?.send({ type: 'metrics', metrics: metrics(4) });
    await until(() => wang.getSnapshot().metrics?.queueLength === 4);
    expect(wang.getSnapshot().agentTickets.tkt_1).toMatchObject({ status: 'in_progress' });

    connections[0]?.close(1011, 'gone');
    await until(() => connections[1]?.received.some((frame) => frame.type === 'watch_metrics'));
    expect(connections[1]?.received.map((frame) => frame.type).sort()).toEqual(
      ['hello', 'inbox', 'watch_metrics'].sort(),
    );
  });

  it('keeps the supervisor live view by row, and asks for it again on a new connection', async () => {
    const row = (conversationId: string, assigneeId: string | null) => ({
      conversationId,
      customerId: 'cus_lin',
      status: assigneeId ? ('active' as const) : ('queued' as const),
      topic: null,
      channel: 'web',
      priority: 'normal',
      team: 'candy',
      leftMessage: false,
      assigneeId,
      queuedAt: 1,
      assignedAt: null,
      queueTimeMs: 60_000,
      slaState: 'ok' as const,
      dueAt: null,
      dueTarget: null,
      sentiment: 'calm' as const,
      lastSeq: 1,
      updatedAt: 2,
    });
    const connections = mockGateway(
      welcomingAgent((frame, connection) => {
        if (frame.type === 'watch_supervision')
          connection.send({ type: 'ack', id: frame.id, supervision: [row('conv_1', null)] });
      }),
    );
    const zhao = agentClient();
    await until(() => zhao.getSnapshot().status === 'open');
    expect(zhao.getSnapshot().supervision).toBeNull();
    await zhao.watchSupervision({ teams: ['candy'] });
    expect(Object.keys(zhao.getSnapshot().supervision ?? {})).toEqual(['conv_1']);
    connections[0]?.send({
      type: 'supervision',
      conversationId: 'conv_2',
      row: row('conv_2', null),
    });
    connections[0]?.send({ type: 'supervision', conversationId: 'conv_1', row: null });
    await until(() => zhao.getSnapshot().supervision?.conv_1 === undefined);
    expect(Object.keys(zhao.getSnapshot().supervision ?? {})).toEqual(['conv_2']);
    connections[0]?.close(1011, 'gone');
    await until(() => connections[1]?.received.some((f) => f.type === 'watch_supervision'));
    expect(connections[1]?.received.find((f) => f.type === 'watch_supervision')).toMatchObject({
      teams: ['candy'],
    });
    await until(() => zhao.getSnapshot().supervision?.conv_1 !== undefined);
  });

  it('is told apart from a customer client, whose snapshot carries no agent fields', async () => {
    mockGateway(welcomingAgent());
    const customer = client();
    const wang = agentClient();
    expect(isAgentClient(wang)).toBe(true);
    expect(isAgentClient(customer)).toBe(false);
    expect(Object.keys(customer.getSnapshot()).sort()).toEqual(
      ['conversations', 'incident', 'lastError', 'session', 'status', 'tickets'].sort(),
    );
    expect(Object.keys(wang.getSnapshot())).toEqual(
      expect.arrayContaining(['inbox', 'agentTickets', 'metrics']),
    );
  });
});
