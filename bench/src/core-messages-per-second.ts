import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type Message, type StorageAdapter } from '@kefu/core';
import { type BenchResult, median, opsPerSecond } from './bench-result';

const MESSAGES = 20_000;
const ROUNDS = 7;

/** A round's rate by the wall clock and by the process's CPU time (which other processes on a
 * loaded machine move far less: the wall-clock rate is the headline, the CPU rate the check). */
interface Round {
  wall: number;
  cpu: number;
}

async function measure(n: number, work: (count: number) => Promise<void>): Promise<Round> {
  let cpuSeconds = 0;
  const wall = await opsPerSecond(n, async (count) => {
    const started = process.cpuUsage();
    await work(count);
    const used = process.cpuUsage(started);
    cpuSeconds = (used.user + used.system) / 1e6;
  });
  return { wall, cpu: n / cpuSeconds };
}

async function deskRound(n: number): Promise<Round> {
  const desk = createDesk({ storage: createMemoryAdapter() });
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服' });
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
  return measure(n, async (count) => {
    for (let i = 0; i < count; i++) {
      await desk.messages.post({
        conversationId: id,
        author: i % 2 ? { kind: 'customer', id: 'cus_lin' } : { kind: 'agent', id: 'agt_wang' },
        text: '我的糖果什么时候到？',
      });
    }
  });
}

// The same rows written straight into the adapter: what storage costs without the desk's work
// (validation, the machine, events to listeners).
async function adapterRound(n: number): Promise<Round> {
  const storage: StorageAdapter = createMemoryAdapter();
  const desk = createDesk({ storage });
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  return measure(n, async (count) => {
    for (let i = 0; i < count; i++) {
      await storage.transaction(async (tx) => {
        const conversation = await tx.conversations.get(id, { forUpdate: true });
        if (!conversation) throw new Error('conversation vanished');
        const seq = conversation.lastSeq + 1;
        const message: Message = {
          id: `msg_${i}`,
          conversationId: id,
          seq,
          author: { kind: 'customer', id: 'cus_lin' },
          text: '我的糖果什么时候到？',
          attachments: [],
          internal: false,
          clientId: null,
          createdAt: i,
        };
        await tx.conversations.update(
          { ...conversation, lastSeq: seq, version: conversation.version + 1 },
          conversation.version,
        );
        await tx.messages.insert(message);
        await tx.events.append([
          {
            type: 'message.posted',
            at: i,
            subject: { kind: 'conversation', id },
            data: { message },
          },
        ]);
      });
    }
  });
}

/**
 * `core.messages-per-second`: `desk.messages.post` on the memory adapter, against the same rows
 * written straight into the adapter.
 *
 * The gap between the two is the desk's own work per message; `deskOwnMicroseconds` reports it.
 * History (docs/concepts/architecture.md, "The hot path"): the ratio sat near 0.56–0.6 until
 * stop 30, with about 6 µs of desk work beside about 8.5 µs of storage on a quiet machine. Stop 30
 * removed the three largest parts of that work: zod's generic walk of every post (an accept-only
 * fast path returns the same parsed value for the common post and leaves everything else to the
 * schema), the machine's spread of the frozen stored snapshot (about 0.9 µs; a copy by named
 * fields takes 0.1 µs), and the normalisation and folding of every customer message for the
 * sentiment check (about 1 µs → 0.3 µs). What is left is the command runner and its awaits, the
 * message id, the event to listeners, and the allocation those make.
 */
export async function benchMessagesPerSecond(): Promise<BenchResult> {
  await deskRound(2_000);
  await adapterRound(2_000);
  const desk: Round[] = [];
  const baseline: Round[] = [];
  const ratios: number[] = [];
  // Interleaved rounds, each pair back to back and in alternating order, so drift in machine load
  // hits both sides alike; the ratio is the median of the pairs' ratios.
  for (let round = 0; round < ROUNDS; round++) {
    const adapterFirst = round % 2 === 1 ? await adapterRound(MESSAGES) : null;
    const deskSide = await deskRound(MESSAGES);
    const adapterSide = adapterFirst ?? (await adapterRound(MESSAGES));
    desk.push(deskSide);
    baseline.push(adapterSide);
    ratios.push(deskSide.wall / adapterSide.wall);
  }
  const value = median(desk.map((r) => r.wall));
  const base = median(baseline.map((r) => r.wall));
  const cpu = median(desk.map((r) => r.cpu));
  const cpuBase = median(baseline.map((r) => r.cpu));
  return {
    name: 'core.messages-per-second',
    value: Math.round(value),
    unit: 'messages/s',
    baseline: Math.round(base),
    ratio: Number(median(ratios).toFixed(3)),
    params: {
      messagesPerRound: MESSAGES,
      rounds: ROUNDS,
      statistic: 'value, baseline: medians of each side; ratio: median of the per-round ratios',
      roundRatios: ratios.map((r) => Number(r.toFixed(3))),
      adapter: 'memory',
      baseline: 'the same rows written straight into the memory adapter',
      goal: 'value >= 50000',
      cpuMessagesPerSecond: Math.round(cpu),
      cpuBaseline: Math.round(cpuBase),
      cpuRatio: Number((cpu / cpuBase).toFixed(3)),
      deskOwnMicroseconds: Number((1e6 / value - 1e6 / base).toFixed(2)),
      node: process.version,
    },
  };
}
