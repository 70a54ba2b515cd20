import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { KefuError } from '../errors/kefu-error';
import type { DomainEvent, DomainEventDraft } from '../events/domain-events';
import { createSlaRuntime } from '../sla/sla-runtime';
import type { StorageAdapter } from '../storage/storage-adapter';
import { VirtualClock } from '../time/virtual-clock';
import { createCommandRunner } from './command-runner';
import { DeskSettingsSchema } from './desk-settings';
import { EventPublisher } from './event-publisher';

/** A `message.posted` draft whose text names the attempt that made it. */
const posted = (text: string): DomainEventDraft => ({
  type: 'message.posted',
  at: 0,
  subject: { kind: 'conversation', id: 'cnv_1' },
  data: {
    message: {
      id: `msg_${text}`,
      conversationId: 'cnv_1',
      seq: 1,
      author: { kind: 'agent', id: 'agt_wang' },
      text,
      attachments: [],
      internal: false,
      clientId: null,
      createdAt: 0,
    },
  },
});

function runnerOn(storage: StorageAdapter, ready?: () => Promise<void>) {
  const settings = DeskSettingsSchema.parse({});
  const published: DomainEvent[] = [];
  const publisher = new EventPublisher((error) => {
    throw error;
  });
  publisher.on('*', (event) => {
    published.push(event);
  });
  const run = createCommandRunner({
    storage,
    clock: new VirtualClock(Date.UTC(2026, 10, 11, 1, 0)),
    publisher,
    settings,
    sla: createSlaRuntime(settings.sla),
    onJobScheduled: () => {},
    ...(ready ? { ready } : {}),
  });
  return { run, published, maxAttempts: settings.maxCommandAttempts };
}

describe('createCommandRunner', () => {
  it('reruns a body that lost to a concurrent writer, and publishes only the attempt that committed', async () => {
    const storage = createMemoryAdapter();
    const { run, published } = runnerOn(storage);
    let calls = 0;
    const result = await run(async (_tx, context) => {
      calls++;
      context.emit(posted(`attempt-${calls}`));
      if (calls < 3) throw new KefuError('CONFLICT', 'a concurrent writer won');
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(
      published.map((event) => event.type === 'message.posted' && event.data.message.text),
    ).toEqual(['attempt-3']);
    expect(await storage.events.lastPosition()).toBe(1);
  });

  it('gives up with the CONFLICT after the configured attempts, publishing and storing nothing', async () => {
    const storage = createMemoryAdapter();
    const { run, published, maxAttempts } = runnerOn(storage);
    let calls = 0;
    const outcome = run(async (_tx, context) => {
      calls++;
      context.emit(posted('never'));
      throw new KefuError('CONFLICT', 'always behind');
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(calls).toBe(maxAttempts);
    expect(published).toEqual([]);
    expect(await storage.events.lastPosition()).toBe(0);
  });

  it('does not rerun other errors', async () => {
    const { run } = runnerOn(createMemoryAdapter());
    let calls = 0;
    await expect(
      run(async () => {
        calls++;
        throw new KefuError('VALIDATION', 'bad');
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(calls).toBe(1);
  });

  it('answers an adapter that throws instead of rejecting with a rejected promise', async () => {
    const broken = {
      ...createMemoryAdapter(),
      transaction: () => {
        throw new KefuError('UNAVAILABLE', 'the pool is closed');
      },
    } as StorageAdapter;
    const { run } = runnerOn(broken);
    let outcome: Promise<unknown> | undefined;
    expect(() => {
      outcome = run(async () => 'never');
    }).not.toThrow();
    await expect(outcome).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('waits for the desk to be ready before the first commands, and not once it is', async () => {
    let readyCalls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { run } = runnerOn(createMemoryAdapter(), () => {
      readyCalls++;
      return gate;
    });
    const order: string[] = [];
    const first = run(async () => order.push('first'));
    const second = run(async () => order.push('second'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    await run(async () => order.push('third'));
    expect(order).toEqual(['first', 'second', 'third']);
    expect(readyCalls).toBe(2);
  });
});
