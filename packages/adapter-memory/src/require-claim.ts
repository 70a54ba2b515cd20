import { type Job, KefuError } from '@kefu/core';

/** The job, if it is still claimed with this token; `CONFLICT` when another runner took it over. */
export function requireClaim(job: Job | undefined, jobId: string, claimToken: string): Job {
  if (job?.status !== 'claimed' || job.claimToken !== claimToken) {
    throw new KefuError(
      'CONFLICT',
      `Job "${jobId}" is no longer claimed with this token; another runner has it.`,
    );
  }
  return job;
}
