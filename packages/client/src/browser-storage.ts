import type { Credentials } from '@kefu/core/wire';
import type { OutboxEntry } from './conversation-state';

/** Somewhere to keep the visitor token between page loads (localStorage by default). */
export interface TokenStorage {
  get(): string | null;
  set(token: string): void;
}

/** Somewhere to keep unsent messages between page loads (localStorage by default). */
export interface OutboxStorage {
  load(): OutboxEntry[];
  save(entries: OutboxEntry[]): void;
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null on servers and where storage is blocked. */
function localStore(): KeyValueStore | null {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null;
  } catch {
    return null;
  }
}

export function defaultTokenStorage(): TokenStorage | null {
  const storage = localStore();
  if (!storage) return null;
  const key = 'kefu.visitorToken';
  return { get: () => storage.getItem(key), set: (token) => storage.setItem(key, token) };
}

const isEntry = (value: unknown): value is OutboxEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OutboxEntry).clientId === 'string' &&
  typeof (value as OutboxEntry).conversationId === 'string' &&
  typeof (value as OutboxEntry).text === 'string';

/**
 * The outbox in localStorage, one key per identity, so a message typed offline survives a reload
 * and is still delivered exactly once (its client id travels with it).
 */
export function defaultOutboxStorage(identity: Credentials): OutboxStorage | null {
  const storage = localStore();
  if (!storage) return null;
  const who =
    identity.kind === 'customer'
      ? identity.customerId
      : identity.kind === 'visitor'
        ? 'visitor'
        : 'agent';
  const key = `kefu.outbox.${who}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        return [];
      }
    },
    save(entries) {
      try {
        if (entries.length === 0) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(entries));
      } catch {
        // Full or blocked storage: the outbox still works for this page.
      }
    },
  };
}

/** The unsent messages by client id, written through to storage on every change. */
export class Outbox {
  // `private` rather than `#private`, like ConversationState: cheaper once bundled for browsers.
  private readonly entries = new Map<string, OutboxEntry>();

  constructor(private readonly storage: OutboxStorage | null) {
    for (const entry of storage?.load() ?? []) this.entries.set(entry.clientId, entry);
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.entries.get(clientId);
  }

  set(clientId: string, entry: OutboxEntry): void {
    this.entries.set(clientId, entry);
    this.save();
  }

  delete(clientId: string): boolean {
    const deleted = this.entries.delete(clientId);
    if (deleted) this.save();
    return deleted;
  }

  values(): IterableIterator<OutboxEntry> {
    return this.entries.values();
  }

  private save(): void {
    this.storage?.save([...this.entries.values()]);
  }
}
