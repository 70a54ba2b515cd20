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
  const maxAttempts = settings.maxCommandAttempts;
  // Once loaded, the incident state stays loaded: later commands skip the await (a tick each).
  let ready = options.ready;

  return async function runCommand<T>(
    body: (tx: StorageTransaction, context: CommandContext) => Promise<T>,
  ): Promise<T> {
    if (ready) {
      await ready();
      ready = undefined;
    }
    for (let attempt = 1; ; attempt++) {
      const context = new Context(settings, sla, options.blobs);
      try {
        const result = await storage.transaction(async (tx) => {
          // The instant and the mode are read once the transaction runs, not while it queued.
          context.now = clock.now();
          context.incidentMode = incidentMode();
          // An adapter that reruns the callback itself starts it with an empty outbox.
          if (context.drafts.length > 0) context.drafts = [];
          if (context.jobs.length > 0) context.jobs = [];
          const result = await body(tx, context);
          const drafts = context.drafts;
          if (drafts.length > 0) {
            context.events = await tx.events.append(drafts);
            for (const entry of auditForEvents(drafts)) await tx.privacy.appendAudit(entry);
          }
          return result;
        });
        publisher.publish(context.events);
        for (const job of context.jobs) onJobScheduled(job.dueAt);
        return result;
      } catch (error) {
        if (isKefuError(error, 'CONFLICT') && attempt < maxAttempts) continue;
        throw error;
      }
    }
  };
}

const NO_EVENTS: readonly DomainEvent[] = Object.freeze([]);

/** One attempt's context and outbox: a class, since one is made for every command. */
class Context implements CommandContext {
  drafts: DomainEventDraft[] = [];
  jobs: JobDraft[] = [];
  events: readonly DomainEvent[] = NO_EVENTS;
  now = 0;
  incidentMode: IncidentMode | null = null;
  readonly blobs?: BlobStore;

  constructor(
    readonly settings: DeskSettings,
    readonly sla: SlaRuntime,
    blobs: BlobStore | undefined,
  ) {
    if (blobs) this.blobs = blobs;
  }

  emit(event: DomainEventDraft): void {
    this.drafts.push(event);
  }

  scheduled(job: JobDraft): void {
    this.jobs.push(job);
  }
}

export type RunCommand = ReturnType<typeof createCommandRunner>;
