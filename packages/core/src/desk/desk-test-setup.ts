import { createMemoryAdapter } from '@kefu/adapter-memory';
import { isKefuError } from '../errors/kefu-error';
import type { DomainEvent } from '../events/domain-events';
import type { StorageAdapter } from '../storage/storage-adapter';
import { VirtualClock } from '../time/virtual-clock';
import { type CreateDeskOptions, createDesk, type Desk } from './create-desk';

export const HOUR = 3_600_000;

/** A desk on fresh memory storage and a virtual clock, with the candy shop's people seeded (both agents online, capacity 5). */
export async function setupDesk(
  options: Partial<CreateDeskOptions> = {},
): Promise<{ desk: Desk; clock: VirtualClock; storage: StorageAdapter; events: DomainEvent[] }> {
  const clock =
    options.clock instanceof VirtualClock
      ? options.clock
      : new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
  const storage = options.storage ?? createMemoryAdapter();
  // Automatic routing is off unless a test asks for it, so tests drive assignment themselves.
  const desk = createDesk({ routing: { auto: false }, ...options, storage, clock });
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖', tier: 'vip', locale: 'zh-CN' });
  await desk.customers.upsert({ id: 'cus_amy', name: 'Amy Chen', locale: 'en' });
  await desk.agents.upsert({
    id: 'agt_wang',
    name: '王客服',
    skills: ['orders', 'zh'],
    presence: 'online',
  });
  await desk.agents.upsert({
    id: 'agt_li',
    name: '李售后',
    skills: ['after-sales'],
    presence: 'online',
  });
  const events: DomainEvent[] = [];
  desk.on('*', (event) => {
    events.push(event);
  });
  return { desk, clock, storage, events };
}

/** The `KefuError` code a call failed with, or `resolved`; any other failure is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isKefuError(error)) return error.code;
    throw error;
  }
  return 'resolved';
}
