import { afterEach, describe, expect, it } from 'vitest';
import {
  agent,
  connectClient,
  customer,
  type GatewayFixture,
  startGateway,
  until,
} from './gateway-test-setup';

let fixture: GatewayFixture;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await fixture?.close();
});

const texts = (client: ReturnType<typeof connectClient>, id: string) =>
  client.getSnapshot().conversations[id]?.messages.map((m) => m.text) ?? [];

describe('gateway + client: reconnect and resume', () => {
  it('after a cut, resumes from the last seq: every message once, in order, outbox sent once', async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    await fixture.desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    // A slow, fixed reconnect delay, so the writes below surely happen while Lin is away.
    const lin = connectClient(fixture.url, customer('cus_lin'), {
      minDelayMs: 300,
      random: () => 0.99,
    });
    cleanups.push(() => lin.close());
    lin.watch(id);
    const reply = (text: string) =>
      fixture.desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_wang' },
        text,
      });
    await reply('a1');
    await reply('a2');
    await until(() => texts(lin, id).length === 2);

    let statuses: string[] = [];
    const off = lin.subscribe(() => statuses.push(lin.getSnapshot().status));
    expect(fixture.killSockets()).toBe(1);
    await until(() => lin.getSnapshot().status === 'reconnecting');
    statuses = [];
    // While Lin is away: the agent keeps writing, and Lin writes into the outbox.
    await reply('a3');
    lin.send(id, 'c1');
    await reply('a4');
    lin.send(id, 'c2');
    expect(lin.getSnapshot().conversations[id]?.messages.map((m) => m.status)).toEqual([
      'sent',
      'sent',
      'sending',
      'sending',
    ]);
    await until(() => lin.getSnapshot().status === 'open');
    off();
    expect(statuses).toContain('open');
    await until(() => {
      const messages = lin.getSnapshot().conversations[id]?.messages ?? [];
      return messages.length === 6 && messages.every((m) => m.status === 'sent');
    });
    const stored = await fixture.desk.messages.list({ conversationId: id });
    expect(stored.map((m) => m.text)).toEqual(['a1', 'a2', 'a3', 'a4', 'c1', 'c2']);
    expect(texts(lin, id)).toEqual(['a1', 'a2', 'a3', 'a4', 'c1', 'c2']);
    expect(lin.getSnapshot().conversations[id]?.syncedSeq).toBe(6);
  });

  it('fills the gap left by an internal note without showing it to the customer', async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    await fixture.desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const lin = connectClient(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    lin.watch(id);
    await until(() => lin.getSnapshot().status === 'open');
    const post = (text: string, internal = false) =>
      fixture.desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_wang' },
        text,
        internal,
      });
    await post('public 1');
    await post('secret', true);
    await post('public 3');
    await until(() => lin.getSnapshot().conversations[id]?.syncedSeq === 3);
    expect(texts(lin, id)).toEqual(['public 1', 'public 3']);
  });

  it('keeps the snapshot referentially stable until something changes', async () => {
    fixture = await startGateway();
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    const lin = connectClient(fixture.url, customer('cus_lin'));
    cleanups.push(() => lin.close());
    lin.watch(id);
    await until(() => lin.getSnapshot().conversations[id]?.conversation !== null);
    const snapshot = lin.getSnapshot();
    expect(lin.getSnapshot()).toBe(snapshot);
    lin.send(id, '你好');
    const next = lin.getSnapshot();
    expect(next).not.toBe(snapshot);
    expect(next.conversations[id]?.messages.at(-1)).toMatchObject({ text: '你好' });
  });
});

/** Mulberry32: a tiny seeded PRNG, so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('gateway + client: fault injection', () => {
  it('survives 1,000 random socket kills while both sides send: each side gets every message once, in order', async () => {
    const SEED = 20261122;
    const KILLS = 1_000;
    const PER_SIDE = 150;
    const random = seeded(SEED);
    fixture = await startGateway({
      limits: { messagesPerMinute: 10_000, framesPerMinute: 100_000 },
    });
    const { id } = await fixture.desk.conversations.start({ customerId: 'cus_lin' });
    await fixture.desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const lin = connectClient(fixture.url, customer('cus_lin'), { random });
    const wang = connectClient(fixture.url, agent('token-wang'), { random });
    cleanups.push(
      () => lin.close(),
      () => wang.close(),
    );
    lin.watch(id);
    wang.watch(id);

    let kills = 0;
    let sent = 0;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const killer = (async () => {
      while (kills < KILLS) {
        await sleep(Math.floor(random() * 4));
        const open = [...fixture.sockets];
        const victim = open[Math.floor(random() * open.length)];
        if (!victim) continue;
        victim.destroy();
        fixture.sockets.delete(victim);
        kills++;
        // Spread the sends over the kills.
        if (sent < PER_SIDE && kills % Math.floor(KILLS / PER_SIDE) === 0) {
          lin.send(id, `lin ${sent}`);
          wang.send(id, `wang ${sent}`);
          sent++;
        }
      }
    })();
    await killer;
    while (sent < PER_SIDE) {
      lin.send(id, `lin ${sent}`);
      wang.send(id, `wang ${sent}`);
      sent++;
    }

    const total = PER_SIDE * 2;
    const settled = (client: typeof lin) => {
      const messages = client.getSnapshot().conversations[id]?.messages ?? [];
      return messages.length === total && messages.every((m) => m.status === 'sent');
    };
    await until(() => settled(lin) && settled(wang), 30_000);

    const stored = await fixture.desk.messages.list({ conversationId: id, limit: 500 });
    expect(stored).toHaveLength(total);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const client of [lin, wang]) {
      const messages = client.getSnapshot().conversations[id]?.messages ?? [];
      expect(messages.map((m) => m.seq)).toEqual(stored.map((m) => m.seq));
      expect(messages.map((m) => m.text)).toEqual(stored.map((m) => m.text));
    }
    // Each side's messages were stored in the order it sent them.
    for (const side of ['lin', 'wang']) {
      const mine = stored.filter((m) => m.text.startsWith(side)).map((m) => m.text);
      expect(mine).toEqual(Array.from({ length: PER_SIDE }, (_, i) => `${side} ${i}`));
    }
    expect(kills).toBe(KILLS);
  }, 90_000);
});
