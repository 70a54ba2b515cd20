import { afterEach, beforeEach, describe } from 'vitest';
import type { StorageAdapter } from '../../storage/storage-adapter';
import { articlesConformance } from './articles';
import { conversationsConformance } from './conversations';
import { customersAgentsConformance } from './customers-agents';
import { eventLogConformance } from './event-log';
import { incidentsConformance } from './incidents';
import { jobsConformance } from './jobs';
import { lockFirstQueuedConformance } from './lock-first-queued';
import { messagesConformance } from './messages';
import { metricsReportConformance } from './metrics-report';
import { privacyConformance } from './privacy';
import { privacyErasureRaceConformance } from './privacy-erasure-race';
import { rateLimitsConformance } from './rate-limits';
import { reviewsConformance } from './reviews';
import { ticketsConformance } from './tickets';
import { transactionsConformance } from './transactions';

/**
 * How to run the storage conformance suite against an adapter.
 *
 * @example
 * ```ts
 * runStorageConformance({ name: 'my-adapter', createAdapter: () => createMyAdapter() } satisfies StorageConformanceOptions);
 * ```
 */
export interface StorageConformanceOptions {
  /** Shown in the test names. */
  name: string;
  /** A new, empty adapter; called once per test. */
  createAdapter: () => Promise<StorageAdapter> | StorageAdapter;
  /** Check the optional `rateLimits` store. Default true; `false` for adapters without one. */
  rateLimits?: boolean;
}

/**
 * Registers the storage conformance suite with vitest. Every test gets a fresh adapter from
 * `createAdapter` and closes it afterwards, so tests do not depend on each other. An adapter is
 * done when the whole suite passes.
 *
 * @example
 * // my-adapter.test.ts
 * import { runStorageConformance } from '@kefu/core/testing';
 * import { createMyAdapter } from './my-adapter';
 *
 * runStorageConformance({ name: 'my-adapter', createAdapter: () => createMyAdapter() });
 */
export function runStorageConformance(options: StorageConformanceOptions): void {
  describe(`storage conformance: ${options.name}`, () => {
    let current: StorageAdapter | null = null;
    const adapter = (): StorageAdapter => {
      if (!current) throw new Error('The adapter is only available inside a test.');
      return current;
    };
    beforeEach(async () => {
      current = await options.createAdapter();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });

    customersAgentsConformance(adapter);
    conversationsConformance(adapter);
    lockFirstQueuedConformance(adapter);
    messagesConformance(adapter);
    ticketsConformance(adapter);
    articlesConformance(adapter);
    reviewsConformance(adapter);
    incidentsConformance(adapter);
    transactionsConformance(adapter);
    eventLogConformance(adapter);
    jobsConformance(adapter);
    metricsReportConformance(adapter);
    if (options.rateLimits !== false) rateLimitsConformance(adapter);
    privacyConformance(adapter);
    privacyErasureRaceConformance(adapter);
  });
}
