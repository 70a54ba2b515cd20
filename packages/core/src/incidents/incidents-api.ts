import { z } from 'zod';
import type { RunCommand } from '../desk/command-runner';
import { isKefuError, KefuError } from '../errors/kefu-error';
import type { DomainEventDraft } from '../events/domain-events';
import type { EventBus } from '../events/event-bus';
import { newId } from '../ids/new-id';
import { incidentJobKeys } from '../jobs/job';
import { transition } from '../machine/transition';
import type { SlaHold } from '../sla/sla-runtime';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import type { IncidentMode } from '../vocabulary/incident-modes';
import { createHealthProbe, type HealthProbe, type HealthProbeOptions } from './health-probe';
import {
  type EndIncidentInput,
  EndIncidentSchema,
  HEALTH_INCIDENT_MESSAGE,
  type Incident,
  type StartIncidentInput,
  StartIncidentSchema,
} from './incident';
import {
  type DeskIncidentState,
  type IncidentMachineEvent,
  incidentMachine,
  NO_INCIDENT,
} from './incident-machine';

/**
 * Incident mode (应急): a desk-wide switch for when things go wrong.
 *
 * @example
 * ```ts
 * const incidents: IncidentsApi = desk.incidents;
 * const unsubscribe = incidents.subscribe(() => render(incidents.getSnapshot()));
 * ```
 */
export interface IncidentsApi {
  /**
   * Starts an incident: customers see the banner, SLA clocks pause from now, and in `bot-only` or
   * `leave-message` mode routing holds new assignments. `INVALID_TRANSITION` if one is active.
   *
   * @example
   * await desk.incidents.start({
   *   message: { 'zh-CN': '物流系统故障，订单查询暂不可用。', en: 'Order tracking is down for now.' },
   *   mode: 'leave-message',
   *   by: 'agt_wang',
   * });
   */
  start(input: StartIncidentInput): Promise<Incident>;
  /**
   * Ends the active incident: routing assigns what waited, SLA clocks count on from here.
   *
   * @example
   * const ended = await desk.incidents.end({ by: 'agt_wang' });
   */
  end(input?: EndIncidentInput): Promise<Incident>;
  /**
   * The active incident, or null (read from the log the first time).
   *
   * @example
   * const incident = await desk.incidents.current();
   * if (incident?.mode === 'leave-message') showLeaveMessageForm();
   */
  current(): Promise<Incident | null>;
  /**
   * Past and active incidents, newest first (at most `limit`, default 20), from storage.
   *
   * @example
   * const [last] = await desk.incidents.history({ limit: 1 });
   */
  history(input?: { limit?: number }): Promise<Incident[]>;
  /** The active incident as last known (referentially stable until it changes). */
  getSnapshot(): Incident | null;
  subscribe(listener: () => void): () => void;
  /**
   * Checks the storage (and any checks you add, e.g. the gateway's) every `intervalMs`; after
   * `failAfter` failures in a row it starts an incident (`source: 'health'`), which it ends once
   * every check has passed `recoverAfter` times. While the storage is down, the incident lives in
   * memory and is written to the log when the storage is back.
   *
   * @example
   * const probe = desk.incidents.watchHealth({ failAfter: 3, recoverAfter: 2, mode: 'leave-message' });
   * // later: probe.stop();
   */
  watchHealth(options?: HealthProbeOptions): HealthProbe;
}

const HistorySchema = z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict();

/** What a switch writes to the incidents table (replayed in order when it was refused). */
type RecordWrite = { op: 'insert' | 'end'; incident: Incident };

/** A stored-state refusal (another node switched first): not retried like a version conflict. */
class StaleSwitch extends Error {}

const sameIncident = (a: Incident | null, b: Incident | null) =>
  a === b || (a !== null && b !== null && a.id === b.id && a.endedAt === b.endedAt);

