import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAgent } from '../testing/storage-conformance/fixtures';
import type { RoutingCandidate, RoutingRequest } from './routing-candidate';
import { RoutingIndex } from './routing-index';
import { chooseAgent, strategies } from './strategies';

const SKILLS = ['orders', 'after-sales', 'payment', 'zh', 'en'];
const TEAMS = ['service', 'after-sales'];

const candidateArb = (id: string): fc.Arbitrary<RoutingCandidate> =>
  fc
    .record({
      skills: fc.subarray(SKILLS),
      teams: fc.subarray(TEAMS),
      capacity: fc.integer({ min: 0, max: 4 }),
      load: fc.integer({ min: 0, max: 4 }),
      presence: fc.constantFrom('online' as const, 'away' as const, 'offline' as const),
      lastAssignedAt: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    })
    .map(({ load, lastAssignedAt, ...agent }) => ({
      agent: makeAgent({ id, ...agent, load, lastAssignedAt }),
      load,
      lastAssignedAt,
    }));

const requestArb: fc.Arbitrary<RoutingRequest> = fc.record({
  conversationId: fc.constant('conv_1'),
  customerId: fc.constant('cus_1'),
  skills: fc.subarray(SKILLS, { maxLength: 2 }),
  team: fc.option(fc.constantFrom(...TEAMS), { nil: null }),
  previousAgent: fc.constant(null),
  now: fc.constant(100),
});

describe('RoutingIndex', () => {
  for (const [name, strategy] of [
    ['least busy', strategies.leastBusy()],
    ['round robin', strategies.roundRobin()],
    ['skills-based', strategies.skillsBased()],
  ] as const) {
    it(`chooses exactly what a full scan chooses (${name}), also after assignments`, () => {
      fc.assert(
        fc.property(
          fc
            .array(fc.nat(), { minLength: 1, maxLength: 12 })
            .chain((seeds) => fc.tuple(...seeds.map((_, i) => candidateArb(`agt_${i}`)))),
          fc.array(requestArb, { minLength: 1, maxLength: 15 }),
          (initial, requests) => {
            const scan = new Map(initial.map((c) => [c.agent.id, c]));
            const index = new RoutingIndex(strategy, initial);
            for (const [step, request] of requests.entries()) {
              const expected = chooseAgent(strategy, [...scan.values()], request);
              const actual = index.choose(request);
              expect(actual?.agent.id ?? null).toBe(expected?.agent.id ?? null);
              if (!actual) continue;
              const assigned = { ...actual, load: actual.load + 1, lastAssignedAt: 1000 + step };
              scan.set(assigned.agent.id, assigned);
              index.update(assigned);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('falls back to scanning for strategies without a rank', () => {
    const candidates = [0, 1, 2].map((i) => ({
      agent: makeAgent({ id: `agt_${i}`, presence: 'online', capacity: 2 }),
      load: 0,
      lastAssignedAt: null,
    }));
    const last = strategies.custom('last', (c) => c.at(-1) ?? null);
    const index = new RoutingIndex(last, candidates);
    const request = {
      conversationId: 'c',
      customerId: 'x',
      skills: [],
      team: null,
      previousAgent: null,
      now: 0,
    };
    expect(index.choose(request)?.agent.id).toBe('agt_2');
  });
});
