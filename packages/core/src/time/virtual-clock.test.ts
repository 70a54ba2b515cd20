import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock';

describe('VirtualClock', () => {
  it('fires due timers in time order, at their instant, and waits for their work', async () => {
    const clock = new VirtualClock(1000);
    const fired: [string, number][] = [];
    clock.setTimer(1500, async () => {
      await Promise.resolve();
      fired.push(['b', clock.now()]);
    });
    clock.setTimer(1200, () => fired.push(['a', clock.now()]));
    const cancel = clock.setTimer(1300, () => fired.push(['cancelled', clock.now()]));
    cancel();
    clock.setTimer(5000, () => fired.push(['later', clock.now()]));
    await clock.advance(600);
    expect(fired).toEqual([
      ['a', 1200],
      ['b', 1500],
    ]);
    expect(clock.now()).toBe(1600);
    expect(clock.pendingTimers).toBe(1);
  });

  it('fires timers that timers set, when due within the same advance', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.setTimer(10, () => clock.setTimer(20, () => fired.push(clock.now())));
    await clock.advance(30);
    expect(fired).toEqual([20]);
  });

  it('never goes backwards', async () => {
    const clock = new VirtualClock(100);
    await expect(clock.advanceTo(50)).rejects.toThrow(RangeError);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });
});
