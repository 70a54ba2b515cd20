import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from '../machine/transition';
import { INCIDENT_MODES } from '../vocabulary/incident-modes';
import { type IncidentMachineEvent, incidentMachine, NO_INCIDENT } from './incident-machine';

const message = { 'zh-CN': '系统维护中', en: 'Down for maintenance' };
const start = (at: number, id = `inc_${at}`): IncidentMachineEvent => ({
  type: 'START',
  at,
  id,
  mode: 'normal',
  message,
  source: 'manual',
  reason: null,
  by: null,
});

describe('incidentMachine', () => {
  it('starts, ends, and records when', () => {
    const started = transition(incidentMachine, NO_INCIDENT, start(1000));
    expect(started.ok && started.snapshot).toMatchObject({
      status: 'incident',
      incident: { id: 'inc_1000', startedAt: 1000, endedAt: null },
    });
    expect(started.ok && started.effects).toEqual([
      { type: 'announce', event: 'incident.started' },
      { type: 'sweep-sla' },
    ]);
    if (!started.ok) return;
    const ended = transition(incidentMachine, started.snapshot, {
      type: 'END',
      at: 5000,
      by: 'agt_wang',
    });
    expect(ended.ok && ended.snapshot).toMatchObject({
      status: 'normal',
      incident: { id: 'inc_1000', startedAt: 1000, endedAt: 5000, endedBy: 'agt_wang' },
    });
  });

  it('refuses a second start and an end without an incident, returning the state untouched', () => {
    const ended = transition(incidentMachine, NO_INCIDENT, { type: 'END', at: 1, by: null });
    expect(ended).toMatchObject({ ok: false, snapshot: NO_INCIDENT });
    const started = transition(incidentMachine, NO_INCIDENT, start(1));
    if (!started.ok) throw new Error('start failed');
    const again = transition(incidentMachine, started.snapshot, start(2));
    expect(again).toMatchObject({ ok: false, snapshot: started.snapshot });
  });

  it('never reaches an invalid state on random event sequences', () => {
    const event = fc.oneof(
      fc.record({
        type: fc.constant('START' as const),
        at: fc.nat(),
        id: fc.string({ minLength: 1 }),
        mode: fc.constantFrom(...INCIDENT_MODES),
        message: fc.constant(message),
        source: fc.constantFrom('manual' as const, 'health' as const),
        reason: fc.constant(null),
        by: fc.constant(null),
      }),
      fc.record({ type: fc.constant('END' as const), at: fc.nat(), by: fc.constant(null) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state = NO_INCIDENT;
        for (const e of events) {
          const result = transition(incidentMachine, state, e);
          state = result.snapshot;
          // Active exactly when the incident has not ended; normal only with none or an ended one.
          if (state.status === 'incident') expect(state.incident?.endedAt).toBeNull();
          else expect(state.incident === null || state.incident.endedAt !== null).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
