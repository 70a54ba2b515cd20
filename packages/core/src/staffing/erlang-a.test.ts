import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import { erlangA } from './erlang-a';
import { erlangC } from './erlang-c';

const base = { arrivalsPerHour: 360, averageHandleSeconds: 240, answerWithinSeconds: 20 };

const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
/** Standard normal CDF by the trapezoid rule: slow, simple and accurate to 1e-9 here. */
const Phi = (x: number) => {
  const steps = 20_000;
  const from = -12;
  const h = (x - from) / steps;
  let sum = (phi(from) + phi(x)) / 2;
  for (let i = 1; i < steps; i++) sum += phi(from + i * h);
  return sum * h;
};
const hazard = (x: number) => phi(x) / (1 - Phi(x));

describe('erlangA', () => {
  it('becomes Erlang C as patience grows without bound', () => {
    const c = erlangC({ ...base, agents: 28 });
    const a = erlangA({ ...base, agents: 28, averagePatienceSeconds: 1e9 });
    if (!c.stable) throw new Error('expected a stable queue');
    expect(a.pWait).toBeCloseTo(c.pWait, 6);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 4);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
    expect(a.pAbandon).toBeLessThan(1e-6);
  });

  it('with patience equal to handle time, matches the M/M/∞ closed form', () => {
    // When θ = μ every conversation in the system leaves at rate μ, waiting or served, so the
    // number present is Poisson(A): P(wait) = P(N ≥ c) and P(abandon) = E[(N − c)⁺] / A.
    const load = 24;
    const agents = 26;
    const poisson: number[] = [Math.exp(-load)];
    for (let k = 1; k < 200; k++) poisson.push(((poisson[k - 1] as number) * load) / k);
    let atLeast = 0;
    let excess = 0;
    poisson.forEach((p, k) => {
      if (k >= agents) atLeast += p;
      excess += p * Math.max(0, k - agents);
    });
    const a = erlangA({ ...base, agents, averagePatienceSeconds: 240 });
    expect(a.pWait).toBeCloseTo(atLeast, 10);
    expect(a.pAbandon).toBeCloseTo(excess / load, 10);
  });

  it('agrees with the Garnett–Mandelbaum–Reiman heavy-traffic formula, better as the desk grows', () => {
    // Garnett, Mandelbaum & Reiman, "Designing a Call Center with Impatient Customers",
    // M&SOM 4(3), 2002: with c = R + β√R, P(wait) → [1 + h(β r) / (r h(−β))]⁻¹, r = √(μ/θ),
    // h the standard normal hazard rate. An asymptotic formula: the gap must shrink like 1/√R.
    const gap = (load: number) => {
      const agents = Math.round(load + Math.sqrt(load));
      const beta = (agents - load) / Math.sqrt(load);
      const r = Math.sqrt(0.5); // patience half the handle time: θ = 2μ
      const limit = 1 / (1 + hazard(beta * r) / (r * hazard(-beta)));
      const exact = erlangA({
        arrivalsPerHour: (load / 240) * 3600,
        averageHandleSeconds: 240,
        agents,
        answerWithinSeconds: 20,
        averagePatienceSeconds: 120,
      }).pWait;
      return Math.abs(exact / limit - 1);
    };
    const [small, medium, large] = [gap(100), gap(400), gap(1600)];
    expect(large).toBeLessThan(0.025);
    expect(medium / large).toBeGreaterThan(1.7);
    expect(small / medium).toBeGreaterThan(1.7);
  });

  it('accounts for every conversation: answered at once, after a wait, or abandoned', () => {
    const a = erlangA({ ...base, agents: 20, averagePatienceSeconds: 120 });
    // Little's law on the queue: mean wait over everyone = E[queue] / λ, abandonment = θ·E[queue] / λ.
    expect(a.pAbandon).toBeCloseTo(a.averageWaitSeconds / 120, 10);
    expect(a.serviceLevel).toBeLessThanOrEqual(1 - a.pAbandon + 1e-12);
    expect(a.occupancy).toBeCloseTo((24 * (1 - a.pAbandon)) / 20, 10);
  });

  it('settles below the Erlang C staffing, with abandonment instead of an endless queue', () => {
    expect(erlangC({ ...base, agents: 20 }).stable).toBe(false);
    const a = erlangA({ ...base, agents: 20, averagePatienceSeconds: 120 });
    expect(a.pAbandon).toBeGreaterThan(0.1);
    expect(a.pAbandon).toBeLessThan(0.3);
  });

  it('refuses bad input with VALIDATION', () => {
    for (const bad of [
      { ...base, agents: 28, averagePatienceSeconds: 0 },
      { ...base, agents: 28, averagePatienceSeconds: -5 },
      { ...base, agents: -1, averagePatienceSeconds: 60 },
    ]) {
      let error: unknown;
      try {
        erlangA(bad);
      } catch (caught) {
        error = caught;
      }
      expect(isKefuError(error, 'VALIDATION')).toBe(true);
    }
  });

  it('is never NaN, keeps probabilities in [0, 1], and serves better with every agent added', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        fc.double({ min: 10, max: 1_800, noNaN: true }),
        fc.integer({ min: 1, max: 150 }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 5, max: 1_800, noNaN: true }),
        (arrivalsPerHour, averageHandleSeconds, agents, answerWithinSeconds, patience) => {
          const input = { arrivalsPerHour, averageHandleSeconds, answerWithinSeconds };
          const fewer = erlangA({ ...input, agents, averagePatienceSeconds: patience });
          const more = erlangA({ ...input, agents: agents + 1, averagePatienceSeconds: patience });
          for (const figures of [fewer, more]) {
            for (const value of Object.values(figures)) expect(Number.isNaN(value)).toBe(false);
            for (const p of [figures.pWait, figures.pAbandon, figures.serviceLevel]) {
              expect(p).toBeGreaterThanOrEqual(-1e-12);
              expect(p).toBeLessThanOrEqual(1 + 1e-9);
            }
          }
          expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-9);
          expect(more.pAbandon).toBeLessThanOrEqual(fewer.pAbandon + 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});
