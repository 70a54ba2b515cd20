import { createDesk, type Desk, isKefuError } from '@kefu/core';
import { afterEach, describe, expect, it } from 'vitest';
import { untilListening } from './test-support/bus';
import { DATABASE_URL, freshAdapter, pglite, randomSchema, runSql } from './test-support/databases';
import { allEvents, fourNodes, type Nodes } from './test-support/four-nodes';

const message = {
  'zh-CN': '物流系统故障，请先留言。',
  en: 'Delivery tracking is down; leave a message.',
};

describe.skipIf(!DATABASE_URL)('incident mode across desks on one PostgreSQL server', () => {
  let nodes: Nodes | null = null;
  afterEach(async () => {
    await nodes?.close();
    nodes = null;
  });

  /** Two running desks; the second has read the (empty) state and listens on its bus. */
  async function twoDesks() {
    nodes = await fourNodes();
    const [a, b] = nodes.desks as [Desk, Desk];
    const busB = nodes.adapters[1]?.bus;
    if (!busB) throw new Error('no bus');
    expect(await b.incidents.current()).toBeNull();
    let heard = false;
    const off = busB.subscribe(() => {
      heard = true;
    });
    expect(await untilListening(nodes.adapters[0]?.bus ?? busB, () => heard)).toBe(true);
    off();
    return { a, b, nodes };
  }

  it('shows an incident started on one desk to the other without a restart, and its end', async () => {
    const { a, b } = await twoDesks();
    await a.customers.upsert({ id: 'cus_lin', name: '林小糖' });
    const seen: (string | null)[] = [];
    b.incidents.subscribe(() => seen.push(b.incidents.getSnapshot()?.mode ?? null));

    const started = await a.incidents.start({ message, mode: 'leave-message', by: 'agt_zhao' });
    await expect.poll(() => b.incidents.getSnapshot()?.id, { timeout: 5000 }).toBe(started.id);
    expect(b.incidents.getSnapshot()).toEqual(started);
    // The other desk acts on it: a new conversation there is a left message.
    const left = await b.conversations.start({
      customerId: 'cus_lin',
      message: { text: '在吗？' },
    });
    expect(left.leftMessage).toBe(true);

    const ended = await a.incidents.end({ by: 'agt_zhao' });
    await expect.poll(() => b.incidents.getSnapshot(), { timeout: 5000 }).toBeNull();
    expect(await b.incidents.current()).toBeNull();
    expect(ended.endedAt).not.toBeNull();
    expect(seen).toEqual(['leave-message', null]);
  });

  it('lets one of two desks starting at once win; the other is refused and follows it', async () => {
    const { a, b, nodes } = await twoDesks();
    // What each desk's listeners saw: the loser goes straight to the winner's incident.
    const seen: Record<'a' | 'b', (string | null)[]> = { a: [], b: [] };
    a.incidents.subscribe(() => seen.a.push(a.incidents.getSnapshot()?.mode ?? null));
    b.incidents.subscribe(() => seen.b.push(b.incidents.getSnapshot()?.mode ?? null));
    const results = await Promise.allSettled([
      a.incidents.start({ message, mode: 'bot-only', by: 'agt_zhao' }),
      b.incidents.start({ message, mode: 'leave-message', by: 'agt_sun' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason;
    expect(isKefuError(reason, 'INVALID_TRANSITION')).toBe(true);
    const winner = (won[0] as PromiseFulfilledResult<{ id: string }>).value;
    // Both desks hold the winner at once: the loser read it back when refused.
    expect(a.incidents.getSnapshot()?.id).toBe(winner.id);
    expect(b.incidents.getSnapshot()?.id).toBe(winner.id);
    const started = (await allEvents(a)).filter((e) => e.type === 'incident.started');
    expect(started.map((e) => e.subject.id)).toEqual([winner.id]);
    expect((await nodes.adapters[0]?.read.incidents.list({ limit: 10 }))?.length).toBe(1);
    const mode = a.incidents.getSnapshot()?.mode ?? 'none';
    const loser = mode === 'bot-only' ? seen.b : seen.a;
    expect(loser.at(-1)).toBe(mode);
    expect(loser).not.toContain(null);
  });

  it('ends on the second desk an incident the first started, once', async () => {
    const { a, b } = await twoDesks();
    const started = await a.incidents.start({ message, mode: 'normal' });
    await expect.poll(() => b.incidents.getSnapshot()?.id, { timeout: 5000 }).toBe(started.id);
    const ended = await b.incidents.end({ by: 'agt_sun' });
    expect(ended).toMatchObject({ id: started.id, endedBy: 'agt_sun' });
    await expect.poll(() => a.incidents.getSnapshot(), { timeout: 5000 }).toBeNull();
    // Ending again from the first desk is refused, whatever it believed.
    await expect(a.incidents.end()).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await allEvents(a)).filter((e) => e.type === 'incident.ended')).toHaveLength(1);
  });

  it('has a desk started later read the active incident from storage', async () => {
    const { a, nodes } = await twoDesks();
    const started = await a.incidents.start({ message, mode: 'bot-only' });
    const late = nodes.desks[2] as Desk;
    expect(await late.incidents.current()).toEqual(started);
  });
});

describe('migration 8 (incidents) on a desk that already had incidents', () => {
  it('fills the incidents table from the event log, the newest still active', async () => {
    const client = await pglite();
    const schema = randomSchema();
    const storage = await freshAdapter(client, schema);
    try {
      const desk = createDesk({ storage });
      const first = await desk.incidents.start({ message, mode: 'normal' });
      const firstEnded = await desk.incidents.end();
      const second = await desk.incidents.start({ message, mode: 'leave-message' });
      await desk.stop();
      // Back to the schema before migration 8: the events are all there was.
      await runSql(client, `DROP TABLE "${schema}".incidents`);
      await runSql(client, `DELETE FROM "${schema}".kefu_migrations WHERE version = 8`);
      expect((await storage.migrate()).applied).toEqual([8]);
      expect(await storage.read.incidents.get(first.id)).toEqual(firstEnded);
      expect(await storage.read.incidents.latest()).toEqual(second);
      const restarted = createDesk({ storage });
      expect(await restarted.incidents.current()).toEqual(second);
      await restarted.stop();
    } finally {
      await storage.close();
    }
  });
});
