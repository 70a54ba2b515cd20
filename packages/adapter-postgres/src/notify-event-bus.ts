import { type EventBus, KefuError } from '@kefu/core';
import type { SqlClient } from './sql-client';

/**
 * An `EventBus` over LISTEN/NOTIFY. The payload is only a position; listeners read the events
 * from the log. The LISTEN connection is opened on the first `subscribe` and, on a `pg` Pool,
 * re-opened with backoff after it is lost — then listeners get the log's last position, because
 * notifications sent in between are gone. The first `subscribe` throws `VALIDATION` on a pool
 * without room for the LISTEN connection next to the statements.
 */
export function createNotifyEventBus(
  sql: SqlClient,
  channel: string,
  lastPosition: () => Promise<number>,
): EventBus {
  const listeners = new Set<(position: number) => void>();
  let stop: Promise<() => Promise<void>> | null = null;
  let closed = false;

  const deliver = (position: number) => {
    for (const listener of [...listeners]) listener(position);
  };
  const onPayload = (payload: string) => {
    const position = Number(payload);
    if (payload !== '' && Number.isSafeInteger(position)) {
      deliver(position);
      return;
    }
    // Reconnected: announce where the log is now.
    lastPosition().then(deliver, () => undefined);
  };

  return {
    async publish(position) {
      await sql.query('SELECT pg_notify($1, $2)', [channel, String(position)]);
    },
    subscribe(listener) {
      const problem = sql.listenProblem();
      if (problem) throw new KefuError('VALIDATION', problem);
      listeners.add(listener);
      if (!stop && !closed) {
        stop = sql.listen(channel, onPayload);
        // A failed LISTEN is retried on the next subscribe.
        stop.catch(() => {
          stop = null;
        });
      }
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      const stopping = stop;
      stop = null;
      if (stopping) await (await stopping.catch(() => async () => undefined))();
    },
  };
}
