import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { type BusinessCalendarInput, createBusinessCalendar, type Desk } from '@kefu/core';
import { erlangC, forecastArrivals, planStaffing, simulate } from '@kefu/core/staffing';
import type {
  StaffingPlanResponse,
  StaffingTargets,
  WhatIfRequest,
  WhatIfResponse,
} from '../shared/staffing-api';
import { verifyAgentToken } from './agent-tokens';
import { readJson, sendError, sendJson } from './http-json';
import { sampleHistory } from './staffing-sample';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET = 8 * HOUR; // no daylight saving in China

/** Local midnight in Shanghai of the day holding `at`. */
function dayStart(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
}

/** Local Monday 00:00 in Shanghai of the week holding `at` (1970-01-01 was a Thursday). */
function weekStart(at: number): number {
  const day = Math.floor((at + SHANGHAI_OFFSET) / DAY);
  return (day - ((day + 3) % 7)) * DAY - SHANGHAI_OFFSET;
}

export interface StaffingApiOptions {
  desk: Desk;
  /** The shop's service hours: nobody online and nothing arrives while closed. */
  calendar: BusinessCalendarInput;
  agentTokenSecret: string;
}

/** A number from a query or body field inside [min, max], else null. */
function bounded(value: unknown, min: number, max: number): number | null {
  const number = typeof value === 'string' && value !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= min && number <= max
    ? number
    : null;
}

/**
 * The staffing page's endpoints, for signed-in agents (`Authorization: Bearer <agent token>`):
 * `GET /api/staffing/plan` forecasts the next week from the desk's history (or a sample week while
 * it has under two weeks) and plans agents per hour; `POST /api/staffing/simulate` runs tomorrow
 * through a simulated desk with the agents, handle time and target asked for. One simulation at a
 * time: a second one while the first runs gets 429. Resolves false for paths it does not serve.
 *
 * @example
 * const staffing = createStaffingApi({ desk, calendar: openingHours('shop'), agentTokenSecret });
 * if (await staffing(request, response)) return;
 */
