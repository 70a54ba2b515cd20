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
