import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type Desk, isKefuError, type StorageAdapter } from '@kefu/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmailOutboundOptions } from './channel-options';
import { createEmailChannel, type EmailChannel } from './email-channel';
import {
  type CapturingMta,
  LIN,
  rawMail,
  SECRET,
  SUPPORT,
  startCapturingMta,
} from './email-test-setup';
import { createFileOutboxStore } from './outbound/outbox-store';
import { createMemoryThreadStore } from './threading/thread-store';

// One "process" of the shop: a desk over the shared storage and, optionally, the e-mail channel.
interface Node {
  desk: Desk;
  channel: EmailChannel;
  errors: unknown[];
  stop(): Promise<void>;
}

let dir: string;
let storage: StorageAdapter;
const threads = createMemoryThreadStore(); // stands in for a persistent thread store
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kefu-email-outbox-'));
  storage = createMemoryAdapter();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function startNode(port: number, outbound: EmailOutboundOptions = {}): Promise<Node> {
  const desk = createDesk({ storage, routing: { auto: false } });
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', presence: 'online' });
  const errors: unknown[] = [];
  const channel = createEmailChannel({
    desk,
    smtp: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    from: `"糖果铺客服" <${SUPPORT}>`,
    replyAddress: 'reply@candy.example',
    secret: SECRET,
    threads,
    onError: (error) => errors.push(error),
    outbound: { store: createFileOutboxStore(join(dir, 'outbox.json')), ...outbound },
  });
  await channel.listen(0, '127.0.0.1');
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      await channel.close();
      await desk.stop();
    })();
    return stopped;
  };
  cleanups.push(stop);
  return { desk, channel, errors, stop };
}

async function mta(options: Parameters<typeof startCapturingMta>[0] = {}): Promise<CapturingMta> {
  const server = await startCapturingMta(options);
  cleanups.push(() => server.close());
  return server;
}

/** Lin's first mail, taken in by `node`; returns the conversation id. */
async function customerWrites(node: Node, messageId = '<melted-1@customer.example>') {
  const result = await node.channel.handleRawMail(
    rawMail({ subject: '巧克力化了', messageId, text: '收到的巧克力全化了。' }),
  );
  if (result.outcome === 'ignored') throw new Error(result.reason);
  return result.conversation.id;
}

async function agentReplies(desk: Desk, conversationId: string, text: string) {
  const conversation = await desk.conversations.get({ conversationId: conversationId });
  if (conversation?.assigneeId === null) {
    await desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
  }
  return desk.messages.post({ conversationId, author: { kind: 'agent', id: 'agt_wang' }, text });
}

/** A first process takes Lin's mail, mails one reply, and stops. */
async function mailOneReplyThenStop(text: string) {
  const customer = await mta();
  const first = await startNode(customer.port);
  const conversationId = await customerWrites(first);
  await agentReplies(first.desk, conversationId, text);
  await first.channel.idle();
  await customer.next();
  await first.stop();
  return { customer, conversationId, first };
}

