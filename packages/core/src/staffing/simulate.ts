import { createDesk, type Desk } from '../desk/create-desk';
import { isKefuError, KefuError } from '../errors/kefu-error';
import { createBusinessCalendar } from '../sla/business-calendar';
import { parseInput } from '../validation/parse-input';
import { EventQueue } from './event-queue';
import { hourOfWeek, localMidnight } from './local-time';
import { createSeededRandom } from './seeded-random';
import { SimulationClock, type TimerEntry } from './simulation-clock';
import {
  type SimulationOptions,
  SimulationOptionsSchema,
  type SimulationSettings,
  valueAt,
} from './simulation-options';
import { type AgentHour, type SimulationResult, summarise } from './simulation-result';

const HOUR = 3_600_000;
const CUSTOMER = 'cus_sim';

type Step =
  | TimerEntry
  | { kind: 'hour' }
  | { kind: 'arrival' }
  | { kind: 'resolve'; conversationId: string; agentId: string }
  | { kind: 'abandon'; conversationId: string };

const agentId = (i: number) => `agt_sim_${String(i + 1).padStart(4, '0')}`;

/**
 * Runs a shop's day (or days) through a real desk: seeded Poisson arrivals hour by hour, the
 * desk's own routing, queue, SLA clocks and durable jobs on the storage you give it, agents
 * going online and offline by the hourly staffing, each conversation greeted when assigned and
 * resolved after its handle time, impatient customers abandoning. Returns the desk's own metrics
 * report — the numbers the live desk would show — and a summary of it.
 *
 * @example
 * import { createMemoryAdapter } from '@kefu/adapter-memory';
 * import { simulate } from '@kefu/core/staffing';
 *
 * const result = await simulate({
 *   createStorage: () => createMemoryAdapter(),
 *   arrivalsPerHour: 360,
 *   handleTime: { averageSeconds: 240 },
 *   patience: { averageSeconds: 180 },
 *   agents: 28,
 *   answerWithinSeconds: 20,
 *   seed: 7,
 * });
 * result.summary.serviceLevel; // share answered within 20 s, from the desk's SLA clocks
 */
export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const settings = parseInput(SimulationOptionsSchema, options, 'simulation options');
  const timeZone = settings.timeZone ?? settings.calendar?.timeZone ?? 'Asia/Shanghai';
  const start = localMidnight(settings.startDate, timeZone);
  const end = start + settings.days * 24 * HOUR;
  const steps = new EventQueue<Step>();
  const clock = new SimulationClock(start, steps);
  const errors: unknown[] = [];
  const calendar = settings.calendar ? createBusinessCalendar(settings.calendar) : null;
  const desk = createDesk({
    storage: settings.createStorage(),
    clock,
    onError: (error) => errors.push(error),
    routing: { ...settings.routing, auto: true },
    // Nobody reopens in a simulation: closing at once keeps the job table to open conversations.
    reopenWindowMs: 0,
    pendingIdleCloseMs: null,
    sentiment: { enabled: false },
    jobs: { pollIntervalMs: 24 * HOUR },
    sla: {
      calendars: settings.calendar ? { hours: settings.calendar } : {},
      policies: [
        {
          id: 'sla_sim',
          name: `answer within ${settings.answerWithinSeconds} s`,
          targets: {
            firstResponse: {
              withinMs: settings.answerWithinSeconds * 1000,
              hours: settings.calendar ? 'business' : 'calendar',
            },
          },
          ...(settings.calendar ? { calendar: 'hours' } : {}),
          warnAt: [],
        },
      ],
    },
  });
  try {
    const run = new Run(desk, settings, clock, steps, timeZone, calendar);
    await run.prepare(start);
    await run.until(end);
    await desk.stop();
    if (errors.length > 0) throw failed(errors[0]);
    return await summarise(desk, {
      from: start + settings.warmupMinutes * 60_000,
      to: end,
      timeZone,
      agentHours: run.agentHours,
    });
  } finally {
    await desk.stop();
  }
}

function failed(error: unknown): KefuError {
  if (isKefuError(error)) return error;
  return new KefuError('ADAPTER', `The simulated desk failed: ${String(error)}`, { cause: error });
}

/** The moving parts of one simulation run. */
class Run {
  readonly #arrivals;
  readonly #handles;
  readonly #patience;
  /** Conversations assigned since the last step, to greet and schedule. */
  readonly #assigned: { conversationId: string; agentId: string }[] = [];
  readonly #queued = new Set<string>();
  /** Each conversation's handle time as a multiple of the mean, drawn when it arrives. */
  readonly #work = new Map<string, number>();
  #lastArrival = Number.NEGATIVE_INFINITY;
  readonly #load = new Map<string, number>();
  #rate = 0;
  #hourEnd = 0;
  #online = 0;
  /** Online agent-milliseconds × capacity per local hour of day, for utilisation. */
  readonly agentHours: AgentHour[] = [];

