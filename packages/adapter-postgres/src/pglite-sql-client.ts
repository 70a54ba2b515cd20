import { mapError } from './map-error';
import { createMutex } from './mutex';
import type { PGliteLike, SqlClient, SqlResult, SqlSession } from './sql-client';

interface OpenTransaction {
  /** Statements that succeeded so far, to replay after the transaction was set aside. */
  readonly log: Array<readonly [string, readonly unknown[]]>;
  /** Whether BEGIN and the log are applied on the connection right now. */
  applied: boolean;
}

/**
 * SQL over PGlite, which has a single connection. Transactions run one at a time. Reads from
 * outside a transaction must neither wait for it (a caller may read while holding one open) nor
 * see its uncommitted writes, so an outside statement that arrives while a transaction is open
 * rolls the transaction back on the connection, runs, and leaves the transaction to be replayed
 * (BEGIN plus its statements so far) before its next statement or COMMIT. Transactions are
 * serialised and every value is a bound parameter, so a replay produces the same results. In the
 * common case, with no outside statement interleaved, nothing is replayed.
 */
export function createPGliteSqlClient(db: PGliteLike, adapter: string): SqlClient {
  // Adapters on one PGlite share its one connection, so they must share the serialisation too.
  let client = shared.get(db);
  if (!client) {
    client = createClient(db, adapter);
    shared.set(db, client);
  }
  return client;
}

const shared = new WeakMap<PGliteLike, SqlClient>();

function createClient(db: PGliteLike, adapter: string): SqlClient {
  const statement = createMutex();
  const transactions = createMutex();
  let open: OpenTransaction | null = null;

  const run = async <R>(text: string, params: readonly unknown[]): Promise<SqlResult<R>> => {
    const result = await db.query(text, [...params]);
    return { rows: result.rows as R[], rowCount: result.affectedRows ?? result.rows.length };
  };
  const setAside = async () => {
    if (open?.applied) {
      open.applied = false;
      await db.query('ROLLBACK');
    }
  };
  const apply = async (tx: OpenTransaction) => {
    if (tx.applied) return;
    await db.query('BEGIN');
    tx.applied = true;
    for (const [text, params] of tx.log) await run(text, params);
  };

  return {
    kind: 'pglite',
    query<R>(text: string, params: readonly unknown[] = []) {
      return statement(async () => {
        try {
          await setAside();
          return await run<R>(text, params);
        } catch (error) {
          throw mapError(error, adapter);
        }
      });
    },
    transaction(work) {
      return transactions(async () => {
        const tx: OpenTransaction = { log: [], applied: false };
        open = tx;
        const session: SqlSession = {
          query: <R>(text: string, params: readonly unknown[] = []) =>
            statement(async () => {
              try {
                await apply(tx);
                const result = await run<R>(text, params);
                tx.log.push([text, params]);
                return result;
              } catch (error) {
                // The failed statement aborted the transaction; drop it and keep the rest.
                if (tx.applied) {
                  tx.applied = false;
                  await db.query('ROLLBACK').catch(() => undefined);
                }
                throw mapError(error, adapter);
              }
            }),
        };
        try {
          const result = await work(session);
          await statement(async () => {
            try {
              if (tx.log.length === 0 && !tx.applied) return;
              await apply(tx);
              tx.applied = false;
              await db.query('COMMIT');
            } catch (error) {
              throw mapError(error, adapter);
            }
          });
          return result;
        } catch (error) {
          await statement(async () => {
            if (!tx.applied) return;
            tx.applied = false;
            await db.query('ROLLBACK').catch(() => undefined);
          });
          throw error;
        } finally {
          open = null;
        }
      });
    },
    // PGlite delivers notifications without holding a connection.
    listenProblem: () => null,
    listen(channel, onPayload) {
      return db.listen(channel, onPayload);
    },
  };
}
