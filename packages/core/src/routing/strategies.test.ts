import { describe, expect, it } from 'vitest';
import { makeAgent } from '../testing/storage-conformance/fixtures';
import type { RoutingCandidate, RoutingRequest } from './routing-candidate';
import { chooseAgent, strategies } from './strategies';

const request = (overrides: Partial<RoutingRequest> = {}): RoutingRequest => ({
  conversationId: 'conv_1',
  customerId: 'cus_lin',
  skills: [],
  team: null,
  previousAgent: null,
  now: 10_000,
  ...overrides,
});

const candidate = (
  id: string,
  load: number,
  lastAssignedAt: number | null,
  extra = {},
): RoutingCandidate => ({
  agent: makeAgent({ id, capacity: 3, presence: 'online', load, lastAssignedAt, ...extra }),
  load,
  lastAssignedAt,
});

describe('routing strategies', () => {
  const wang = candidate('agt_wang', 2, 100, { skills: ['orders', 'zh'], teams: ['service'] });
  const li = candidate('agt_li', 1, 500, {
    skills: ['after-sales', 'refund', 'zh', 'en'],
    teams: ['after-sales'],
  });
  const zhao = candidate('agt_zhao', 1, 200, {
    skills: ['after-sales', 'zh'],
    teams: ['after-sales'],
  });
  const full = candidate('agt_full', 3, 0, { skills: ['after-sales', 'zh'] });
  const away = candidate('agt_away', 0, 0, { presence: 'away', skills: ['after-sales', 'zh'] });
  const all = [wang, li, zhao, full, away];

  it('least busy: fewest open conversations, ties to the least recently assigned', () => {
    expect(chooseAgent(strategies.leastBusy(), all, request())?.agent.id).toBe('agt_zhao');
  });

  it('round robin: least recently assigned among those available', () => {
    expect(chooseAgent(strategies.roundRobin(), all, request())?.agent.id).toBe('agt_wang');
  });

  it('never picks an agent who is away, offline or full', () => {
    for (const strategy of [
      strategies.leastBusy(),
      strategies.roundRobin(),
      strategies.skillsBased(),
    ]) {
      const pick = chooseAgent(strategy, [full, away], request({ skills: ['after-sales'] }));
      expect(pick).toBeNull();
    }
  });

  it('skills-based: all required skills covered, the most specialised agent wins', () => {
    const pick = chooseAgent(
      strategies.skillsBased(),
      all,
      request({ skills: ['after-sales', 'zh'] }),
    );
    expect(pick?.agent.id).toBe('agt_zhao');
    expect(
      chooseAgent(strategies.skillsBased(), all, request({ skills: ['en', 'refund'] }))?.agent.id,
    ).toBe('agt_li');
    expect(chooseAgent(strategies.skillsBased(), all, request({ skills: ['fr'] }))).toBeNull();
  });

  it('team routing keeps only members of the requested team', () => {
    expect(chooseAgent(strategies.leastBusy(), all, request({ team: 'service' }))?.agent.id).toBe(
      'agt_wang',
    );
  });

  it('sticky: the previous agent inside the window, else the fallback', () => {
    const previous = { agentId: 'agt_wang', at: 9_000 };
    expect(
      chooseAgent(strategies.sticky(5_000), all, request({ previousAgent: previous }))?.agent.id,
    ).toBe('agt_wang');
    expect(
      chooseAgent(strategies.sticky(500), all, request({ previousAgent: previous }))?.agent.id,
    ).toBe('agt_zhao');
  });

  it('manual never picks; a custom selector decides freely among the available', () => {
    expect(chooseAgent(strategies.manual(), all, request())).toBeNull();
    const lastById = strategies.custom(
      'last-by-id',
      (c) => [...c].sort((a, b) => (a.agent.id < b.agent.id ? 1 : -1))[0] ?? null,
    );
    expect(chooseAgent(lastById, all, request())?.agent.id).toBe('agt_zhao');
  });
});
