import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, SUPERVISED_STATUSES } from '@kefu/core';
import { type BenchResult, median } from './bench-result';

const OPEN = 1_000;
const ROUNDS = 15;

/**
 * The supervisor live view over 1000 open conversations (memory storage): `desk.supervision.live()`
 * against the baseline of the reads it cannot avoid, paging `desk.conversations.list` over the
 * same statuses. The ratio is what building, summarising and ordering the rows costs on top.
 */
export async function benchSupervisionLiveView(): Promise<BenchResult> {
  const desk = createDesk({ storage: createMemoryAdapter(), routing: { auto: false } });
  await desk.customers.upsert({ id: 'cus_lin' });
  for (let i = 0; i < 10; i++) await desk.agents.upsert({ id: `agt_${i}`, capacity: 100 });
  for (let i = 0; i < OPEN; i++) {
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: i % 7 ? '我的糖果什么时候到？' : '太差了！！快递一周都没到' },
    });
    if (i % 3) await desk.conversations.assign({ conversationId: id, agentId: `agt_${i % 10}` });
  }
  const time = async (work: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const readAll = async () => {
    let cursor: string | undefined;
    do {
      const page = await desk.conversations.list({
        status: [...SUPERVISED_STATUSES],
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  };
  const live: number[] = [];
  const reads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    reads.push(await time(readAll));
    live.push(await time(() => desk.supervision.live()));
  }
  await desk.stop();
  const value = median(live);
  const baseline = median(reads);
  return {
    name: 'supervision.live-view-ms',
    value,
    unit: 'ms',
    baseline,
    ratio: value / baseline,
    params: { open: OPEN, rounds: ROUNDS, storage: 'memory' },
  };
}
