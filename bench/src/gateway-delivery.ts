import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk } from '@kefu/core';
import { createGateway, signCustomerId } from '@kefu/server';
import { WebSocket, WebSocketServer } from 'ws';
import type { BenchResult } from './bench-result';

const CONNECTIONS = Number(process.env.KEFU_BENCH_CONNECTIONS ?? 5_000);
const RATE = 1_000; // messages per second
const SECONDS = 5;
const SECRET = 'bench-secret';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Opens sockets in batches, so the listen backlog is not overrun. */
async function openSockets(
  count: number,
  url: string,
  onOpen: (socket: WebSocket, index: number) => Promise<void>,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
      const index = start + k;
      const socket = new WebSocket(url);
      sockets[index] = socket;
      return new Promise<void>((resolve, reject) => {
        socket.once('open', () => onOpen(socket, index).then(resolve, reject));
        socket.once('error', reject);
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

/**
 * Pushes `RATE` messages per second for `SECONDS` to random connections with `push(index, sentAt)`,
 * and returns the latencies the receivers recorded.
 */
async function pacedRun(
  push: (index: number, sentAt: number) => Promise<void> | void,
  latencies: number[],
): Promise<{ latencies: number[]; sent: number; seconds: number }> {
  const total = RATE * SECONDS;
  const started = nowMs();
  let sent = 0;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const inflight: Array<Promise<void> | void> = [];
  while (sent < total) {
    const due = Math.floor(((nowMs() - started) / 1000) * RATE);
    while (sent < Math.min(due, total)) {
      inflight.push(push(Math.floor(random() * CONNECTIONS), nowMs()));
      sent++;
    }
    await sleep(1);
  }
  await Promise.all(inflight);
  const deadline = nowMs() + 10_000;
  while (latencies.length < total && nowMs() < deadline) await sleep(10);
  return { latencies, sent, seconds: (nowMs() - started) / 1000 };
}

async function kefuRun() {
  const desk = createDesk({ storage: createMemoryAdapter(), routing: { auto: false } });
  const conversations: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    await desk.customers.upsert({ id: `cus_${i}` });
    conversations.push(
      (await desk.conversations.start({ customerId: `cus_${i}`, status: 'bot' })).id,
    );
  }
  const gateway = createGateway({
    desk,
    identity: { secret: SECRET },
    limits: { connectionsPerIp: CONNECTIONS + 10 },
    onError: () => {},
  });
  const server = createServer();
  gateway.attach(server);
  const port = await listen(server);
  const latencies: number[] = [];
  const sockets = await openSockets(CONNECTIONS, `ws://127.0.0.1:${port}/kefu`, (socket, i) => {
    const customerId = `cus_${i}`;
    return new Promise((resolve) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; message?: { text: string } };
        if (frame.type === 'synced') resolve();
        if (frame.type === 'message' && frame.message) {
          latencies.push(nowMs() - Number(frame.message.text));
        }
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          v: 1,
          auth: { kind: 'customer', customerId, signature: signCustomerId(customerId, SECRET) },
        }),
      );
      socket.send(
        JSON.stringify({ type: 'subscribe', conversationId: conversations[i], afterSeq: 0 }),
      );
    });
  });
  const result = await pacedRun(async (index, sentAt) => {
    await desk.messages.post({
      conversationId: conversations[index] ?? '',
      author: { kind: 'bot', id: 'bot' },
      text: String(sentAt),
    });
  }, latencies);
  for (const socket of sockets) socket.terminate();
  await gateway.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return result;
}

/** The baseline: a bare `ws` server pushing the same text to the same connections. */
async function rawRun() {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  const serverSockets: WebSocket[] = [];
  wss.on('connection', (socket) => serverSockets.push(socket));
  const port = await listen(server);
  const latencies: number[] = [];
  const sockets = await openSockets(CONNECTIONS, `ws://127.0.0.1:${port}`, async (socket) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { text: string };
      latencies.push(nowMs() - Number(frame.text));
    });
  });
  while (serverSockets.length < CONNECTIONS) await sleep(5);
  const result = await pacedRun((index, sentAt) => {
    serverSockets[index]?.send(JSON.stringify({ type: 'message', text: String(sentAt) }));
  }, latencies);
  for (const socket of sockets) socket.terminate();
  await new Promise((resolve) => wss.close(resolve));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return result;
}

const summary = (run: { latencies: number[]; sent: number; seconds: number }) => {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return {
    p50: Number(percentile(sorted, 50).toFixed(2)),
    p99: Number(percentile(sorted, 99).toFixed(2)),
    delivered: sorted.length,
    sent: run.sent,
    messagesPerSecond: Math.round(sorted.length / run.seconds),
  };
};

/**
 * `gateway.delivery`: CONNECTIONS customers connected and subscribed; messages posted through the
 * desk at RATE per second to random conversations; latency from the post call to the customer's
 * socket. Baseline: a bare `ws` server pushing to as many connections at the same rate.
 */
export async function benchGatewayDelivery(): Promise<BenchResult> {
  const raw = summary(await rawRun());
  const kefu = summary(await kefuRun());
  return {
    name: 'gateway.delivery',
    value: kefu.p99,
    unit: 'ms p99 delivery latency',
    baseline: raw.p99,
    ratio: Number((kefu.p99 / raw.p99).toFixed(3)),
    params: {
      connections: CONNECTIONS,
      targetRate: RATE,
      seconds: SECONDS,
      kefu,
      rawWs: raw,
      path: 'desk.messages.post (memory adapter) → gateway fan-out → WebSocket → client, one process',
      baseline: 'bare ws server sending the same frames to the same number of connections',
      goal: 'p99 < 50 ms at 1,000 messages/s',
      node: process.version,
    },
  };
}