export function createStaffingApi(options: StaffingApiOptions) {
  const { desk, calendar, agentTokenSecret } = options;
  const hours = createBusinessCalendar(calendar);
  let simulating = false;

  let cached: {
    to: number;
    at: number;
    result: Awaited<ReturnType<typeof computeForecast>>;
  } | null = null;

  /** The forecast, recomputed at most every ten minutes (the history only grows slowly). */
  async function forecast() {
    const now = desk.clock.now();
    const to = weekStart(now);
    if (cached && cached.to === to && now - cached.at < 10 * 60_000) return cached.result;
    const result = await computeForecast(to);
    cached = { to, at: now, result };
    return result;
  }

  async function computeForecast(to: number) {
    const [first] = await desk.events.read({ after: 0, limit: 1 });
    const fromHistory = first !== undefined && to - first.at >= 2 * WEEK;
    const source = fromHistory ? ('history' as const) : ('sample' as const);
    const input = { from: to - 4 * WEEK, to, horizonDays: 14, timeZone: ZONE, calendar };
    const result = fromHistory
      ? await forecastArrivals({ ...input, from: Math.max(first.at, to - 8 * WEEK), desk })
      : await forecastArrivals({ ...input, events: sampleHistory(to, 4) });
    return { source, forecast: result };
  }

  function targetsOf(url: URL): StaffingTargets | null {
    const averageHandleSeconds = bounded(url.searchParams.get('handle') ?? 240, 10, 3_600);
    const answerWithinSeconds = bounded(url.searchParams.get('within') ?? 15, 1, 600);
    const targetServiceLevel = bounded(url.searchParams.get('target') ?? 0.8, 0.05, 0.99);
    const capacity = bounded(url.searchParams.get('capacity') ?? 3, 1, 10);
    if (!averageHandleSeconds || !answerWithinSeconds || !targetServiceLevel || !capacity) {
      return null;
    }
    if (!Number.isInteger(capacity)) return null;
    return { averageHandleSeconds, answerWithinSeconds, targetServiceLevel, capacity };
  }

  async function plan(targets: StaffingTargets): Promise<StaffingPlanResponse> {
    const { source, forecast: result } = await forecast();
    const now = desk.clock.now();
    const upcoming = result.hours.filter((hour) => hour.start + HOUR > now).slice(0, 7 * 24);
    const planned = planStaffing({ hours: upcoming }, targets);
    return {
      source,
      timeZone: ZONE,
      mape: result.error.mape,
      wape: result.error.wape,
      targets,
      hours: planned.map((hour) => ({
        start: hour.start,
        arrivals: hour.arrivals,
        agents: hour.agents,
        scheduledAgents: hour.scheduledAgents,
        serviceLevel: hour.serviceLevel,
        open: hours.isOpen(hour.start + HOUR / 2),
      })),
    };
  }

  async function whatIf(request: WhatIfRequest, targets: StaffingTargets): Promise<WhatIfResponse> {
    const { forecast: result } = await forecast();
    const tomorrow = dayStart(desk.clock.now()) + DAY;
    const day = result.hours.filter((hour) => hour.start >= tomorrow).slice(0, 24);
    const arrivals = day.map((hour) => hour.arrivals);
    const planned = planStaffing({ hours: day }, targets).map((hour) => hour.agents);
    const agents =
      request.agents === undefined ? planned : arrivals.map(() => request.agents as number);
    const date = new Date(tomorrow + SHANGHAI_OFFSET).toISOString().slice(0, 10);
    const simulated = await simulate({
      createStorage: () => createMemoryAdapter(),
      arrivalsPerHour: arrivals,
      handleTime: {
        averageSeconds: request.averageHandleSeconds,
        distribution: 'lognormal',
        cv: 0.8,
      },
      ...(request.patienceSeconds ? { patience: { averageSeconds: request.patienceSeconds } } : {}),
      agents,
      capacity: request.capacity,
      answerWithinSeconds: request.answerWithinSeconds,
      calendar,
      timeZone: ZONE,
      startDate: date,
      seed: 11,
    });
    const byHour = new Map(simulated.hours.map((hour) => [Number(hour.hour), hour]));
    const open = day.flatMap((hour, index) => (hours.isOpen(hour.start + HOUR / 2) ? [index] : []));
    return {
      date,
      summary: {
        conversations: simulated.summary.conversations,
        serviceLevel: simulated.summary.serviceLevel,
        asaSeconds: simulated.summary.asaSeconds,
        abandonmentRate: simulated.summary.abandonmentRate,
        utilisation: simulated.summary.utilisation,
      },
      hours: open.map((index) => {
        const expected = erlangC({
          arrivalsPerHour: arrivals[index] ?? 0,
          averageHandleSeconds: request.averageHandleSeconds,
          agents: Math.max(1, agents[index] ?? 1),
          capacity: request.capacity,
          answerWithinSeconds: request.answerWithinSeconds,
        });
        const row = byHour.get(index);
        return {
          hour: index,
          arrivals: arrivals[index] ?? 0,
          agents: agents[index] ?? 0,
          serviceLevel: row?.serviceLevel ?? null,
          erlangServiceLevel: expected.stable ? expected.serviceLevel : 0,
          asaSeconds: row?.asaSeconds ?? null,
        };
      }),
    };
  }

  return async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://candy-shop.local');
    if (!url.pathname.startsWith('/api/staffing/')) return false;
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!verifyAgentToken(token, agentTokenSecret, Date.now())) {
      sendError(response, 401, 'Sign in to the console first.');
      return true;
    }
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /api/staffing/plan') {
      const targets = targetsOf(url);
      if (!targets) {
        sendError(
          response,
          400,
          'handle 10–3600 s, within 1–600 s, target 0.05–0.99, capacity 1–10.',
        );
        return true;
      }
      sendJson(response, 200, await plan(targets));
      return true;
    }
    if (route === 'POST /api/staffing/simulate') {
      const body = ((await readJson(request)) ?? {}) as Record<string, unknown>;
      const agents =
        body.agents === undefined || body.agents === null
          ? undefined
          : bounded(body.agents, 1, 100);
      const patience =
        body.patienceSeconds === undefined || body.patienceSeconds === null
          ? undefined
          : bounded(body.patienceSeconds, 10, 3_600);
      const asked = {
        averageHandleSeconds: bounded(body.averageHandleSeconds, 10, 3_600),
        answerWithinSeconds: bounded(body.answerWithinSeconds, 1, 600),
        capacity: bounded(body.capacity, 1, 10),
      };
      if (
        agents === null ||
        patience === null ||
        (agents !== undefined && !Number.isInteger(agents)) ||
        !asked.averageHandleSeconds ||
        !asked.answerWithinSeconds ||
        !asked.capacity ||
        !Number.isInteger(asked.capacity)
      ) {
        sendError(
          response,
          400,
          'agents 1–100 (or none), handle 10–3600 s, within 1–600 s, capacity 1–10, patience 10–3600 s.',
        );
        return true;
      }
      if (simulating) {
        sendError(response, 429, 'A simulation is running; try again in a few seconds.');
        return true;
      }
      simulating = true;
      try {
        const whatIfRequest: WhatIfRequest = {
          averageHandleSeconds: asked.averageHandleSeconds,
          answerWithinSeconds: Math.round(asked.answerWithinSeconds),
          capacity: asked.capacity,
          ...(agents === undefined ? {} : { agents }),
          ...(patience === undefined ? {} : { patienceSeconds: patience }),
        };
        const targets: StaffingTargets = {
          averageHandleSeconds: asked.averageHandleSeconds,
          answerWithinSeconds: asked.answerWithinSeconds,
          targetServiceLevel: 0.8,
          capacity: asked.capacity,
        };
        sendJson(response, 200, await whatIf(whatIfRequest, targets));
      } finally {
        simulating = false;
      }
      return true;
    }
    sendError(response, 404, 'Not found.');
    return true;
  };
}
