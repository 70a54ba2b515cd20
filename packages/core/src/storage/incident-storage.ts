import type { Incident } from '../incidents/incident';

/**
 * Reads of committed incidents (应急).
 *
 * @example
 * const incident = await storage.read.incidents.latest();
 * if (incident && incident.endedAt === null) console.log('incident mode:', incident.mode);
 */
export interface IncidentReader {
  get(id: string): Promise<Incident | null>;
  /** The newest incident by (startedAt, id), active or ended; null when there never was one. */
  latest(): Promise<Incident | null>;
  /** The newest incidents first, by (startedAt, id) descending, at most `limit`. */
  list(options: { limit: number }): Promise<Incident[]>;
}

/**
 * Incidents inside a transaction. At most one incident is active (`endedAt` null) at a time,
 * across every node sharing the storage: that is what makes two nodes starting one at once safe.
 *
 * @example
 * await storage.transaction((tx) => tx.incidents.end({ ...incident, endedAt: now, endedBy: null }));
 */
export interface IncidentWriter {
  /**
   * Records an incident, active or already ended. `CONFLICT` when the id is stored, or when it is
   * active and another active incident is stored.
   */
  insert(incident: Incident): Promise<void>;
  /**
   * Records the end of an active incident (the given record has `endedAt` set). `CONFLICT` when
   * no active incident with this id is stored (never started, or another node ended it first).
   */
  end(incident: Incident): Promise<void>;
}

/**
 * The incident slice of the storage port (see `StorageReader` and `StorageTransaction`).
 *
 * @example
 * const reader: IncidentStorage<IncidentReader> = storage.read;
 */
export interface IncidentStorage<TRepository> {
  incidents: TRepository;
}
