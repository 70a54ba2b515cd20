import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Servers validate with the protocol schemas: they may pull in zod and schema-only modules, never
// the desk, storage or anything with I/O.
const ALLOWED_RUNTIME = [
  /^zod$/,
  /^\.\/[a-z-]+$/,
  /^\.\.\/(errors|validation)\/[a-z-]+$/,
  // Capability folders also hold desk slices: only their schema modules (and `sla-summary`, a
  // pure function over a conversation's clocks) are allowed.
  /^\.\.\/(messages\/message|agents\/agent|surveys\/survey|sla\/sla-(policy|summary)|tickets\/(ticket|customer-view)|incidents\/incident)$/,
];

const dir = fileURLToPath(new URL('.', import.meta.url));

/** The runtime (non-type) imports of a module of this folder, and the modules they re-export. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(`${dir}/${file}`, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export) (type )?[^;]*? from '([^']+)';/gms)) {
    const [, typeOnly, specifier = ''] = match;
    if (!typeOnly) found.push(specifier);
  }
  return found;
}

describe('@kefu/core/protocol', () => {
  it('imports at runtime only zod and schema modules', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test'));
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.flatMap((file) =>
      runtimeImports(file)
        .filter((specifier) => !ALLOWED_RUNTIME.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps @kefu/core/wire (what browsers bundle) free of zod, transitively', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const specifier of runtimeImports(file)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[a-z-]+$/);
        visit(`${specifier.slice(2)}.ts`);
      }
    };
    visit('wire.ts');
    expect([...reached].sort()).toEqual(['protocol-constants.ts', 'wire-codec.ts', 'wire.ts']);
  });
});
