import type { BlobStore } from '../attachments/blob-store';
import { isKefuError } from '../errors/kefu-error';
import type { DomainEvent, DomainEventDraft } from '../events/domain-events';
import type { JobDraft } from '../jobs/job';
import { auditForEvents } from '../privacy/audit-trail';
import type { SlaRuntime } from '../sla/sla-runtime';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import type { IncidentMode } from '../vocabulary/incident-modes';
import type { DeskSettings } from './desk-settings';
import type { EventPublisher } from './event-publisher';

/** What a command body gets besides the transaction: the instant it runs at and an outbox. */
export interface CommandContext {
  readonly now: number;
  readonly settings: DeskSettings;
  readonly sla: SlaRuntime;
  /** The mode of the incident in force (应急), or null in normal operation. */
  readonly incidentMode: IncidentMode | null;
  /** Where uploaded files live, when the desk was given a store (erasure and retention). */
  readonly blobs?: BlobStore;
  emit(event: DomainEventDraft): void;
  /** Records a job this command scheduled, so a local runner can wake up for it. */
  scheduled(job: JobDraft): void;
}

export interface CommandRunnerOptions {
  storage: StorageAdapter;
  clock: Clock;
  publisher: EventPublisher;
  settings: DeskSettings;
  sla: SlaRuntime;
  onJobScheduled: (dueAt: number) => void;
  /** The incident mode commands see; none by default. */
  incidentMode?: () => IncidentMode | null;
  blobs?: BlobStore;
  /** Awaited before each command (the desk's incident state is loaded before anything runs). */
  ready?: () => Promise<void>;
}

/**
 * Runs one command as one transaction: the body reads, decides and writes; its events are appended
 * to the log in the same transaction and published after commit. A `CONFLICT` (a concurrent writer
 * won) reruns the whole body on fresh data, which is safe because the body has no other effects.
 */
export function createCommandRunner(options: CommandRunnerOptions) {
  const { storage, clock, publisher, settings, sla, onJobScheduled } = options;
  const incidentMode = options.incidentMode ?? (() => null);
  const ready = options.ready;
  const maxAttempts = settings.maxCommandAttempts;

  return async function runCommand<T>(
    body: (tx: StorageTransaction, context: CommandContext) => Promise<T>,
  ): Promise<T> {
    if (ready) await ready();
    for (let attempt = 1; ; attempt++) {
      const jobs: JobDraft[] = [];
      try {
        const { result, events } = await storage.transaction(async (tx) => {
          const drafts: DomainEventDraft[] = [];
          const context: CommandContext = {
            now: clock.now(),
            settings,
            sla,
            incidentMode: incidentMode(),
            ...(options.blobs ? { blobs: options.blobs } : {}),
            emit: (event) => drafts.push(event),
            scheduled: (job) => jobs.push(job),
          };
          const result = await body(tx, context);
          const events: DomainEvent[] = drafts.length > 0 ? await tx.events.append(drafts) : [];
          for (const entry of auditForEvents(drafts)) await tx.privacy.appendAudit(entry);
          return { result, events };
        });
        publisher.publish(events);
        for (const job of jobs) onJobScheduled(job.dueAt);
        return result;
      } catch (error) {
        if (isKefuError(error, 'CONFLICT') && attempt < maxAttempts) continue;
        throw error;
      }
    }
  };
}

export type RunCommand = ReturnType<typeof createCommandRunner>;
