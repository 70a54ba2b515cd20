import { createMemoryAdapter } from '@kefu/adapter-memory';
import {
  type Agent,
  chooseAgent,
  createDesk,
  type RoutingCandidate,
  RoutingIndex,
  type RoutingRequest,
  strategies,
} from '@kefu/core';
import type { BenchResult } from './bench-result';

const SKILLS = ['orders', 'after-sales', 'payment', 'logistics', 'zh', 'en'];
const TEAMS = ['service', 'after-sales', 'logistics'];
const QUEUED = 10_000;

function makeAgents(count: number): RoutingCandidate[] {
  return Array.from({ length: count }, (_, i) => {
    const agent: Agent = {
      id: `agt_${String(i).padStart(5, '0')}`,
      name: `客服${i}`,
      skills: [SKILLS[i % 6], SKILLS[(i * 7 + 1) % 6], i % 2 ? 'zh' : 'en'].filter(
        (skill, at, all): skill is string => skill !== undefined && all.indexOf(skill) === at,
      ),
      teams: [TEAMS[i % 3] as string],
      // Enough places that the 10,000 conversations all find someone.
      capacity: Math.ceil((2 * QUEUED) / count),
      presence: 'online',
      metadata: {},
      load: 0,
      lastAssignedAt: null,
      createdAt: 0,
      updatedAt: 0,
      version: 1,
    };
    return { agent, load: 0, lastAssignedAt: null };
  });
}

function makeRequests(count: number): RoutingRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    conversationId: `conv_${i}`,
    customerId: `cus_${i % 500}`,
    skills: i % 3 === 0 ? [] : [SKILLS[i % 4] as string],
    team: i % 5 === 0 ? (TEAMS[i % 3] as string) : null,
    previousAgent: null,
    now: i,
  }));
}

/** Decisions per second: choose an agent, then record the assignment (load + 1). */
function measure(
  agents: number,
  decide: (candidates: RoutingCandidate[]) => (request: RoutingRequest, at: number) => void,
  budgetMs: number,
): number {
  const requests = makeRequests(QUEUED);
  const run = decide(makeAgents(agents));
  const start = performance.now();
  let done = 0;
  for (const request of requests) {
    run(request, done);
    done++;
    if (done % 256 === 0 && performance.now() - start > budgetMs) break;
  }
  return done / ((performance.now() - start) / 1000);
}

const indexed = (candidates: RoutingCandidate[]) => {
  const index = new RoutingIndex(strategies.leastBusy(), candidates);
  return (request: RoutingRequest, at: number) => {
    const choice = index.choose(request);
    if (choice) index.update({ ...choice, load: choice.load + 1, lastAssignedAt: at });
  };
};

// The baseline: the same strategy applied by scanning every agent for every decision.
const scanned = (candidates: RoutingCandidate[]) => {
  const byId = new Map(candidates.map((c) => [c.agent.id, c]));
  const strategy = strategies.leastBusy();
  return (request: RoutingRequest, at: number) => {
    const choice = chooseAgent(strategy, [...byId.values()], request);
    if (choice) byId.set(choice.agent.id, { ...choice, load: choice.load + 1, lastAssignedAt: at });
  };
};

/** End to end: `desk.routing.dispatch()` assigning the whole queue through the memory adapter. */
async function dispatchPerSecond(agents: number, queued: number): Promise<number> {
  const desk = createDesk({ storage: createMemoryAdapter(), routing: { auto: false } });
  for (const { agent } of makeAgents(agents)) {
    await desk.agents.upsert({
      ...agent,
      metadata: {},
      capacity: Math.ceil((2 * queued) / agents),
    });
  }
  await desk.customers.upsert({ id: 'cus_lin' });
  for (let i = 0; i < queued; i++) await desk.conversations.start({ customerId: 'cus_lin' });
  const start = performance.now();
  const assigned = await desk.routing.dispatch();
  return assigned.length / ((performance.now() - start) / 1000);
}

export async function benchRoutingDecisions(): Promise<BenchResult> {
  const sizes = [100, 1_000, 10_000];
  measure(1_000, indexed, 200);
  measure(1_000, scanned, 200);
  const rates: Record<string, { indexed: number; scan: number; indexedNsPerDecision: number }> = {};
  for (const size of sizes) {
    const fast = measure(size, indexed, 2_000);
    const slow = measure(size, scanned, 1_000);
    rates[size] = {
      indexed: Math.round(fast),
      scan: Math.round(slow),
      indexedNsPerDecision: Math.round(1e9 / fast),
    };
  }
  const at1000 = rates[1_000] as { indexed: number; scan: number };
  const ns = (size: number) =>
    (rates[size] as { indexedNsPerDecision: number }).indexedNsPerDecision;
  return {
    name: 'routing.decisions-per-second',
    value: at1000.indexed,
    unit: 'decisions/s',
    baseline: at1000.scan,
    ratio: Number((at1000.indexed / at1000.scan).toFixed(2)),
    params: {
      agents: 1_000,
      queued: QUEUED,
      strategy: 'least-busy with skills and team filters',
      baseline: 'the same strategy scanning every agent per decision (chooseAgent)',
      bySize: rates,
      // log2(10000)/log2(100) = 2: logarithmic growth keeps this near 2, linear would be 100.
      costGrowth100To10000: Number((ns(10_000) / ns(100)).toFixed(2)),
      dispatchAssignmentsPerSecond1000Agents: Math.round(await dispatchPerSecond(1_000, 2_000)),
      goal: 'value >= 100000 and costGrowth100To10000 well below 100 (logarithmic)',
      node: process.version,
    },
  };
}
