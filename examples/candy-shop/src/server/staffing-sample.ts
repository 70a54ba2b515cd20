const HOUR = 3_600_000;

/**
 * A typical candy-shop week, chats per hour by hour of the week (Monday 00:00 first): quiet
 * nights, a lunch and an evening peak, busier weekends. Used until the desk has two weeks of its
 * own history to forecast from.
 */
export function sampleWeekRate(hourOfWeek: number): number {
  const hour = hourOfWeek % 24;
  const weekend = hourOfWeek >= 120 ? 1.4 : 1;
  const daily =
    hour < 9 ? 0 : hour < 11 ? 50 : hour < 14 ? 110 : hour < 18 ? 80 : hour < 22 ? 130 : 0;
  return daily * weekend;
}

/** A seeded Poisson log of `weeks` sample weeks ending at `to` (a local Monday 00:00). */
export function sampleHistory(to: number, weeks: number): { type: string; at: number }[] {
  let state = 20261111;
  // A tiny LCG is plenty for demo data; the simulator has its own generator.
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const events: { type: string; at: number }[] = [];
  const from = to - weeks * 168 * HOUR;
  for (let k = 0; k < weeks * 168; k++) {
    const rate = sampleWeekRate(k % 168);
    if (rate === 0) continue;
    for (let t = -Math.log(random()) / rate; t < 1; t += -Math.log(random()) / rate) {
      events.push({ type: 'conversation.started', at: Math.floor(from + (k + t) * HOUR) });
    }
  }
  return events;
}
