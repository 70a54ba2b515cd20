import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import { erlangC } from './erlang-c';
import { requiredAgents } from './required-agents';

const target = {
  arrivalsPerHour: 360,
  averageHandleSeconds: 240,
  answerWithinSeconds: 20,
  targetServiceLevel: 0.8,
};

describe('requiredAgents', () => {
  it('finds the fewest agents for 80/20 and the figures at that count', () => {
    const plan = requiredAgents(target);
    // 28 agents give 76.1 % (the known answer), so one more is needed.
    expect(plan.agents).toBe(29);
    expect(plan.model).toBe('erlang-c');
    expect(plan.figures).toEqual(erlangC({ ...target, agents: 29 }));
    expect(plan.figures.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(plan.scheduledAgents).toBe(29);
  });

  it('adds shrinkage to the rota and honours a maximum occupancy', () => {
    expect(requiredAgents({ ...target, shrinkage: 0.3 }).scheduledAgents).toBe(42);
    // 24 Erlangs at most 80 % busy: 30 agents, more than the service level alone needs.
    expect(requiredAgents({ ...target, maxOccupancy: 0.8 }).agents).toBe(30);
  });

  it('needs fewer agents with Erlang A, where some customers leave', () => {
    const patient = requiredAgents(target).agents;
    const impatient = requiredAgents({ ...target, averagePatienceSeconds: 60 });
    expect(impatient.model).toBe('erlang-a');
    expect(impatient.agents).toBeLessThanOrEqual(patient);
    expect(impatient.figures.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('divides by capacity: two chats each need half the people', () => {
    expect(requiredAgents({ ...target, capacity: 2 }).agents).toBe(15);
  });

  it('needs nobody when nothing arrives, and refuses targets it cannot reach', () => {
    expect(requiredAgents({ ...target, arrivalsPerHour: 0 }).agents).toBe(1);
    let error: unknown;
    try {
      // A billion chats an hour need more than the 100,000 servers the formulas take.
      requiredAgents({ ...target, arrivalsPerHour: 1e9 });
    } catch (caught) {
      error = caught;
    }
    expect(isKefuError(error, 'VALIDATION')).toBe(true);
  });
});
