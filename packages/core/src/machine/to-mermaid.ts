import type { Machine, MachineEvent, TransitionRule } from './define-machine';

/**
 * Prints a machine as a Mermaid `stateDiagram-v2`, one arrow per rule and source state, with the
 * guard in brackets. The output is stable, so a test can compare it with the docs.
 *
 * @example
 * console.log(toMermaid(conversationMachine));
 */
export function toMermaid<
  TState extends string,
  TSnapshot extends { status: TState },
  TEvent extends MachineEvent,
  TEffect,
>(machine: Machine<TState, TSnapshot, TEvent, TEffect>): string {
  const lines = ['stateDiagram-v2'];
  for (const state of machine.initial) lines.push(`  [*] --> ${state}`);
  const seen = new Set<string>();
  for (const [eventType, rules] of Object.entries(machine.on) as [
    string,
    readonly TransitionRule<TState, TSnapshot, never, TEffect>[],
  ][]) {
    for (const rule of rules) {
      for (const from of rule.from) {
        const label = rule.guard ? `${eventType} [${rule.guard.name}]` : eventType;
        const line = `  ${from} --> ${rule.to} : ${label}`;
        if (!seen.has(line)) lines.push(line);
        seen.add(line);
      }
    }
  }
  for (const state of machine.final) lines.push(`  ${state} --> [*]`);
  return lines.join('\n');
}
