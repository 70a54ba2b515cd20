import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import type { Desk } from '@kefu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffingPlanResponse, WhatIfResponse } from '../shared/staffing-api';
import { issueAgentToken } from './agent-tokens';
import { createCandyShopDesk } from './candy-shop-desk';
import { openingHours } from './opening-hours';
import { createStaffingApi } from './staffing-api';

const SECRET = 'staffing-test-secret';

describe('the staffing API', () => {
  let desk: Desk;
  let server: Server;
  let base: string;
  let token: string;

  beforeAll(async () => {
    desk = createCandyShopDesk({ storage: createMemoryAdapter(), openingHours: 'shop' });
    const staffing = createStaffingApi({
      desk,
      calendar: openingHours('shop'),
      agentTokenSecret: SECRET,
    });
    server = createServer((request, response) => {
      void staffing(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    token = issueAgentToken('agt_zhao', SECRET, Date.now());
  });
  afterAll(async () => {
    server.close();
    await desk.stop();
  });

  const call = (path: string, init: RequestInit = {}, auth = true) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(auth ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/json',
      },
    });

  it('answers signed-in agents only', async () => {
    expect((await call('/api/staffing/plan', {}, false)).status).toBe(401);
  });

  it('plans the next week from a sample week while the desk has no history', async () => {
    const response = await call('/api/staffing/plan?handle=240&within=15&target=0.8&capacity=3');
    expect(response.status).toBe(200);
    const plan = (await response.json()) as StaffingPlanResponse;
    expect(plan.source).toBe('sample');
    expect(plan.hours).toHaveLength(7 * 24);
    const closed = plan.hours.filter((hour) => !hour.open);
    const open = plan.hours.filter((hour) => hour.open && hour.arrivals > 0);
    expect(closed.every((hour) => hour.agents === 0)).toBe(true);
    expect(open.length).toBeGreaterThan(50);
    expect(open.every((hour) => hour.agents > 0 && hour.serviceLevel >= 0.8)).toBe(true);
    expect(plan.wape).toBeLessThan(0.3);
  });

  it('runs a what-if day through a simulated desk, hour by hour next to Erlang C', async () => {
    const response = await call('/api/staffing/simulate', {
      method: 'POST',
      body: JSON.stringify({
        agents: 6,
        averageHandleSeconds: 240,
        answerWithinSeconds: 15,
        capacity: 3,
        patienceSeconds: 120,
      }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as WhatIfResponse;
    expect(result.summary.conversations).toBeGreaterThan(500);
    expect(result.hours.map((hour) => hour.hour)).toEqual([
      9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
    ]);
    expect(result.hours.every((hour) => hour.agents === 6)).toBe(true);
    expect(result.summary.serviceLevel).toBeGreaterThan(0);
    expect(result.hours[0]?.erlangServiceLevel).toBeGreaterThan(0.5);
  }, 60_000);

  it('refuses out-of-range what-ifs with 400', async () => {
    for (const body of [
      { agents: 0, averageHandleSeconds: 240, answerWithinSeconds: 15, capacity: 1 },
      { agents: 2.5, averageHandleSeconds: 240, answerWithinSeconds: 15, capacity: 1 },
      { averageHandleSeconds: -1, answerWithinSeconds: 15, capacity: 1 },
      { averageHandleSeconds: 240, answerWithinSeconds: 15, capacity: 99 },
    ]) {
      const response = await call('/api/staffing/simulate', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
    }
    expect((await call('/api/staffing/plan?handle=0')).status).toBe(400);
  });
});
