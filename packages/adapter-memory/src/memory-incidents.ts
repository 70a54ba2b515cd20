import { type Incident, type IncidentReader, type IncidentWriter, KefuError } from '@kefu/core';
import type { StagedMap } from './staged-map';

/** Newest first by (startedAt, id). */
const newestFirst = (a: Incident, b: Incident) =>
  b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The committed incidents, for `storage.read.incidents`. */
export function createMemoryIncidentReader(
  incidents: Map<string, Incident>,
  open: () => void,
): IncidentReader {
  return {
    async get(id) {
      open();
      return incidents.get(id) ?? null;
    },
    async latest() {
      open();
      return [...incidents.values()].sort(newestFirst)[0] ?? null;
    },
    async list({ limit }) {
      open();
      return [...incidents.values()].sort(newestFirst).slice(0, limit);
    },
  };
}

/** Incidents inside a transaction; the table is staged on first use. */
export class MemoryIncidentWriter implements IncidentWriter {
  readonly #rows: () => StagedMap<string, Incident>;
  readonly #copy: (incident: Incident) => Incident;

  constructor(rows: () => StagedMap<string, Incident>, copy: (incident: Incident) => Incident) {
    this.#rows = rows;
    this.#copy = copy;
  }

  async insert(incident: Incident): Promise<void> {
    const rows = this.#rows();
    if (rows.get(incident.id)) {
      throw new KefuError('CONFLICT', `An incident "${incident.id}" already exists.`);
    }
    if (incident.endedAt === null) {
      for (const other of rows.values()) {
        if (other.endedAt === null) {
          throw new KefuError(
            'CONFLICT',
            `Incident "${other.id}" is active; end it before starting another.`,
          );
        }
      }
    }
    rows.set(incident.id, this.#copy(incident));
  }

  async end(incident: Incident): Promise<void> {
    const rows = this.#rows();
    const stored = rows.get(incident.id);
    if (!stored || stored.endedAt !== null || incident.endedAt === null) {
      throw new KefuError(
        'CONFLICT',
        `No active incident "${incident.id}" to end (never started, or already ended).`,
      );
    }
    rows.set(incident.id, this.#copy(incident));
  }
}