describe('durable outbound mail', () => {
  it('mails a reply posted while the channel was stopped once it starts again', async () => {
    const customer = await mta();
    const first = await startNode(customer.port);
    const conversationId = await customerWrites(first);
    await first.stop();

    // The agent console (another process, no e-mail channel) answers while the channel is down.
    const consoleDesk = createDesk({ storage, routing: { auto: false } });
    cleanups.push(() => consoleDesk.stop());
    await agentReplies(consoleDesk, conversationId, '非常抱歉！我们给您补发一盒。');
    expect(customer.received).toHaveLength(0);

    const second = await startNode(customer.port);
    await second.channel.idle();
    const mail = await customer.next();
    expect(mail.text?.trim()).toBe('非常抱歉！我们给您补发一盒。');
    expect(mail.inReplyTo).toBe('<melted-1@customer.example>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toContain(LIN);
    expect(customer.received).toHaveLength(1);
    expect(second.errors).toEqual([]);
  });

  it('does not mail a reply again after a restart, and mails the next one once', async () => {
    const { customer, conversationId, first } = await mailOneReplyThenStop(
      '非常抱歉！我们给您补发一盒。',
    );

    const second = await startNode(customer.port);
    await second.channel.idle();
    expect(customer.received).toHaveLength(1);
    const saved = JSON.parse(await readFile(join(dir, 'outbox.json'), 'utf8'));
    expect(saved).toEqual({ position: await second.desk.events.lastPosition(), retries: [] });

    await agentReplies(second.desk, conversationId, '补发的快递单号是 SF1234567890。');
    await second.channel.idle();
    const next = await customer.next();
    expect(next.text?.trim()).toBe('补发的快递单号是 SF1234567890。');
    expect(customer.received).toHaveLength(2);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('retries while the SMTP server is down, keeping a conversation’s replies in order', async () => {
    const probe = await startCapturingMta();
    const port = probe.port;
    await probe.close(); // nothing listens on `port` now
    const node = await startNode(port, { retry: { minDelayMs: 20, maxDelayMs: 80 } });
    const conversationId = await customerWrites(node);
    await agentReplies(node.desk, conversationId, '第一条回复');
    await agentReplies(node.desk, conversationId, '第二条回复');
    await node.channel.idle();
    expect(node.channel.pendingRetries).toBe(2);
    expect(node.errors.length).toBeGreaterThanOrEqual(1);
    // nodemailer reports a refused connection as a socket error.
    expect(node.errors[0]).toMatchObject({
      code: 'ESOCKET',
      message: expect.stringContaining('ECONNREFUSED'),
    });

    const customer = await mta({ port }); // the server is back
    const one = await customer.next(10_000);
    const two = await customer.next(10_000);
    expect([one.text?.trim(), two.text?.trim()]).toEqual(['第一条回复', '第二条回复']);
    await vi.waitFor(() => expect(node.channel.pendingRetries).toBe(0));
    expect(customer.received).toHaveLength(2);
  });

  it('keeps a waiting retry across a restart and sends it from the new process', async () => {
    const probe = await startCapturingMta();
    const port = probe.port;
    await probe.close();
    const first = await startNode(port, { retry: { minDelayMs: 60_000, maxDelayMs: 60_000 } });
    const conversationId = await customerWrites(first);
    await agentReplies(first.desk, conversationId, '稍后送达的回复');
    await first.channel.idle();
    expect(first.channel.pendingRetries).toBe(1);
    await first.stop();

    const customer = await mta({ port });
    // The saved retry is due in a minute; the new process is told to try now.
    const saved = JSON.parse(await readFile(join(dir, 'outbox.json'), 'utf8'));
    saved.retries[0].dueAt = 0;
    await writeFile(join(dir, 'outbox.json'), JSON.stringify(saved));
    const second = await startNode(port);
    const mail = await customer.next(10_000);
    expect(mail.text?.trim()).toBe('稍后送达的回复');
    await vi.waitFor(() => expect(second.channel.pendingRetries).toBe(0));
    expect(customer.received).toHaveLength(1);
  });

  it('gives up on a 5xx refusal at once, reports it, and goes on with other mail', async () => {
    const customer = await mta({ rejectRecipient: (address) => address === LIN });
    const node = await startNode(customer.port);
    const refused = await customerWrites(node);
    const other = await node.channel.handleRawMail(
      rawMail({ from: '陈小美 <chen@customer.example>', text: '发票怎么开？' }),
    );
    if (other.outcome === 'ignored') throw new Error(other.reason);
    await agentReplies(node.desk, refused, '这封会被退回');
    await agentReplies(node.desk, other.conversation.id, '在订单详情点击“申请发票”即可。');
    await node.channel.idle();
    const mail = await customer.next();
    expect(mail.text?.trim()).toBe('在订单详情点击“申请发票”即可。');
    expect(node.channel.pendingRetries).toBe(0);
    expect(node.errors).toHaveLength(1);
    expect((node.errors[0] as { responseCode?: number }).responseCode).toBe(550);
  });

  it('mails replies another node posted, found by polling the event log', async () => {
    const customer = await mta();
    const node = await startNode(customer.port, { pollIntervalMs: 20 });
    const conversationId = await customerWrites(node);
    const otherNode = createDesk({ storage, routing: { auto: false } });
    cleanups.push(() => otherNode.stop());
    await agentReplies(otherNode, conversationId, '另一台服务器上的回复');
    const mail = await customer.next(10_000);
    expect(mail.text?.trim()).toBe('另一台服务器上的回复');
  });

  it('sends nothing when its saved progress cannot be read, rather than replaying the log', async () => {
    const { customer, conversationId } = await mailOneReplyThenStop('已经发出的回复');

    await writeFile(join(dir, 'outbox.json'), 'not json');
    const second = await startNode(customer.port);
    await agentReplies(second.desk, conversationId, '新的回复');
    await second.channel.idle();
    expect(customer.received).toHaveLength(1);
    expect(second.errors).toHaveLength(1);
    expect(isKefuError(second.errors[0], 'ADAPTER')).toBe(true);
  });

  it('sends nothing with outbound disabled (a receive-only node)', async () => {
    const customer = await mta();
    const node = await startNode(customer.port, { enabled: false });
    const conversationId = await customerWrites(node);
    await agentReplies(node.desk, conversationId, '不会从这个节点发出');
    await node.channel.idle();
    expect(customer.received).toHaveLength(0);
    expect(node.channel.pendingRetries).toBe(0);
  });
});

describe('file outbox store', () => {
  it('round-trips the state and starts empty without a file', async () => {
    const store = createFileOutboxStore(join(dir, 'state.json'));
    expect(await store.load()).toBeNull();
    const state = {
      position: 42,
      retries: [{ position: 40, conversationId: 'conv_1', attempts: 3, dueAt: 1 }],
    };
    await store.save(state);
    expect(await store.load()).toEqual(state);
  });

  it('refuses a damaged file with ADAPTER instead of starting over (which would re-mail)', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"position": "forty"');
    await expect(createFileOutboxStore(path).load()).rejects.toSatisfy((error) =>
      isKefuError(error, 'ADAPTER'),
    );
    await writeFile(path, '{"position": "forty", "retries": []}');
    await expect(createFileOutboxStore(path).load()).rejects.toSatisfy((error) =>
      isKefuError(error, 'ADAPTER'),
    );
  });
});
