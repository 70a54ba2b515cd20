import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import { KefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import { VirtualClock } from '../time/virtual-clock';
import { nextHealth } from './health-probe';

const MINUTE = 60_000;

/** Memory storage that can be switched off: every read and write then fails like a lost database. */
function failingStorage() {
  const inner = createMemoryAdapter();
  const state = { down: false };
  const fail = () => {
    throw new KefuError('ADAPTER', 'connection refused (test stub)');
  };
  const guard =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      if (state.down) fail();
      return f(...args);
    };
  const storage: StorageAdapter = {
    ...inner,
    name: 'failing-memory',
    read: inner.read,
    transaction: guard((work) => inner.transaction(work)),
    events: {
      read: guard((after: number, limit: number) => inner.events.read(after, limit)),
      lastPosition: guard(() => inner.events.lastPosition()),
    },
    jobs: inner.jobs,
    close: () => inner.close(),
  };
  return { storage, state };
}

describe('nextHealth', () => {
  const thresholds = { failAfter: 3, recoverAfter: 2 };
  it('fails after three failures in a row, and recovers after two successes of every check', () => {
    let report = { at: 0, failing: false, checks: {} };
    const rounds: [string | null, string | null][] = [
      ['down', null],
      ['down', null],
      [null, null], // a success breaks the run
      ['down', null],
      ['down', null],
      ['down', null], // third in a row: failing
      [null, 'slow'],
      [null, null],
      [null, null], // both have two successes: recovered
    ];
    const failing = rounds.map(([storage, gateway], i) => {
      report = nextHealth(report, { storage, gateway }, thresholds, i);
      return report.failing;
    });
    expect(failing).toEqual([false, false, false, false, false, true, true, true, false]);
  });
});

describe('desk.incidents.watchHealth', () => {
  it('starts an incident when the storage fails its checks, and ends it on recovery, losing nothing', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
    const { storage, state } = failingStorage();
    const { desk } = await setupDesk({
      storage,
      clock,
      onError: () => {},
      sla: {
        policies: [
          {
            id: 'std',
            name: '标准',
            targets: { firstResponse: { withinMs: 60 * MINUTE, hours: 'calendar' } },
          },
        ],
      },
      jobs: { pollIntervalMs: 24 * 60 * MINUTE },
    });
    const waiting = await desk.conversations.start({ customerId: 'cus_lin' });
    const probe = desk.incidents.watchHealth({ intervalMs: MINUTE, failAfter: 3, recoverAfter: 2 });

    await clock.advance(2 * MINUTE);
    expect(probe.getSnapshot().checks.storage).toMatchObject({ ok: true, successes: 2 });
    expect(desk.incidents.getSnapshot()).toBeNull();

    state.down = true;
    await clock.advance(2 * MINUTE);
    expect(desk.incidents.getSnapshot()).toBeNull(); // two failures: not yet
    await clock.advance(MINUTE);
    const incident = desk.incidents.getSnapshot();
    expect(incident).toMatchObject({ source: 'health', mode: 'leave-message', endedAt: null });
    expect(incident?.reason).toContain('storage: connection refused');
    expect(incident?.message.en).toMatch(/leave a message/i);
    const startedAt = clock.now();

    state.down = false;
    await clock.advance(MINUTE);
    expect(desk.incidents.getSnapshot()).not.toBeNull(); // one success: not yet
    await clock.advance(MINUTE);
    expect(desk.incidents.getSnapshot()).toBeNull();
    probe.stop();

    // Written while the storage was down? No: both events reached the log once it was back.
    const logged = (await desk.events.read({ limit: 1000 })).filter((e) =>
      e.type.startsWith('incident.'),
    );
    expect(logged.map((e) => [e.type, e.at])).toEqual([
      ['incident.started', startedAt],
      ['incident.ended', startedAt + 2 * MINUTE],
    ]);
    // The clock never heard of the incident while the storage was down; the sweep skips it.
    await desk.jobs.runDue();
    const firstResponse = (await desk.conversations.get({ conversationId: waiting.id }))?.sla
      ?.clocks.firstResponse;
    expect(firstResponse).toMatchObject({ status: 'running', since: startedAt + 2 * MINUTE });
    expect(firstResponse?.elapsedMs).toBe(startedAt - waiting.createdAt);
  });

  it('counts a check that does not answer in time as failed, and never ends a manual incident', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
    const { desk } = await setupDesk({ clock });
    await desk.incidents.start({ message: { 'zh-CN': '维护', en: 'Maintenance' } });
    const probe = desk.incidents.watchHealth({
      intervalMs: MINUTE,
      timeoutMs: 1000,
      failAfter: 1,
      recoverAfter: 1,
      checks: { gateway: () => new Promise(() => {}) },
    });
    const round = probe.checkNow();
    await clock.advance(1000);
    const report = await round;
    expect(report.checks.gateway).toMatchObject({
      ok: false,
      lastError: 'no answer within 1000 ms',
    });
    expect(report.failing).toBe(true);
    probe.stop();
    expect(desk.incidents.getSnapshot()?.source).toBe('manual');
  });

  it('refuses bad options with VALIDATION', async () => {
    const { desk } = await setupDesk();
    expect(() => desk.incidents.watchHealth({ failAfter: 0 })).toThrow(/failAfter/);
  });
});
