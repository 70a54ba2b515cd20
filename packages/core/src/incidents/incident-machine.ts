import { defineMachine } from '../machine/define-machine';
import type { Incident, IncidentMessage, IncidentMode, IncidentSource } from './incident';

/**
 * The two states of the desk’s incident switch.
 *
 * @example
 * ```ts
 * const inIncident = (state: DeskIncidentState) => state.status === DESK_INCIDENT_STATES[1];
 * ```
 */
export const DESK_INCIDENT_STATES = ['normal', 'incident'] as const;

/**
 * One of `DESK_INCIDENT_STATES`.
 *
 * @example
 * ```ts
 * const status: DeskIncidentStatus = desk.incidents.getSnapshot() ? 'incident' : 'normal';
 * ```
 */
export type DeskIncidentStatus = (typeof DESK_INCIDENT_STATES)[number];

/**
 * The desk's incident switch: `incident` while one is active; in `normal`, `incident` is the last
 * one that ended (or null), which the SLA clocks need to skip its duration.
 *
 * @example
 * ```ts
 * let state: DeskIncidentState = NO_INCIDENT;
 * const result = transition(incidentMachine, state, { type: 'START', at: Date.now(), id: 'inc_1', mode: 'normal', message, source: 'manual', reason: null, by: null });
 * ```
 */
export interface DeskIncidentState {
  status: DeskIncidentStatus;
  incident: Incident | null;
}

/**
 * What moves the incident switch: `START` with the incident’s fields, or `END`.
 *
 * @example
 * ```ts
 * const end: IncidentMachineEvent = { type: 'END', at: Date.now(), by: 'agt_zhao' };
 * ```
 */
export type IncidentMachineEvent =
  | {
      type: 'START';
      at: number;
      id: string;
      mode: IncidentMode;
      message: IncidentMessage;
      source: IncidentSource;
      reason: string | null;
      by: string | null;
    }
  | { type: 'END'; at: number; by: string | null };

/**
 * What the desk does after a switch: record the event, and sweep every open SLA clock.
 *
 * @example
 * ```ts
 * for (const effect of result.effects as IncidentEffect[]) {
 *   if (effect.type === 'sweep-sla') await sweepOpenClocks();
 * }
 * ```
 */
export type IncidentEffect =
  | { type: 'announce'; event: 'incident.started' | 'incident.ended' }
  | { type: 'sweep-sla' };

/**
 * The desk’s incident state before any incident.
 *
 * @example
 * ```ts
 * const state = current ?? NO_INCIDENT;
 * ```
 */
export const NO_INCIDENT: DeskIncidentState = { status: 'normal', incident: null };

/**
 * Starting an incident while one is active is refused (end it first); so is ending when none is.
 *
 * @example
 * const result = transition(incidentMachine, NO_INCIDENT, {
 *   type: 'START', at, id: 'inc_1', mode: 'leave-message', message, source: 'manual', reason: null, by: 'agt_wang',
 * });
 */
export const incidentMachine = defineMachine<
  DeskIncidentStatus,
  DeskIncidentState,
  IncidentMachineEvent,
  IncidentEffect
>({
  id: 'desk incident switch',
  states: DESK_INCIDENT_STATES,
  initial: ['normal'],
  final: [],
  on: {
    START: [
      {
        from: ['normal'],
        to: 'incident',
        update: (_state, e) => ({
          incident: {
            id: e.id,
            mode: e.mode,
            message: e.message,
            source: e.source,
            reason: e.reason,
            startedAt: e.at,
            startedBy: e.by,
            endedAt: null,
            endedBy: null,
          },
        }),
        effects: () => [{ type: 'announce', event: 'incident.started' }, { type: 'sweep-sla' }],
      },
    ],
    END: [
      {
        from: ['incident'],
        to: 'normal',
        update: (state, e) => ({
          incident: state.incident && { ...state.incident, endedAt: e.at, endedBy: e.by },
        }),
        effects: () => [{ type: 'announce', event: 'incident.ended' }, { type: 'sweep-sla' }],
      },
    ],
  },
});
