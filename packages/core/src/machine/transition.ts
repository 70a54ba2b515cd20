import type { Machine, MachineEvent, TransitionRule } from './define-machine';

/**
 * The outcome of one event: the next snapshot and its effects, or why the event was refused.
 *
 * @example
 * ```ts
 * const result = transition(machine, snapshot, event);
 * if (!result.ok) throw new KefuError('INVALID_TRANSITION', result.message);
 * save(result.snapshot);
 * ```
 */
export type TransitionResult<TSnapshot, TEffect> =
  | { ok: true; snapshot: TSnapshot; effects: TEffect[]; rule: { from: string; to: string } }
  | { ok: false; reason: 'not-allowed' | 'guard-failed'; message: string; snapshot: TSnapshot };

/**
 * Computes the next snapshot and the effects of one event. Pure: the same snapshot and event always
 * give the same result, and a rejected event returns the snapshot it was given, untouched.
 *
 * @example
 * const result = transition(conversationMachine, conversation, { type: 'RESOLVE', at, by, reopenWindowMs });
 * if (!result.ok) console.log(result.message);
 */
export function transition<
  TState extends string,
  TSnapshot extends { status: TState },
  TEvent extends MachineEvent,
  TEffect,
>(
  machine: Machine<TState, TSnapshot, TEvent, TEffect>,
  snapshot: TSnapshot,
  event: TEvent,
): TransitionResult<TSnapshot, TEffect> {
  const rules = (
    machine.on as Record<string, readonly TransitionRule<TState, TSnapshot, TEvent, TEffect>[]>
  )[event.type];
  // A loop, not filter + find: this runs on every command.
  let rule: TransitionRule<TState, TSnapshot, TEvent, TEffect> | undefined;
  let matched = false;
  for (const candidate of rules ?? []) {
    if (!candidate.from.includes(snapshot.status)) continue;
    matched = true;
    if (candidate.guard === undefined || candidate.guard.check(snapshot, event)) {
      rule = candidate;
      break;
    }
  }
  if (!matched) {
    return {
      ok: false,
      reason: 'not-allowed',
      message: `${event.type} is not allowed when the ${machine.id} is ${snapshot.status}`,
      snapshot,
    };
  }
  if (!rule) {
    const guards = (rules ?? [])
      .filter((candidate) => candidate.from.includes(snapshot.status))
      .map((candidate) => candidate.guard?.name)
      .join(' or ');
    return {
      ok: false,
      reason: 'guard-failed',
      message: `${event.type} is not allowed when the ${machine.id} is ${snapshot.status}: requires ${guards}`,
      snapshot,
    };
  }
  // A copy updated in place, not `{ ...snapshot, ...update, status }`: a spread followed by more
  // properties is a slow path in V8, and a frozen snapshot is slow to spread at all (see `copy`).
  const next = machine.copy ? machine.copy(snapshot) : { ...snapshot };
  const update = rule.update?.(snapshot, event);
  if (update !== undefined) Object.assign(next, update);
  next.status = rule.to;
  return {
    ok: true,
    snapshot: next,
    effects: rule.effects?.(next, snapshot, event) ?? [],
    rule: { from: snapshot.status, to: rule.to },
  };
}

/**
 * True when some rule would accept the event in the snapshot's state (guards included).
 *
 * @example
 * ```ts
 * const showResolve = can(conversationMachine, conversation, { type: 'RESOLVE', at: Date.now() });
 * ```
 */
export function can<
  TState extends string,
  TSnapshot extends { status: TState },
  TEvent extends MachineEvent,
  TEffect,
>(
  machine: Machine<TState, TSnapshot, TEvent, TEffect>,
  snapshot: TSnapshot,
  event: TEvent,
): boolean {
  return transition(machine, snapshot, event).ok;
}
