import { fusedBegin } from './fused-begin';
import { isConnectionError, mapError } from './map-error';
import type { PgPoolClientLike, PgPoolLike, SqlClient, SqlResult, SqlSession } from './sql-client';

// Statement text → prepared-statement name, for the whole process: names must be unique per
// connection and adapters on different schemas may share a pool. Bounded, in case some caller
// builds unboundedly many texts; past the bound statements are simply not prepared.
const names = new Map<string, string>();
const MAX_PREPARED = 1000;

/**
 * The name to prepare `text` under. A connection parses and plans a named statement once and
 * then only binds and executes it, which saves the server that work on every command. Statements
 * without parameters (BEGIN, COMMIT, migrations' DDL) are sent as they are.
 */
function preparedName(text: string, params: readonly unknown[]): string | undefined {
  if (params.length === 0) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `kefu_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

const sessionOf = (
  runner: { query: PgPoolLike['query'] },
  adapter: string,
  prepare: boolean,
): SqlSession => ({
  async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    try {
      const name = prepare ? preparedName(text, params) : undefined;
      const result = await (name === undefined
        ? runner.query(text, [...params])
        : runner.query({ name, text, values: [...params] }));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw mapError(error, adapter);
    }
  },
});

/** Runs several statements in one simple query; answers the last one's rows. */
async function lastResult<R>(
  connection: PgPoolClientLike,
  text: string,
  adapter: string,
): Promise<SqlResult<R>> {
  try {
    const results = (await connection.query(text)) as unknown as PgResult | PgResult[];
    const last = Array.isArray(results) ? results.at(-1) : results;
    return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
  } catch (error) {
    throw mapError(error, adapter);
  }
}

type PgResult = { rows: unknown[]; rowCount: number | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SQL over a `pg` Pool: each transaction checks out one connection. */
export function createPoolSqlClient(pool: PgPoolLike, adapter: string, prepare = true): SqlClient {
  const direct = sessionOf(pool, adapter, prepare);
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
      const session = sessionOf(connection, adapter, prepare);
      // BEGIN goes with the first statement (see fused-begin.ts); a transaction that ran no
      // statement at all sends neither BEGIN nor COMMIT.
      let begun = false;
      const opening: SqlSession = {
        async query<R>(text: string, params: readonly unknown[] = []) {
          if (begun) return session.query<R>(text, params);
          begun = true;
          const fused = fusedBegin(text, params);
          if (fused === null) {
            await session.query('BEGIN');
            return session.query<R>(text, params);
          }
          return lastResult<R>(connection, fused, adapter);
        },
      };
      try {
        const result = await work(opening);
        if (begun) await session.query('COMMIT');
        return result;
      } catch (error) {
        const cause =
          typeof error === 'object' && error !== null && 'cause' in error ? error.cause : error;
        if (isConnectionError(cause)) lost ??= cause instanceof Error ? cause : new Error('lost');
        if (!lost && begun) await connection.query('ROLLBACK').catch((e: Error) => (lost = e));
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
  let onCurrentLost: (() => void) | null = null;
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
    onCurrentLost = onLost;
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
    // Back to the pool without this bus's handlers (kept through the UNLISTEN, so an error there
    // has a listener): each adapter that listened on the connection would leave two behind.
    if (onCurrentLost) {
      client.off('error', onCurrentLost);
      client.off('end', onCurrentLost);
    }
    client.release();
  };
}