  constructor(
    private readonly desk: Desk,
    private readonly settings: SimulationSettings,
    private readonly clock: SimulationClock,
    private readonly steps: EventQueue<Step>,
    private readonly timeZone: string,
    private readonly calendar: ReturnType<typeof createBusinessCalendar> | null,
  ) {
    this.#arrivals = createSeededRandom(settings.seed, 0);
    this.#handles = createSeededRandom(settings.seed, 1);
    this.#patience = createSeededRandom(settings.seed, 2);
    desk.on('conversation.assigned', (event) => {
      this.#assigned.push({
        conversationId: event.data.conversation.id,
        agentId: event.data.agentId,
      });
    });
  }

  async prepare(start: number): Promise<void> {
    await this.desk.customers.upsert({ id: CUSTOMER, name: '模拟顾客' });
    const most = Math.max(...[this.settings.agents].flat());
    for (let i = 0; i < most; i++) {
      await this.desk.agents.upsert({
        id: agentId(i),
        name: `客服 ${i + 1}`,
        capacity: this.settings.capacity,
        presence: 'offline',
      });
    }
    await this.desk.jobs.start();
    this.steps.push(start, { kind: 'hour' });
  }

  async until(end: number): Promise<void> {
    for (;;) {
      const next = this.steps.pop();
      if (!next || next.at >= end) return;
      this.clock.moveTo(next.at);
      await this.#step(next.item, next.at, end);
      await this.desk.routing.idle();
      await this.#greetAssigned();
    }
  }

  async #step(step: Step, at: number, end: number): Promise<void> {
    switch (step.kind) {
      case 'timer':
        if (!step.cancelled) await step.callback();
        return;
      case 'hour':
        return this.#startHour(at, end);
      case 'arrival':
        return this.#arrive(at);
      case 'resolve':
        this.#load.set(step.agentId, (this.#load.get(step.agentId) ?? 1) - 1);
        await this.desk.conversations.resolve({ conversationId: step.conversationId });
        return;
      case 'abandon':
        if (this.#queued.delete(step.conversationId)) {
          await this.desk.conversations.abandon({ conversationId: step.conversationId });
        }
        return;
    }
  }

  /**
   * New hour: this hour's arrival rate and staffing. An arrival drawn past the hour is dropped and
   * the new hour draws afresh at its own rate — exact for Poisson arrivals, which are memoryless.
   */
  async #startHour(at: number, end: number): Promise<void> {
    const weekHour = hourOfWeek(at, this.timeZone);
    const open = this.calendar ? this.calendar.isOpen(at) : true;
    this.#rate = open ? valueAt(this.settings.arrivalsPerHour, weekHour) / HOUR : 0;
    const wanted = open ? valueAt(this.settings.agents, weekHour) : 0;
    const next = Math.min(end, at + HOUR);
    this.agentHours.push({
      at,
      hour: weekHour % 24,
      agents: wanted,
      ms: next - at,
      capacity: this.settings.capacity,
    });
    for (let i = Math.min(wanted, this.#online); i < Math.max(wanted, this.#online); i++) {
      await this.desk.agents.setPresence({
        agentId: agentId(i),
        presence: i < wanted ? 'online' : 'offline',
      });
    }
    this.#online = wanted;
    this.#hourEnd = next;
    this.#scheduleArrival(at);
    this.steps.push(next, { kind: 'hour' });
  }

  #scheduleArrival(from: number): void {
    if (this.#rate <= 0) return;
    // Whole, distinct milliseconds: two arrivals never tie, so the queue order never hangs on ids.
    const at = Math.max(
      this.#lastArrival + 1,
      Math.round(from + this.#arrivals.exponential(1 / this.#rate)),
    );
    if (at >= this.#hourEnd) return;
    this.#lastArrival = at;
    this.steps.push(at, { kind: 'arrival' });
  }

  async #arrive(at: number): Promise<void> {
    this.#scheduleArrival(at);
    const conversation = await this.desk.conversations.start({ customerId: CUSTOMER });
    this.#queued.add(conversation.id);
    const { handleTime } = this.settings;
    this.#work.set(
      conversation.id,
      handleTime.distribution === 'exponential'
        ? this.#handles.exponential(1)
        : this.#handles.logNormal(1, handleTime.cv),
    );
    const patience = this.settings.patience;
    if (patience) {
      const leaveAt = Math.round(at + this.#patience.exponential(patience.averageSeconds * 1000));
      this.steps.push(leaveAt, { kind: 'abandon', conversationId: conversation.id });
    }
  }

  /** Each newly assigned conversation: the agent greets (first response) and works it. */
  async #greetAssigned(): Promise<void> {
    const now = this.clock.now();
    const { handleTime, concurrencySlowdown } = this.settings;
    for (let next = this.#assigned.shift(); next; next = this.#assigned.shift()) {
      this.#queued.delete(next.conversationId);
      const holding = this.#load.get(next.agentId) ?? 0;
      this.#load.set(next.agentId, holding + 1);
      await this.desk.messages.post({
        conversationId: next.conversationId,
        author: { kind: 'agent', id: next.agentId },
        text: '您好，我是客服，请问有什么可以帮您？',
      });
      const mean = handleTime.averageSeconds * 1000 * (1 + concurrencySlowdown * holding);
      const handle = mean * (this.#work.get(next.conversationId) ?? 1);
      this.#work.delete(next.conversationId);
      // Whole milliseconds, like every instant the desk stores.
      this.steps.push(Math.round(now + handle), { kind: 'resolve', ...next });
    }
  }
}
