import { describe, expect, it } from 'vitest';
import type { Incident } from '../../incidents/incident';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import { FIXTURE_NOW } from './fixtures';

/** A valid active incident record, with fields overridable. */
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc_1',
    mode: 'leave-message',
    message: { 'zh-CN': '物流系统故障，请先留言。', en: 'Tracking is down; leave a message.' },
    source: 'manual',
    reason: null,
    startedAt: FIXTURE_NOW,
    startedBy: 'agt_zhao',
    endedAt: null,
    endedBy: null,
    ...overrides,
  };
}

export function incidentsConformance(adapter: GetAdapter): void {
  describe('incidents', () => {
    it('stores an incident, ends it once, and reads the newest first', async () => {
      expect(await adapter().read.incidents.latest()).toBeNull();
      const first = makeIncident();
      await adapter().transaction((tx) => tx.incidents.insert(first));
      expect(await adapter().read.incidents.get(first.id)).toEqual(first);
      expect(await adapter().read.incidents.get('inc_missing')).toBeNull();
      expect(await adapter().read.incidents.latest()).toEqual(first);

      const ended = { ...first, endedAt: FIXTURE_NOW + 60_000, endedBy: 'agt_zhao' };
      await adapter().transaction((tx) => tx.incidents.end(ended));
      expect(await adapter().read.incidents.latest()).toEqual(ended);
      // Ending again (another node was first) and ending what was never stored are conflicts.
      await expectKefuError(
        adapter().transaction((tx) => tx.incidents.end({ ...ended, endedBy: 'agt_sun' })),
        'CONFLICT',
      );
      await expectKefuError(
        adapter().transaction((tx) =>
          tx.incidents.end(makeIncident({ id: 'inc_never', endedAt: FIXTURE_NOW })),
        ),
        'CONFLICT',
      );
      await expectKefuError(
        adapter().transaction((tx) => tx.incidents.insert(first)),
        'CONFLICT',
      );
      expect(await adapter().read.incidents.get(first.id)).toEqual(ended);

      const second = makeIncident({ id: 'inc_2', startedAt: FIXTURE_NOW + 120_000 });
      await adapter().transaction((tx) => tx.incidents.insert(second));
      expect(await adapter().read.incidents.latest()).toEqual(second);
      expect((await adapter().read.incidents.list({ limit: 10 })).map((i) => i.id)).toEqual([
        'inc_2',
        'inc_1',
      ]);
      expect((await adapter().read.incidents.list({ limit: 1 })).map((i) => i.id)).toEqual([
        'inc_2',
      ]);
    });

    it('keeps a second active incident out, but takes ended ones beside it', async () => {
      await adapter().transaction((tx) => tx.incidents.insert(makeIncident()));
      await expectKefuError(
        adapter().transaction((tx) =>
          tx.incidents.insert(makeIncident({ id: 'inc_2', startedAt: FIXTURE_NOW + 1 })),
        ),
        'CONFLICT',
      );
      expect(await adapter().read.incidents.get('inc_2')).toBeNull();
      // An incident that started and ended while the storage was away is recorded afterwards.
      const past = makeIncident({
        id: 'inc_0',
        source: 'health',
        startedAt: FIXTURE_NOW - 10_000,
        startedBy: null,
        endedAt: FIXTURE_NOW - 5_000,
      });
      await adapter().transaction((tx) => tx.incidents.insert(past));
      expect(await adapter().read.incidents.get('inc_0')).toEqual(past);
      expect((await adapter().read.incidents.latest())?.id).toBe('inc_1');
    });

    it('starts the next incident in the same transaction that ends the last', async () => {
      const first = makeIncident();
      await adapter().transaction((tx) => tx.incidents.insert(first));
      await adapter().transaction(async (tx) => {
        await tx.incidents.end({ ...first, endedAt: FIXTURE_NOW + 1 });
        await tx.incidents.insert(makeIncident({ id: 'inc_2', startedAt: FIXTURE_NOW + 2 }));
      });
      expect((await adapter().read.incidents.latest())?.id).toBe('inc_2');
    });

    it('keeps nothing of a transaction that throws', async () => {
      await expect(
        adapter().transaction(async (tx) => {
          await tx.incidents.insert(makeIncident({ id: 'inc_gone' }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await adapter().read.incidents.latest()).toBeNull();
    });
  });
}
