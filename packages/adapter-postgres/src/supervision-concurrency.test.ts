import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_URL } from './test-support/databases';
import { fourNodes, type Nodes } from './test-support/four-nodes';

// Supervisors on different nodes acting on one conversation at once (issue 21).
describe.skipIf(!DATABASE_URL)('supervision under concurrency (DATABASE_URL)', () => {
  let nodes: Nodes | null = null;
  afterEach(async () => {
    await nodes?.close();
    nodes = null;
  });

  it('two supervisors barging in from two nodes: one wins, the load moves once', async () => {
    nodes = await fourNodes();
    const { first, desks } = nodes;
    await first.customers.upsert({ id: 'cus_lin' });
    await first.agents.upsert({ id: 'agt_wang', presence: 'online' });
    await first.agents.upsert({ id: 'agt_zhao', role: 'supervisor' });
    await first.agents.upsert({ id: 'agt_qian', role: 'admin' });
    for (let round = 0; round < 5; round++) {
      const { id } = await first.conversations.start({ customerId: 'cus_lin' });
      await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
      const results = await Promise.allSettled([
        desks[1]?.supervision.bargeIn({ conversationId: id, supervisorId: 'agt_zhao' }),
        desks[2]?.supervision.bargeIn({ conversationId: id, supervisorId: 'agt_qian' }),
        desks[3]?.supervision.whisper({
          conversationId: id,
          supervisorId: 'agt_zhao',
          text: '注意',
        }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason.code).toBe('CONFLICT');
      const winner = (await first.conversations.get(id))?.assigneeId;
      expect(['agt_zhao', 'agt_qian']).toContain(winner);
      const barged = (await first.events.read({ after: 0, limit: 1000 })).filter(
        (e) => e.type === 'conversation.barged_in' && e.subject.id === id,
      );
      expect(barged).toHaveLength(1);
      await first.conversations.close({ conversationId: id });
    }
    for (const id of ['agt_wang', 'agt_zhao', 'agt_qian']) {
      expect((await first.agents.get(id))?.load, id).toBe(0);
    }
  });
});