/** Why a switch was refused: there already is an incident, or there is none to end. */
const refusal = (type: IncidentMachineEvent['type'], details?: Record<string, unknown>) =>
  new KefuError(
    'INVALID_TRANSITION',
    type === 'START'
      ? 'An incident is already active: end it first (desk.incidents.end()).'
      : 'No incident is active.',
    details ? { details } : {},
  );

async function writeRecords(tx: StorageTransaction, records: readonly RecordWrite[]) {
  try {
    for (const { op, incident } of records) await tx.incidents[op](incident);
  } catch (error) {
    if (isKefuError(error, 'CONFLICT')) throw new StaleSwitch(error.message);
    throw error;
  }
}

/**
 * The desk's incident switch: the state, its record in storage, and the probe. The state is read
 * from `storage.read.incidents` once, then kept in memory; with a bus (several nodes on one
 * database), every notification reads the record again, so a switch on another node reaches
 * this one without a restart.
 */
export function createIncidents(options: {
  storage: StorageAdapter;
  clock: Clock;
  run: () => RunCommand;
  onError: (error: unknown) => void;
  /** Cross-node notifications (`storage.bus`); none for a desk alone on its storage. */
  bus?: EventBus | undefined;
}) {
  const { storage, clock, onError } = options;
  let state: DeskIncidentState = NO_INCIDENT;
  /** Events and records of a switch the storage refused (it was down); written with the next. */
  let unsaved: DomainEventDraft[] = [];
  let unsavedRecords: RecordWrite[] = [];
  let loading: Promise<void> | null = null;
  let loaded = false;
  let queue: Promise<unknown> = Promise.resolve();
  let offBus: (() => void) | null = null;
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  const listeners = new Set<() => void>();

  const active = () => (state.status === 'incident' ? state.incident : null);
  const setState = (next: DeskIncidentState) => {
    const changed = active() !== (next.status === 'incident' ? next.incident : null);
    state = next;
    if (changed) for (const listener of listeners) listener();
  };

  /** Takes the stored record as the state, unless it says what the state already says. */
  async function adoptStored(): Promise<void> {
    const stored = await storage.read.incidents.latest();
    // A switch made while the storage was unreachable wins over what it says.
    if (unsavedRecords.length > 0 || sameIncident(state.incident, stored)) return;
    setState(
      stored
        ? { status: stored.endedAt === null ? 'incident' : 'normal', incident: stored }
        : NO_INCIDENT,
    );
  }

  /** Reads the record again after a bus notification; notifications in a burst share a read. */
  function refresh(): void {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = serialised(adoptStored)
      .catch(onError)
      .finally(() => {
        refreshing = null;
        if (refreshAgain) {
          refreshAgain = false;
          refresh();
        }
      });
  }

  async function load(): Promise<void> {
    await adoptStored();
    loaded = true;
    if (options.bus && !offBus) {
      try {
        // Incident records change only with `desk` events: other notifications need no read.
        offBus = options.bus.subscribe((_position, subjectKinds) => {
          if (subjectKinds === undefined || subjectKinds.includes('desk')) refresh();
        });
      } catch (error) {
        // Without the bus this node still works; it learns of other nodes' switches at restart.
        onError(error);
      }
    }
  }

  /** Reads the incident state from storage once; retried after a failure. */
  const ready = (): Promise<void> => {
    if (loaded) return Promise.resolve();
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  };

  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  }

  /** One switch: the machine decides, the log records, then the state moves. */
  function flip(event: IncidentMachineEvent, keepIfStorageFails: boolean): Promise<Incident> {
    return serialised(async () => {
      await ready().catch((error: unknown) => {
        if (!keepIfStorageFails) throw error;
      });
      const result = transition(incidentMachine, state, event);
      if (!result.ok || !result.snapshot.incident) {
        throw refusal(event.type, { status: state.status, event: event.type });
      }
      const incident = result.snapshot.incident;
      const drafts: DomainEventDraft[] = [...unsaved];
      for (const effect of result.effects) {
        if (effect.type !== 'announce') continue;
        drafts.push({
          type: effect.event,
          at: event.at,
          subject: { kind: 'desk', id: incident.id },
          data: { incident },
        });
      }
      const records: RecordWrite[] = [
        ...unsavedRecords,
        { op: event.type === 'START' ? 'insert' : 'end', incident },
      ];
      const previous = state;
      // Moved before the write commits, so listeners of the events see the new state.
      setState(result.snapshot);
      try {
        await options.run()(async (tx, context) => {
          await writeRecords(tx, records);
          for (const draft of drafts) context.emit(draft);
          const job = {
            key: incidentJobKeys.slaSweep(),
            kind: 'incident.sla-sweep' as const,
            dueAt: context.now,
            payload: { incidentId: incident.id },
          };
          await tx.jobs.schedule(job, context.now);
          context.scheduled(job);
        });
        unsaved = [];
        unsavedRecords = [];
      } catch (error) {
        if (error instanceof StaleSwitch) {
          // Another node switched first: take what the storage says and refuse this switch.
          // Straight to the stored state, so listeners never see this node's state come back.
          unsaved = [];
          unsavedRecords = [];
          await adoptStored().catch((readError: unknown) => {
            setState(previous);
            throw readError;
          });
          if (keepIfStorageFails) return active() ?? incident;
          throw refusal(event.type);
        }
        if (!keepIfStorageFails) {
          setState(previous);
          throw error;
        }
        unsaved = drafts;
        unsavedRecords = records;
        onError(error);
      }
      return incident;
    });
  }

  const api: IncidentsApi = {
    async start(raw) {
      const input = parseInput(StartIncidentSchema, raw, 'incident');
      return flip(
        {
          type: 'START',
          at: clock.now(),
          id: newId('inc_', 12),
          mode: input.mode,
          message: input.message,
          source: 'manual',
          reason: input.reason ?? null,
          by: input.by ?? null,
        },
        false,
      );
    },
    async end(raw = {}) {
      const input = parseInput(EndIncidentSchema, raw, 'incident end');
      return flip({ type: 'END', at: clock.now(), by: input.by ?? null }, false);
    },
    async current() {
      await ready();
      return active();
    },
    async history(raw = {}) {
      const { limit } = parseInput(HistorySchema, raw, 'incident history');
      return storage.read.incidents.list({ limit });
    },
    getSnapshot: active,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    watchHealth(probeOptions = {}) {
      return createHealthProbe(probeOptions, {
        clock,
        checks: { storage: () => storage.events.lastPosition() },
        onError,
        async onChange(report, parsed) {
          if (report.failing && !active()) {
            const failing = Object.entries(report.checks).filter(([, check]) => !check.ok);
            await flip(
              {
                type: 'START',
                at: clock.now(),
                id: newId('inc_', 12),
                mode: parsed.mode,
                message: parsed.message ?? HEALTH_INCIDENT_MESSAGE,
                source: 'health',
                reason: failing.map(([name, check]) => `${name}: ${check.lastError}`).join('; '),
                by: null,
              },
              true,
            );
          } else if (!report.failing && active()?.source === 'health') {
            await flip({ type: 'END', at: clock.now(), by: null }, true);
          }
        },
      });
    },
  };

  return {
    api,
    ready,
    /** Reads the stored state now (before work that must see other nodes' switches). */
    sync: () => serialised(adoptStored),
    /** Stops listening to the bus; the next use reads the state again. */
    stop() {
      offBus?.();
      offBus = null;
      loaded = false;
    },
    /** The incident mode commands see, null in normal operation. */
    mode: (): IncidentMode | null => active()?.mode ?? null,
    /** Routing holds new assignments in `bot-only` and `leave-message` incidents. */
    holdsRouting: () => {
      const mode = active()?.mode;
      return mode === 'bot-only' || mode === 'leave-message';
    },
    /** The SLA hold: the active incident, or the last one that ended. */
    slaHold: (): SlaHold | null =>
      state.incident ? { since: state.incident.startedAt, until: state.incident.endedAt } : null,
  };
}
