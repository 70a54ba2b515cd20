import { type EventBus, KefuError } from '@kefu/core';
import type { SqlClient } from './sql-client';

/**
 * An `EventBus` over LISTEN/NOTIFY. The payload is a position, then a space and the subject kinds
 * of the committed events (`"1234 conversation,desk"`); listeners read the events from the log.
 * A payload of a position alone (an older node) gives no kinds: listeners treat it as anything. The LISTEN connection is opened on the first `subscribe` and, on a `pg` Pool,
 * re-opened with backoff after it is lost — then listeners get the log's last position, because
 * notifications sent in between are gone. The first `subscribe` throws `VALIDATION` on a pool
 * without room for the LISTEN connection next to the statements.
 */
export function createNotifyEventBus(
  sql: SqlClient,
  channel: string,
  lastPosition: () => Promise<number>,
): EventBus {
  type Listener = (position: number, subjectKinds: readonly string[] | undefined) => void;
  const listeners = new Set<Listener>();
  let stop: Promise<() => Promise<void>> | null = null;
  let closed = false;

  const deliver = (position: number, subjectKinds?: readonly string[]) => {
    for (const listener of [...listeners]) listener(position, subjectKinds);
  };
  const onPayload = (payload: string) => {
    const [head = '', kinds] = payload.split(' ', 2);
    const position = Number(head);
    if (head !== '' && Number.isSafeInteger(position)) {
      deliver(position, kinds ? kinds.split(',') : undefined);
      return;
    }
    // Reconnected: announce where the log is now.
    lastPosition().then(
      (last) => deliver(last),
      () => undefined,
    );
  };

  return {
    async publish(position, subjectKinds) {
      await sql.query('SELECT pg_notify($1, $2)', [channel, notifyPayload(position, subjectKinds)]);
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

/** The NOTIFY payload: the position, then the distinct subject kinds (none: the position alone). */
export function notifyPayload(position: number, subjectKinds?: readonly string[]): string {
  return subjectKinds && subjectKinds.length > 0
    ? `${position} ${[...new Set(subjectKinds)].join(',')}`
    : String(position);
}
