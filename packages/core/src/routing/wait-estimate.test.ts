import { describe, expect, it } from 'vitest';
import { makeAgent } from '../testing/storage-conformance/fixtures';
import { estimateWaitMs, HandleTimeAverage, staffingOf } from './wait-estimate';

const MINUTE = 60_000;

describe('wait estimate', () => {
  it('counts only online agents: slots and free places', () => {
    const staffing = staffingOf([
      makeAgent({ presence: 'online', capacity: 3, load: 1 }),
      makeAgent({ presence: 'online', capacity: 2, load: 2 }),
      makeAgent({ presence: 'away', capacity: 5, load: 0 }),
    ]);
    expect(staffing).toEqual({ agentsOnline: 2, totalSlots: 5, freeSlots: 2 });
  });

  it('is 0 while there are free places, then grows with the queue at S slots per handle time', () => {
    const staffing = { agentsOnline: 2, totalSlots: 4, freeSlots: 1 };
    expect(estimateWaitMs(1, staffing, 8 * MINUTE)).toBe(0);
    expect(estimateWaitMs(2, staffing, 8 * MINUTE)).toBe(2 * MINUTE);
    expect(estimateWaitMs(5, staffing, 8 * MINUTE)).toBe(8 * MINUTE);
  });

  it('is unknown when nobody is online', () => {
    expect(estimateWaitMs(1, { agentsOnline: 0, totalSlots: 0, freeSlots: 0 }, MINUTE)).toBeNull();
  });

  it('averages the last N handle times, with a default before any', () => {
    const average = new HandleTimeAverage(2, 5 * MINUTE);
    expect(average.valueMs).toBe(5 * MINUTE);
    average.add(MINUTE);
    average.add(3 * MINUTE);
    average.add(5 * MINUTE);
    expect(average.valueMs).toBe(4 * MINUTE);
  });
});
