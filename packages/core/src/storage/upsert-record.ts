import type { DomainEventDraft } from '../events/domain-events';
import type { Article } from '../knowledge/article';
import type { Review } from '../quality/review';

interface VersionedRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

interface VersionedRepository<T> {
  get(id: string, options?: { forUpdate?: boolean }): Promise<T | null>;
  insert(record: T): Promise<void>;
  update(record: T, expectedVersion: number): Promise<void>;
}

/**
 * Creates a record from defaults and the given fields, or merges the given fields into the stored
 * one. Fields the caller left out keep their stored value.
 */
export async function upsertRecord<T extends VersionedRecord>(
  repository: VersionedRepository<T>,
  /** The running command's context; only its `now` is read (a `CommandContext` fits). */
  context: { readonly now: number },
  fields: Partial<T> & { id: string },
  defaults: Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'version'>,
): Promise<{ record: T; created: boolean; previous: T | null }> {
  const existing = await repository.get(fields.id, { forUpdate: true });
  if (!existing) {
    const record = {
      ...defaults,
      ...fields,
      createdAt: context.now,
      updatedAt: context.now,
      version: 1,
    } as T;
    await repository.insert(record);
    return { record, created: true, previous: null };
  }
  const record: T = {
    ...existing,
    ...fields,
    updatedAt: context.now,
    version: existing.version + 1,
  };
  await repository.update(record, existing.version);
  return { record, created: false, previous: existing };
}

/** Records whose changes are announced as one `<kind>.changed` event carrying the record. */
interface ChangedRecords {
  article: Article;
  review: Review;
}

/** The command context parts the helpers below use (a `CommandContext` fits). */
interface EmittingContext {
  readonly now: number;
  emit(event: DomainEventDraft): void;
}

function emitChanged<K extends keyof ChangedRecords>(
  context: EmittingContext,
  kind: K,
  record: ChangedRecords[K],
  action: string,
): void {
  context.emit({
    type: `${kind}.changed`,
    at: context.now,
    subject: { kind, id: record.id },
    data: { [kind]: record, action },
  } as unknown as DomainEventDraft);
}

/** Inserts a new record and emits `<kind>.changed` with `action` (e.g. `created`). */
export async function insertChanged<K extends keyof ChangedRecords>(
  repository: Pick<VersionedRepository<ChangedRecords[K]>, 'insert'>,
  context: EmittingContext,
  kind: K,
  record: ChangedRecords[K],
  action: string,
): Promise<ChangedRecords[K]> {
  await repository.insert(record);
  emitChanged(context, kind, record, action);
  return record;
}

/**
 * Stores `next` as the version after `before` (with the context's `now` as `updatedAt`) and emits
 * `<kind>.changed` with `action`. Returns the stored record.
 */
export async function updateChanged<K extends keyof ChangedRecords>(
  repository: Pick<VersionedRepository<ChangedRecords[K]>, 'update'>,
  context: EmittingContext,
  kind: K,
  before: ChangedRecords[K],
  next: ChangedRecords[K],
  action: string,
): Promise<ChangedRecords[K]> {
  const stored = { ...next, version: before.version + 1, updatedAt: context.now };
  await repository.update(stored, before.version);
  emitChanged(context, kind, stored, action);
  return stored;
}
