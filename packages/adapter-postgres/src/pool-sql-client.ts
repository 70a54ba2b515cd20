import { isConnectionError, mapError } from './map-error';
import type { PgPoolClientLike, PgPoolLike, SqlClient, SqlResult, SqlSession } from './sql-client';

const sessionOf = (runner: { query: PgPoolLike['query'] }, adapter: string): SqlSession => ({
  async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    try {
      const result = await runner.query(text, [...params]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw mapError(error, adapter);
    }
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQL over a `pg` Pool: each transaction checks out one connection. */
export function createPoolSqlClient(pool: PgPoolLike, adapter: string): SqlClient {
  const direct = sessionOf(pool, adapter);
  return {
    kind: 'pg',
    query: direct.query,
    async transaction(work) {
      let connection: PgPoolClientLike;
      try {
        connection = await pool.connect();
      } catch (error) {
        throw mapError(error, adapter);
      }
      // A connection that dies between statements emits 'error'; without a listener that
      // would crash the process. The next statement then fails and is mapped to UNAVAILABLE.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      connection.on('error', onError);
      const session = sessionOf(connection, adapter);
      try {
        await session.query('BEGIN');
        const result = await work(session);
        await session.query('COMMIT');
        return result;
      } catch (error) {
        const cause =
          typeof error === 'object' && error !== null && 'cause' in error ? error.cause : error;
        if (isConnectionError(cause)) lost ??= cause instanceof Error ? cause : new Error('lost');
        if (!lost) await connection.query('ROLLBACK').catch((e: Error) => (lost = e));
        throw error;
      } finally {
        connection.off('error', onError);
        // A broken connection is destroyed rather than returned to the pool.
        connection.release(lost ?? false);
      }
    },
    listen(channel, onPayload) {
      return listenWithReconnect(pool, channel, onPayload).catch((error: unknown) => {
        throw mapError(error, adapter);
      });
    },
    listenProblem() {
      const max = pool.options?.max ?? 10;
      return max >= 2
        ? null
        : `The event bus holds one pool connection for LISTEN, and this pool opens at most ${max}: ` +
            'every other statement would wait for it and time out. Give the pool max: 2 or more ' +
            '(the bus takes one), or do not use the bus on this pool.';
    },
  };
}

/**
 * Holds one pool connection for LISTEN. When it is lost, reconnects with exponential backoff
 * (50 ms doubling to 5 s), LISTENs again and calls `onPayload('')`: notifications sent meanwhile
 * are gone, so the caller should look at the log's last position itself.
 */
async function listenWithReconnect(
  pool: PgPoolLike,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: PgPoolClientLike | null = null;
  const onNotification = (message: { channel: string; payload?: string }) => {
    if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
  };
  const connect = async (): Promise<void> => {
    const client = await pool.connect();
    const onLost = () => {
      if (current !== client) return;
      current = null;
      client.off('notification', onNotification);
      client.release(true);
      if (!stopped) void reconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', onNotification);
    try {
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    current = client;
  };
  const reconnect = async () => {
    for (let delay = 50; !stopped; delay = Math.min(delay * 2, 5000)) {
      await sleep(delay);
      if (stopped) return;
      try {
        await connect();
        // Notifications sent while disconnected are lost: tell listeners to catch up from the log.
        onPayload('');
        return;
      } catch {
        // Still down; back off and try again.
      }
    }
  };
  await connect();
  return async () => {
    stopped = true;
    const client = current;
    current = null;
    if (!client) return;
    client.off('notification', onNotification);
    await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
    client.release();
  };
}
