import { EventQueue } from '../../packages/core/src/staffing/event-queue';
import { createSeededRandom } from '../../packages/core/src/staffing/seeded-random';
import { TimedQueue } from './timed-queue';

/** What the bare queue measured: the figures the desk's report gives, computed directly. */
export interface BareQueueResult {
  conversations: number;
  asaSeconds: number;
  serviceLevel: number;
  utilisation: number;
}

const HOUR = 3_600_000;
type Step = { kind: 'hour' } | { kind: 'arrival' } | { kind: 'done' };

/**
 * The baseline: an M/M/c queue as a bare event-queue simulation — no desk, no storage. Arrivals
 * and handle times come from the same seeded streams as `simulate` (streams 0 and 1), drawn the
 * same way (hour by hour, whole distinct milliseconds), so both see exactly the same customers.
 */
export function bareQueue(options: {
  arrivalsPerHour: number;
  averageHandleSeconds: number;
  servers: number;
  answerWithinSeconds: number;
  hours: number;
  warmupMinutes: number;
  seed: number;
}): BareQueueResult {
  const arrivals = createSeededRandom(options.seed, 0);
  const handles = createSeededRandom(options.seed, 1);
  const end = options.hours * HOUR;
  const from = options.warmupMinutes * 60_000;
  const rate = options.arrivalsPerHour / HOUR;
  const steps = new EventQueue<Step>();
  // Customers waiting for an agent: when each arrived, and their work.
  const waiting = new TimedQueue<number>();
  let free = options.servers;
  let last = Number.NEGATIVE_INFINITY;
  let hourEnd = 0;
  let conversations = 0;
  let answered = 0;
  let waitSum = 0;
  let onTime = 0;
  let busyMs = 0;
  const schedule = (at: number) => {
    const next = Math.max(last + 1, Math.round(at + arrivals.exponential(1 / rate)));
    if (next >= hourEnd) return;
    last = next;
    steps.push(next, { kind: 'arrival' });
  };
  const serve = (at: number, arrivedAt: number, work: number) => {
    free--;
    const handle = Math.round(work * options.averageHandleSeconds * 1000);
    if (arrivedAt >= from) {
      answered++;
      waitSum += at - arrivedAt;
      if (at - arrivedAt <= options.answerWithinSeconds * 1000) onTime++;
    }
    busyMs += Math.max(0, Math.min(end, at + handle) - Math.max(from, at));
    steps.push(at + handle, { kind: 'done' });
  };
  steps.push(0, { kind: 'hour' });
  for (;;) {
    const next = steps.pop();
    if (!next || next.at >= end) break;
    const { at, item } = next;
    if (item.kind === 'hour') {
      hourEnd = at + HOUR;
      schedule(at);
      steps.push(hourEnd, { kind: 'hour' });
    } else if (item.kind === 'arrival') {
      schedule(at);
      if (at >= from) conversations++;
      const work = handles.exponential(1);
      if (free > 0) serve(at, at, work);
      else waiting.push(at, work);
    } else {
      free++;
      const first = waiting.shift();
      if (first) serve(at, first.at, first.item);
    }
  }
  return {
    conversations,
    asaSeconds: waitSum / answered / 1000,
    serviceLevel: onTime / answered,
    utilisation: busyMs / ((end - from) * options.servers),
  };
}
