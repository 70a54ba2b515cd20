import { createMemoryAdapter } from '@kefu/adapter-memory';
import {
  type Conversation,
  createDesk,
  type Message,
  newId,
  type StorageAdapter,
  type StorageTransaction,
} from '@kefu/core';
import { type BenchResult, collectGarbage, median, opsPerSecond } from './bench-result';
import { customerMessage, postedEvent } from './message-rows';

const MESSAGES = 20_000;
const ROUNDS = 9;

/** A round's rate by the wall clock and by the process's CPU time (which other processes on a
 * loaded machine move far less: the wall-clock rate is the headline, the CPU rate the check). */
interface Round {
  wall: number;
  cpu: number;
}

async function measure(n: number, work: (count: number) => Promise<void>): Promise<Round> {
  // Every round starts on a collected heap: a side never pays for the desks and adapters the
  // rounds before it left behind (which swung single rounds' ratios from 0.66 to 1.46).
  collectGarbage();
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

/** A conversation on a fresh memory desk, and its storage, for one baseline or floor round. */
async function freshConversation(): Promise<{ storage: StorageAdapter; id: string }> {
  const storage: StorageAdapter = createMemoryAdapter();
  const desk = createDesk({ storage });
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  return { storage, id };
}

/** The rows one message makes: the conversation's next seq, the message, `message.posted`. */
async function writeMessageRows(
  tx: StorageTransaction,
  conversation: Conversation,
  messageId: string,
  at: number,
): Promise<Message> {
  const seq = conversation.lastSeq + 1;
  const message = customerMessage(conversation.id, seq, messageId, at);
  await tx.conversations.update(
    { ...conversation, lastSeq: seq, version: conversation.version + 1 },
    conversation.version,
  );
  await tx.messages.insert(message);
  await tx.events.append([postedEvent(message)]);
  return message;
}

async function readForUpdate(tx: StorageTransaction, id: string): Promise<Conversation> {
  const conversation = await tx.conversations.get(id, { forUpdate: true });
  if (!conversation) throw new Error('conversation vanished');
  return conversation;
}

// The same rows written straight into the adapter: what storage costs without the desk's work
// (validation, the machine, events to listeners). Their times are epoch milliseconds like the
// desk's: a small integer (V8 keeps it in the field itself) instead would spare each stored
// message and event a heap number, and the scavenger copying it, which the desk's rows have.
async function adapterRound(n: number): Promise<Round> {
  const { storage, id } = await freshConversation();
  const epoch = Date.now();
  return measure(n, async (count) => {
    for (let i = 0; i < count; i++) {
      await storage.transaction(async (tx) =>
        writeMessageRows(tx, await readForUpdate(tx, id), `msg_${i}`, epoch + i),
      );
    }
  });
}

// The floor: the same rows inside only the shape every command of the desk has (the command's
// promise, the transaction's callback awaiting the body, the body awaiting its step), with a
// new id and a clock read, and nothing else: no validation, no machine, no listeners. No desk
// built that way can beat this ratio; it shows how much of the gap is the shape itself.
async function floorRound(n: number): Promise<Round> {
  const { storage, id } = await freshConversation();
  const step = async (tx: StorageTransaction) =>
    writeMessageRows(tx, await readForUpdate(tx, id), newId('msg_'), Date.now());
  const command = async () => storage.transaction(async (tx) => await step(tx));
  return measure(n, async (count) => {
    for (let i = 0; i < count; i++) await command();
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
 * sentiment check (about 1 µs → 0.3 µs). Stop 31 took two async frames off the post (the API
 * method returns the command's promise; the conversation is read in the body itself): 0.74 → 0.8.
 * Stop 32 made ids flat strings (`newId`: nanoid's ids are rope chains, 200 bytes kept per id
 * against 48) and the runner and the conversation write promise chains; it also collects the heap
 * before every round and gives the bare rows epoch-millisecond times like the desk's. The desk
 * stayed at 0.80–0.84. The third side, `floorRatio`, is the same rows inside only a command's
 * shape, with a new id and a clock read: 0.93–0.96 since the flat ids, so what is left between the
 * desk and the bare writes is the desk's own work (validation, the machine, its checks, the event
 * to listeners), spread thin: no part of it is more than about 4 % of a post.
 */
export async function benchMessagesPerSecond(): Promise<BenchResult> {
  await deskRound(2_000);
  await adapterRound(2_000);
  await floorRound(2_000);
  const desk: Round[] = [];
  const baseline: Round[] = [];
  const ratios: number[] = [];
  const floorRatios: number[] = [];
  // Interleaved rounds, the three sides back to back in an order that rotates, so drift in
  // machine load hits all of them alike; each ratio is the median of the rounds' ratios.
  const sides = [deskRound, adapterRound, floorRound];
  for (let round = 0; round < ROUNDS; round++) {
    const results = new Map<(n: number) => Promise<Round>, Round>();
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(round + k) % sides.length] as (n: number) => Promise<Round>;
      results.set(side, await side(MESSAGES));
    }
    const deskSide = results.get(deskRound) as Round;
    const adapterSide = results.get(adapterRound) as Round;
    desk.push(deskSide);
    baseline.push(adapterSide);
    ratios.push(deskSide.wall / adapterSide.wall);
    floorRatios.push((results.get(floorRound) as Round).wall / adapterSide.wall);
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
      floorRatio: Number(median(floorRatios).toFixed(3)),
      floor:
        'the same rows inside only the shape of a command (three awaited layers), a new id and a clock read',
      node: process.version,
    },
  };
}
