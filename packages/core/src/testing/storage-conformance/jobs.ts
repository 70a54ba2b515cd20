import { describe, expect, it } from 'vitest';
import type { Job, JobDraft } from '../../jobs/job';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
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
        id: expect.any(String),
        status: 'scheduled',
        lastError: null,
        createdAt: FIXTURE_NOW,
        attempts: 0,
        claimToken: null,
        leaseUntil: null,
      });
      expect(await adapter().jobs.findLive(draft.key)).toEqual(job);
    });

    it('claims only due jobs, earliest first, up to the limit, with a lease and a token', async () => {
      expect(await adapter().jobs.nextDueAt()).toBeNull();
      const late = await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + 3000 }));
      const second = await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + 2000 }));
      const first = await schedule(makeJobDraft({ dueAt: FIXTURE_NOW + 1000 }));
      expect(await adapter().jobs.nextDueAt()).toBe(FIXTURE_NOW + 1000);
      expect(await claim(FIXTURE_NOW + 999)).toEqual([]);
      const now = FIXTURE_NOW + 2500;
      const claimed = await claim(now, 2);
      expect(claimed.map((job) => job.id)).toEqual([first.id, second.id]);
      for (const job of claimed) {
        expect(job).toMatchObject({
          status: 'claimed',
          attempts: 1,
          leaseUntil: now + LEASE,
          claimToken: expect.any(String),
        });
      }
      expect(claimed[0]?.claimToken).not.toBe(claimed[1]?.claimToken);
      expect(await adapter().jobs.findLive(first.key)).toMatchObject({ status: 'claimed' });
      expect(await claim(now)).toEqual([]);
      expect((await claim(FIXTURE_NOW + 3000, 1)).map((job) => job.id)).toEqual([late.id]);
    });

    it('does not hand a claimed job out again until its lease ends, then with a new token', async () => {
      await schedule(makeJobDraft({ dueAt: FIXTURE_NOW }));
      const [first] = await claim(FIXTURE_NOW);
      expect(await adapter().jobs.nextDueAt()).toBe(FIXTURE_NOW + LEASE);
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
      await adapter().jobs.release({
        jobId: job.id,
        claimToken: job.claimToken ?? '',
        retryAt: FIXTURE_NOW + 5000,
        error: '数据库超时',
        now: FIXTURE_NOW + 1,
      });
      expect(await adapter().jobs.findLive(job.key)).toMatchObject({
        status: 'scheduled',
        dueAt: FIXTURE_NOW + 5000,
        lastError: '数据库超时',
        updatedAt: FIXTURE_NOW + 1,
      });
      expect(await adapter().jobs.nextDueAt()).toBe(FIXTURE_NOW + 5000);
      expect(await claim(FIXTURE_NOW + 4999)).toEqual([]);
      const [retry] = await claim(FIXTURE_NOW + 5000);
      expect(retry).toMatchObject({ id: job.id, attempts: 2, lastError: '数据库超时' });
      await expectKefuError(
        adapter().jobs.release({
          jobId: job.id,
          claimToken: job.claimToken ?? '',
          retryAt: FIXTURE_NOW,
          error: 'x',
          now: FIXTURE_NOW,
        }),
        'CONFLICT',
      );
    });

    it('replaces the live job when a key is scheduled again, and cancels by key', async () => {
      const draft = makeJobDraft({ dueAt: FIXTURE_NOW + 1000 });
      await schedule(draft);
      const replaced = await schedule({ ...draft, dueAt: FIXTURE_NOW + 9000 }, FIXTURE_NOW + 10);
      expect(replaced).toMatchObject({ key: draft.key, dueAt: FIXTURE_NOW + 9000 });
      expect(await adapter().jobs.findLive(draft.key)).toEqual(replaced);
      expect(await adapter().jobs.nextDueAt()).toBe(FIXTURE_NOW + 9000);
      expect(await claim(FIXTURE_NOW + 5000)).toEqual([]);
      const [claimed, ...others] = await claim(FIXTURE_NOW + 9000);
      expect(others).toEqual([]);
      expect(claimed).toMatchObject({ key: draft.key, dueAt: FIXTURE_NOW + 9000 });
      if (!claimed) throw new Error('expected a claim');

      // A claimed job is live too: scheduling its key again replaces it, and voids the claim.
      const rescheduled = await schedule({ ...draft, dueAt: FIXTURE_NOW + 20_000 });
      expect(rescheduled).toMatchObject({ status: 'scheduled', attempts: 0, claimToken: null });
      expect(await adapter().jobs.findLive(draft.key)).toEqual(rescheduled);
      await expectKefuError(complete(claimed), 'CONFLICT');
      expect(await adapter().jobs.findLive(draft.key)).toEqual(rescheduled);
      await adapter().transaction((tx) => tx.jobs.cancel(draft.key, FIXTURE_NOW));
      expect(await adapter().jobs.findLive(draft.key)).toBeNull();
      expect(await claim(FIXTURE_NOW + 100 * LEASE)).toEqual([]);
      expect(await adapter().jobs.nextDueAt()).toBeNull();
      await adapter().transaction((tx) => tx.jobs.cancel('no/such/key', FIXTURE_NOW));
    });

    it('never gives one job to two of 10 concurrent claimers, and together they claim all 20', async () => {
      await adapter().transaction(async (tx) => {
        for (let i = 0; i < 20; i++)
          await tx.jobs.schedule(makeJobDraft({ dueAt: FIXTURE_NOW + i }), FIXTURE_NOW);
      });
      const batches = await Promise.all(
        Array.from({ length: 10 }, () => claim(FIXTURE_NOW + 100, 3)),
      );
      for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(3);
      const all = batches.flat().map((job) => job.id);
      expect(all).toHaveLength(20);
      expect(new Set(all).size).toBe(20);
      expect(await claim(FIXTURE_NOW + 100, 100)).toEqual([]);
    });
  });
}
