import { describe, expect, it } from 'vitest';
import { defineMachine } from './define-machine';
import { toMermaid } from './to-mermaid';
import { can, transition } from './transition';

type Light = 'green' | 'yellow' | 'red' | 'off';
type LightEvent = { type: 'NEXT' } | { type: 'BREAK'; at: number };
type LightSnapshot = { status: Light; brokenAt: number | null };

const light = defineMachine<Light, LightSnapshot, LightEvent, string>({
  id: 'light',
  states: ['green', 'yellow', 'red', 'off'],
  initial: ['red'],
  final: ['off'],
  on: {
    NEXT: [
      { from: ['green'], to: 'yellow' },
      { from: ['yellow'], to: 'red' },
      {
        from: ['red'],
        to: 'green',
        guard: { name: 'not broken', check: (s) => s.brokenAt === null },
      },
    ],
    BREAK: [
      {
        from: ['green', 'yellow', 'red'],
        to: 'off',
        update: (_s, e) => ({ brokenAt: e.at }),
        effects: (next) => [`broke at ${next.brokenAt}`],
      },
    ],
  },
});

describe('defineMachine and transition', () => {
  it('applies the first matching rule, its update and its effects', () => {
    const result = transition(light, { status: 'green', brokenAt: null }, { type: 'BREAK', at: 7 });
    expect(result).toEqual({
      ok: true,
      snapshot: { status: 'off', brokenAt: 7 },
      effects: ['broke at 7'],
      rule: { from: 'green', to: 'off' },
    });
  });

  it("copies a frozen snapshot with the machine's own copy, and never touches the original", () => {
    const copies: LightSnapshot[] = [];
    const counted = defineMachine<Light, LightSnapshot, LightEvent, string>({
      ...light,
      copy: (s) => {
        const copy = { status: s.status, brokenAt: s.brokenAt };
        copies.push(copy);
        return copy;
      },
    });
    const stored: LightSnapshot = Object.freeze({ status: 'green', brokenAt: null });
    const result = transition(counted, stored, { type: 'BREAK', at: 7 });
    expect(result.ok && result.snapshot).toEqual({ status: 'off', brokenAt: 7 });
    expect(result.ok && result.snapshot).toBe(copies[0]);
    expect(stored).toEqual({ status: 'green', brokenAt: null });
    // Without a copy of its own, a spread does the same.
    expect(transition(light, stored, { type: 'NEXT' })).toMatchObject({
      ok: true,
      snapshot: { status: 'yellow', brokenAt: null },
    });
  });

  it('rejects events a state does not take, and failed guards, returning the same snapshot', () => {
    const off: LightSnapshot = { status: 'off', brokenAt: 1 };
    expect(transition(light, off, { type: 'NEXT' })).toMatchObject({
      ok: false,
      reason: 'not-allowed',
      snapshot: off,
    });
    const redBroken: LightSnapshot = { status: 'red', brokenAt: 1 };
    const guarded = transition(light, redBroken, { type: 'NEXT' });
    expect(guarded).toMatchObject({ ok: false, reason: 'guard-failed' });
    expect(guarded.ok || guarded.message).toContain('requires not broken');
    expect(can(light, { status: 'red', brokenAt: null }, { type: 'NEXT' })).toBe(true);
  });

  it('refuses machines naming unknown states or leaving final states', () => {
    expect(() =>
      defineMachine<'a' | 'b', { status: 'a' | 'b' }, { type: 'GO' }, never>({
        id: 'bad',
        states: ['a'] as unknown as ('a' | 'b')[],
        initial: ['a'],
        final: [],
        on: { GO: [{ from: ['a'], to: 'b' }] },
      }),
    ).toThrow('unknown state "b"');
    expect(() =>
      defineMachine<'a' | 'b', { status: 'a' | 'b' }, { type: 'GO' }, never>({
        id: 'bad',
        states: ['a', 'b'],
        initial: ['a'],
        final: ['b'],
        on: { GO: [{ from: ['b'], to: 'a' }] },
      }),
    ).toThrow('leaving final state "b"');
  });

  it('prints a Mermaid state diagram with guards', () => {
    expect(toMermaid(light)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> red',
        '  green --> yellow : NEXT',
        '  yellow --> red : NEXT',
        '  red --> green : NEXT [not broken]',
        '  green --> off : BREAK',
        '  yellow --> off : BREAK',
        '  red --> off : BREAK',
        '  off --> [*]',
      ].join('\n'),
    );
  });
});
