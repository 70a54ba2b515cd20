import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type EventBus } from '@kefu/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from './create-gateway';
import { customer, openRaw, SECRET, until } from './gateway-test-setup';

/** A bus like Postgres LISTEN/NOTIFY, in memory: tells every subscriber the new position. */
function memoryBus(): EventBus {
  const listeners = new Set<Parameters<EventBus['subscribe']>[0]>();
  return {
    async publish(position, subjectKinds) {
      for (const listener of [...listeners]) listener(position, subjectKinds);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('gateway: fan-out across nodes', () => {
  it('delivers events committed on another node through the bus, and local ones once', async () => {
    // Two desks on one storage stand for two server nodes on one database.
    const storage = createMemoryAdapter();
    const bus = memoryBus();
    const nodeA = createDesk({ storage, routing: { auto: false } });
    const nodeB = createDesk({ storage, routing: { auto: false } });
    nodeB.on('*', (event) => void bus.publish(event.position));
    nodeA.on('*', (event) => void bus.publish(event.position));
    await nodeA.customers.upsert({ id: 'cus_lin' });
    const { id } = await nodeA.conversations.start({ customerId: 'cus_lin' });

    const gateway = createGateway({ desk: nodeA, identity: { secret: SECRET }, bus });
    const server = createServer();
    gateway.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () => new Promise<void>((resolve) => server.close(() => resolve())),
      () => gateway.close(),
    );
    const { port } = server.address() as AddressInfo;
    const lin = await openRaw(`ws://127.0.0.1:${port}/kefu`, customer('cus_lin'));
    cleanups.push(() => lin.close());
    lin.send({ type: 'subscribe', conversationId: id, afterSeq: 0 });
    await lin.next('synced');
    // Let the gateway's bus subscription settle.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const author = { kind: 'customer' as const, id: 'cus_lin' };
    await nodeB.messages.post({ conversationId: id, author, text: 'via node B' });
    await nodeA.messages.post({ conversationId: id, author, text: 'via node A' });
    await nodeB.messages.post({ conversationId: id, author, text: 'via node B again' });
    await until(() => lin.frames.filter((f) => f.type === 'message').length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const texts = lin.frames.flatMap((f) => (f.type === 'message' ? [f.message.text] : []));
    expect(texts).toEqual(['via node B', 'via node A', 'via node B again']);
  });
});
