import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';

const MINUTE = 60_000;

describe('desk: live metrics', () => {
  it('keeps a live snapshot of the queue, agents and SLA risk for subscribers', async () => {
    const { desk, clock } = await setupDesk({
      sla: {
        policies: [
          {
            id: 'p',
            name: 'p',
            warnAt: [0.5],
            targets: { firstResponse: { withinMs: 10 * MINUTE, hours: 'calendar' } },
          },
        ],
      },
      jobs: { pollIntervalMs: 1000 * MINUTE },
    });
    await desk.jobs.start();
    const seen: number[] = [];
    desk.metrics.subscribe(() => seen.push(desk.metrics.getSnapshot().queueLength));
    const first = await desk.conversations.start({ customerId: 'cus_lin' });
    await clock.advance(6 * MINUTE);
    await desk.conversations.start({ customerId: 'cus_amy' });
    await desk.conversations.assign({ conversationId: first.id, agentId: 'agt_wang' });
    const snapshot = await desk.metrics.refresh();
    expect(snapshot).toMatchObject({
      queueLength: 1,
      longestWaitMs: 0,
      agentsOnline: 2,
      agentsBusy: 1,
      slaAtRisk: 1,
      slaBreached: 0,
    });
    expect(desk.metrics.getSnapshot()).toBe(snapshot);
    expect(seen).toContain(2);
    await clock.advance(20 * MINUTE);
    expect((await desk.metrics.refresh()).slaBreached).toBe(2);
    await desk.stop();
  });

  it('exposes gauges and event counters as Prometheus text', async () => {
    const { desk } = await setupDesk();
    await desk.conversations.start({ customerId: 'cus_lin' });
    const text = await desk.metrics.prometheus();
    expect(text).toContain('# TYPE kefu_queue_length gauge\nkefu_queue_length 1\n');
    expect(text).toContain('kefu_agents_online 2\n');
    expect(text).toContain('kefu_events_total{type="conversation.started"} 1\n');
    expect(text).toMatch(/kefu_events_total\{type="agent.upserted"\} 2\n/);
    for (const line of text.trim().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{\w+="[^"]*"\})? -?\d+(\.\d+)?)$/);
    }
  });
});
