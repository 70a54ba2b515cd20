import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The client bundles the protocol for browsers: it may pull in zod and schema-only modules, never
// the desk, storage or anything with I/O.
const ALLOWED_RUNTIME = [/^zod$/, /^\.\/[a-z-]+$/, /^\.\.\/(errors|message|validation)\/[a-z-]+$/];

describe('@kefu/core/protocol', () => {
  it('imports at runtime only zod and schema modules', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test'));
    expect(files.length).toBeGreaterThan(3);
    const offenders: string[] = [];
    for (const file of files) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      for (const match of source.matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)) {
        const [, typeOnly, specifier = ''] = match;
        if (typeOnly) continue;
        if (!ALLOWED_RUNTIME.some((pattern) => pattern.test(specifier))) {
          offenders.push(`${file}: ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
