import pg from 'pg';
import { DATABASE_URL } from './databases';

/** One statement a connection sent: its text, and its prepared-statement name (or null). */
export interface SentStatement {
  text: string;
  name: string | null;
}

/** A pool on DATABASE_URL whose connections record every statement they send. */
export function recordingPool(max = 4): { pool: pg.Pool; sent: SentStatement[] } {
  const sent: SentStatement[] = [];
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [first] = args;
      sent.push(
        typeof first === 'string'
          ? { text: first, name: null }
          : {
              text: String((first as { text: string }).text),
              name: (first as { name?: string }).name ?? null,
            },
      );
      return query(...args);
    };
  });
  return { pool, sent };
}

/** A promise and the function that resolves it, for holding a transaction open in a test. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
