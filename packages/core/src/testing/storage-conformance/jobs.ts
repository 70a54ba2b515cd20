import { describe, expect, it } from 'vitest';
import type { Job, JobDraft } from '../../jobs/job';
import { expectKefuError, type GetAdapter } from './expect-kefu-error';
import { FIXTURE_NOW, makeJobDraft } from './fixtures';

const LEASE = 30_000;

export function jobsConformance(adapter: GetAdapter): void {
  const schedule = (draft: JobDraft, now = FIXTURE_NOW) =>
    adapter().transaction((tx) => tx.jobs.schedule(draft, now));
  const claim = (now: number, limit = 10) =>
    adapter().jobs.claimDue({ now, leaseMs: LEASE, limit });
  const complete = (job: Job, now = FIXTURE_NOW) =>
    adapter().transaction((tx) => tx.jobs.complete(job.id, job.claimToken ?? '', now));

  describe('jobs', () => {
    it('schedules a job and finds it live by key', async () => {
      const draft = makeJobDraft();
      const job = await schedule(draft);
      expect(job).toMatchObject({
        ...draft,
        status: 'scheduled',
        attempts: 0,
        claimToken: null,
        leaseUntil: null,
      });
      expect(await adapter().jobs.findLive(draft.key)).toEqual(job);
    });

    it('claims only due jobs, earliest first, up to the limit, with a lease and a token', async () => {
      const late = await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + 3000 }));
      const first = await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + 1000 }));
      const second = await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + 2000 }));
      expect(await claim(FIXTURE_NOW + 999)).toEqual([]);
      const claimed = await claim(FIXTURE_NOW + 2500, 1);
      expect(claimed.map((job) => job.id)).toEqual([first.id]);
      expect(claimed[0]).toMatchObject({
        status: 'claimed',
        attempts: 1,
        leaseUntil: FIXTURE_NOW + 2500 + LEASE,
      });
      expect(claimed[0]?.claimToken).toEqual(expect.any(String));
      expect((await claim(FIXTURE_NOW + 2500)).map((job) => job.id)).toEqual([second.id]);
      expect(await adapter().jobs.nextDueAt()).not.toBeNull();
      expect(late.status).toBe('scheduled');
    });

    it('does not hand a claimed job out again until its lease ends, then with a new token', async () => {
      await schedule(makeJobDraft({ dueAt: FIXTURE_NOW }));
      const [first] = await claim(FIXTURE_NOW);
      expect(await claim(FIXTURE_NOW + LEASE - 1)).toEqual([]);
      const [again] = await claim(FIXTURE_NOW + LEASE);
      expect(again?.id).toBe(first?.id);
      expect(again?.attempts).toBe(2);
      expect(again?.claimToken).not.toBe(first?.claimToken);
      if (!first || !again) throw new Error('expected claims');
      await expectKefuError(complete(first), 'CONFLICT');
      await complete(again);
      expect(await adapter().jobs.findLive(again.key)).toBeNull();
      expect(await claim(FIXTURE_NOW + 10 * LEASE)).toEqual([]);
    });

    it('releases a failed job for a retry at a later instant, keeping the error', async () => {
      await schedule(makeJobDraft({ dueAt: FIXTURE_NOW }));
      const [job] = await claim(FIXTURE_NOW);
      if (!job) throw new Error('expected a claim');
      await adapter().jobs.release(job.id, job.claimToken ?? '', FIXTURE_NOW + 5000, '数据库超时');
      expect(await claim(FIXTURE_NOW + 4999)).toEqual([]);
      const [retry] = await claim(FIXTURE_NOW + 5000);
      expect(retry).toMatchObject({ id: job.id, attempts: 2, lastError: '数据库超时' });
      await expectKefuError(
        adapter().jobs.release(job.id, job.claimToken ?? '', FIXTURE_NOW, 'x'),
        'CONFLICT',
      );
    });

    it('replaces the live job when a key is scheduled again, and cancels by key', async () => {
      const draft = makeJobDraft({ dueAt: FIXTURE_NOW + 1000 });
      await schedule(draft);
      const replaced = await schedule({ ...draft, dueAt: FIXTURE_NOW + 9000 });
      expect(await adapter().jobs.findLive(draft.key)).toEqual(replaced);
      expect(await claim(FIXTURE_NOW + 5000)).toEqual([]);
      expect(await adapter().jobs.nextDueAt()).toBe(FIXTURE_NOW + 9000);
      await adapter().transaction((tx) => tx.jobs.cancel(draft.key, FIXTURE_NOW));
      expect(await adapter().jobs.findLive(draft.key)).toBeNull();
      expect(await claim(FIXTURE_NOW + 10_000)).toEqual([]);
      expect(await adapter().jobs.nextDueAt()).toBeNull();
      await adapter().transaction((tx) => tx.jobs.cancel('no/such/key', FIXTURE_NOW));
    });

    it('never gives one job to two of 10 concurrent claimers, and together they claim all 20', async () => {
      for (let i = 0; i < 20; i++) await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + i }));
      const batches = await Promise.all(
        Array.from({ length: 10 }, () => claim(FIXTURE_NOW + 100, 3)),
      );
      const more = await claim(FIXTURE_NOW + 100, 100);
      const all = [...batches.flat(), ...more].map((job) => job.id);
      expect(all).toHaveLength(20);
      expect(new Set(all).size).toBe(20);
    });
  });
}
