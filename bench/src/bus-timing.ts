import type { PostgresAdapter } from '@kefu/adapter-postgres';
import { percentile } from './bench-result';

/** The bus benchmark's load: four nodes, 1,000 events a second between them. */
export const NODES = 4;
export const RATE = 1000;
export const SECONDS = 4;
export const WARM_UP_SECONDS = 1;
const TICK_MS = 10;

export const now = () => performance.now();
export const ms = (value: number) => Number(value.toFixed(2));
export const sleep = (duration: number) => new Promise((resolve) => setTimeout(resolve, duration));

/** When each node first held each key. */
export function arrivals(nodes: number) {
  const at = Array.from({ length: nodes }, () => new Map<string, number>());
  return {
    arrived(node: number, key: string) {
      const map = at[node];
      if (map && !map.has(key)) map.set(key, now());
    },
    at,
  };
}

/**
 * A node that learns of new events only through its bus (LISTEN/NOTIFY) and reads them from the
 * log, as a gateway does: one read at a time, each up to the newest position heard, so
 * notifications that arrive during a read cost no read of their own. Calls `seen` with each
 * message's client id.
 */
export function follow(node: PostgresAdapter, after: number, seen: (clientId: string) => void) {
  let last = after;
  let reading = Promise.resolve();
  return node.bus.subscribe((position) => {
    reading = reading
      .then(async () => {
        while (last < position) {
          const page = await node.events.read(last, 500);
          if (page.length === 0) return;
          for (const event of page) {
            if (event.type === 'message.posted' && event.data.message.clientId) {
              seen(event.data.message.clientId);
            }
          }
          last = page.at(-1)?.position ?? last;
        }
      })
      .catch((error: unknown) => console.error('a node could not read the log:', error));
  });
}

/** What `drive` hands each send: the node, the key, and whether to give up on it. */
export type Send = (node: number, key: string) => Promise<void> | null;

/**
 * Open loop: every tick, the sends that fell due (RATE a second, round robin over the nodes) start
 * at once, without waiting for earlier ones, so a slow commit shows up as latency rather than as a
 * lower rate. A send may answer `null` (shed: not sent); the rest are timed from their due instant
 * (`started`) and from the moment they settled (`committed`).
 */
export async function drive(send: Send, prefix: string) {
  const started = new Map<string, number>();
  const committed = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const total = RATE * SECONDS;
  const begin = now();
  let due = 0;
  let shed = 0;
  while (due < total) {
    const until = Math.min(total, Math.floor(((now() - begin) / 1000) * RATE));
    for (; due < until; due++) {
      const key = `${prefix}_${due}`;
      const at = now();
      const sent = send(due % NODES, key);
      if (sent === null) {
        shed++;
        continue;
      }
      started.set(key, at);
      pending.push(sent.then(() => void committed.set(key, now())));
    }
    await sleep(TICK_MS);
  }
  const offeredSeconds = (now() - begin) / 1000;
  await Promise.all(pending);
  const seconds = (now() - begin) / 1000;
  return {
    started,
    committed,
    offered: total / offeredSeconds,
    achieved: started.size / seconds,
    shed,
  };
}

/** Waits until every node holds every key, or fails the run after 30 s. */
export async function settled(at: Map<string, number>[], keys: Iterable<string>): Promise<void> {
  const wanted = [...keys];
  for (const deadline = now() + 30_000; now() < deadline; await sleep(20)) {
    if (at.every((map) => wanted.every((key) => map.has(key)))) return;
  }
  throw new Error('some node never heard some event');
}

const indexOf = (key: string) => Number(key.slice(key.lastIndexOf('_') + 1));

/** Latency of every (event, other node) pair after the warm-up, sorted. */
function latencies(from: Map<string, number>, at: Map<string, number>[]) {
  const values: number[] = [];
  const warm = RATE * WARM_UP_SECONDS;
  for (const [key, start] of from) {
    const index = indexOf(key);
    if (index < warm) continue;
    at.forEach((map, node) => {
      if (node !== index % NODES) values.push((map.get(key) ?? Number.NaN) - start);
    });
  }
  return values.sort((a, b) => a - b);
}

/** Drives the load through `send`; times each event from its due instant and from its commit. */
export async function timed(send: Send, prefix: string, at: Map<string, number>[]) {
  const run = await drive(send, prefix);
  await settled(at, run.started.keys());
  return {
    fromDue: latencies(run.started, at),
    fromCommit: latencies(run.committed, at),
    offered: run.offered,
    achieved: run.achieved,
    shed: run.shed,
  };
}

/** p50, p99 and max of sorted latencies, in ms. */
export const summary = (sorted: readonly number[]) => ({
  p50: ms(percentile(sorted, 50)),
  p99: ms(percentile(sorted, 99)),
  max: ms(sorted.at(-1) ?? Number.NaN),
});
