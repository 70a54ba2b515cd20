/** Rows of one statement. */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/** Something that runs one parameterised statement. */
export interface SqlSession {
  query<R = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<SqlResult<R>>;
}

/**
 * The little the adapter needs from a database: statements, transactions, notifications. One
 * implementation over a `pg` Pool, one over PGlite.
 */
export interface SqlClient extends SqlSession {
  readonly kind: 'pg' | 'pglite';
  /** Runs `work` in BEGIN … COMMIT; ROLLBACK when it throws. Errors of `work` pass through. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for each NOTIFY on `channel`; resolves to a function that stops. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Why `listen` cannot run here without starving other statements (a pool with room for one
   * connection, which LISTEN would hold for good), or `null` when it can.
   */
  listenProblem(): string | null;
}

/**
 * A named (prepared) statement, as `pg` takes it.
 *
 * @example
 * const config: PgQueryConfig = { name: 'kefu_1', text: 'SELECT doc FROM kefu.agents WHERE id = $1', values: ['agt_wang'] };
 */
export interface PgQueryConfig {
  name: string;
  text: string;
  values: unknown[];
}

/**
 * The part of a `pg` Pool the adapter uses, so `pg` stays an optional peer for types too.
 *
 * @example
 * const client: PgPoolLike = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
  query(
    text: string | PgQueryConfig,
    params?: unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number | null }>;
  readonly totalCount: number;
  /** The pool's settings; `max` is how many connections it opens at most (pg default 10). */
  readonly options?: { max?: number | undefined };
}

/**
 * A client checked out of a `pg` Pool.
 *
 * @example
 * const connection: PgPoolClientLike = await pool.connect();
 */
export interface PgPoolClientLike {
  query(
    text: string | PgQueryConfig,
    params?: unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number | null }>;
  release(error?: Error | boolean): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string | undefined }) => void,
  ): unknown;
  on(event: 'end', listener: () => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'end', listener: () => void): unknown;
  off(
    event: 'notification',
    listener: (message: { channel: string; payload?: string | undefined }) => void,
  ): unknown;
}

/**
 * The part of a PGlite instance the adapter uses.
 *
 * @example
 * const client: PGliteLike = await PGlite.create();
 */
export interface PGliteLike {
  query(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: unknown[]; affectedRows?: number | undefined }>;
  exec(text: string): Promise<unknown>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

export const isPgPool = (client: unknown): client is PgPoolLike =>
  typeof client === 'object' &&
  client !== null &&
  typeof (client as PgPoolLike).connect === 'function' &&
  'totalCount' in client;

export const isPGlite = (client: unknown): client is PGliteLike =>
  typeof client === 'object' &&
  client !== null &&
  typeof (client as PGliteLike).listen === 'function' &&
  typeof (client as PGliteLike).exec === 'function';
