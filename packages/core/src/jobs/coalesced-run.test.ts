import { describe, expect, it } from 'vitest';
import { coalescedRun } from './coalesced-run';

/** A pass the test lets finish: `release()` ends the oldest pass waiting. */
function gatedPass() {
  const waiting: (() => void)[] = [];
  let passes = 0;
  const pass = () => {
    passes++;
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = async () => {
    for (let i = 0; i < 20 && waiting.length === 0; i++) await Promise.resolve();
    waiting.shift()?.();
  };
  return { pass, release, passes: () => passes };
}

describe('coalescedRun', () => {
  it('runs one pass at a time, and many calls during a pass ask for exactly one more', async () => {
    const gate = gatedPass();
    const after: number[] = [];
    const runs = coalescedRun(gate.pass, {
      onError: () => {},
      afterPasses: () => {
        after.push(gate.passes());
      },
    });
    const first = runs.run();
    const second = runs.run();
    const third = runs.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    await gate.release();
    await gate.release();
    await first;
    expect(gate.passes()).toBe(2);
    expect(after).toEqual([2]);
    await runs.settled();
    const again = runs.run();
    await gate.release();
    await again;
    expect(gate.passes()).toBe(3);
  });

  it('reports a failing pass without rejecting, and stops at it with stopOnError', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    let afterPasses = 0;
    const failing = (stopOnError: boolean) =>
      coalescedRun(
        async () => {
          calls++;
          if (calls === 1) void runs.run(); // asks for one more from inside the pass
          throw new Error(`pass ${calls}`);
        },
        {
          onError: (error) => errors.push(error),
          stopOnError,
          afterPasses: () => void afterPasses++,
        },
      );
    let runs = failing(true);
    await expect(runs.run()).resolves.toBeUndefined();
    expect(calls).toBe(1);
    expect(afterPasses).toBe(1);
    calls = 0;
    runs = failing(false);
    await runs.run();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(3);
  });

  it('ends when keepGoing turns false, and gives a call made during afterPasses its pass', async () => {
    let going = true;
    let passes = 0;
    const stopping = coalescedRun(
      async () => {
        passes++;
        void stopping.run();
        going = false;
      },
      { onError: () => {}, keepGoing: () => going },
    );
    await stopping.run();
    expect(passes).toBe(1);

    let count = 0;
    let asked = false;
    const late = coalescedRun(
      async () => {
        count++;
      },
      {
        onError: () => {},
        afterPasses: () => {
          if (asked) return;
          asked = true;
          void late.run();
        },
      },
    );
    await late.run();
    expect(count).toBe(2);
  });
});
