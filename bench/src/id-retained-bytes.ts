import { newId } from '@kefu/core';
import { nanoid } from 'nanoid';
import { type BenchResult, collectGarbage, median } from './bench-result';

const IDS = 200_000;
const ROUNDS = 5;

interface IdCost {
  retainedBytes: number;
  nanoseconds: number;
}

/** What `make` costs per id when every id is kept, as a store keeps the ids of its records. */
function costOf(make: () => string): IdCost {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept = new Array<string>(IDS);
  const started = process.hrtime.bigint();
  for (let i = 0; i < IDS; i++) kept[i] = make();
  const nanoseconds = Number(process.hrtime.bigint() - started) / IDS;
  collectGarbage();
  const retainedBytes = (process.memoryUsage().heapUsed - before) / IDS;
  if (new Set(kept).size !== IDS) throw new Error('an id repeated');
  return { retainedBytes, nanoseconds };
}

/**
 * `core.id-retained-bytes`: the heap one stored id holds, `newId('msg_')` against the
 * `` `msg_${nanoid(16)}` `` core used before (the same length and alphabet). nanoid builds its id
 * with `+=`, which V8 keeps as a chain of rope nodes; newId builds one flat string. Both keep the
 * 8-byte slot of the array that holds them. Needs node's --expose-gc (`pnpm bench` passes it).
 */
export async function benchIdRetainedBytes(): Promise<BenchResult | null> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    console.log(
      'core.id-retained-bytes: SKIPPED (run node with --expose-gc, as `pnpm bench` does)',
    );
    return null;
  }
  const flat = () => newId('msg_');
  const rope = () => `msg_${nanoid(16)}`;
  costOf(flat);
  costOf(rope);
  const flatCosts: IdCost[] = [];
  const ropeCosts: IdCost[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    flatCosts.push(costOf(flat));
    ropeCosts.push(costOf(rope));
  }
  const value = median(flatCosts.map((c) => c.retainedBytes));
  const baseline = median(ropeCosts.map((c) => c.retainedBytes));
  return {
    name: 'core.id-retained-bytes',
    value: Math.round(value),
    unit: 'bytes per stored id',
    baseline: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(3)),
    params: {
      ids: IDS,
      rounds: ROUNDS,
      baseline: 'msg_ and nanoid(16) in a template literal, kept the same way',
      statistic: 'medians of the rounds',
      nanosecondsPerId: Number(median(flatCosts.map((c) => c.nanoseconds)).toFixed(1)),
      baselineNanosecondsPerId: Number(median(ropeCosts.map((c) => c.nanoseconds)).toFixed(1)),
      node: process.version,
    },
  };
}
