import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Guards the public surface of every package entry point: the runtime export names (imported from
 * source through the vitest aliases) and the type-only export names (read from the entry files'
 * export lists, following `export *`). A reshuffle of the sources must leave both unchanged.
 *
 * Added or removed an export on purpose? Regenerate the snapshot and commit it:
 *   UPDATE_EXPORT_NAMES=1 pnpm vitest run scripts/export-names.test.ts
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const snapshotPath = fileURLToPath(new URL('./export-names.json', import.meta.url));

/** Each entry point and its source file (keep in step with /vitest.config.ts). */
const ENTRIES: Record<string, string> = {
  '@kefu/core': 'packages/core/src/index.ts',
  '@kefu/core/testing': 'packages/core/src/testing/index.ts',
  '@kefu/core/fixtures': 'packages/core/src/fixtures/index.ts',
  '@kefu/core/staffing': 'packages/core/src/staffing/index.ts',
  '@kefu/core/wire': 'packages/core/src/protocol/wire.ts',
  '@kefu/core/protocol': 'packages/core/src/protocol/index.ts',
  '@kefu/adapter-memory': 'packages/adapter-memory/src/index.ts',
  '@kefu/adapter-postgres': 'packages/adapter-postgres/src/index.ts',
  '@kefu/server': 'packages/server/src/index.ts',
  '@kefu/blob-store': 'packages/blob-store/src/index.ts',
  '@kefu/channel-email': 'packages/channel-email/src/index.ts',
  '@kefu/client': 'packages/client/src/index.ts',
  '@kefu/client/agent': 'packages/client/src/agent/index.ts',
  '@kefu/widget-react': 'packages/widget-react/src/index.ts',
  '@kefu/widget-react/agent': 'packages/widget-react/src/agent/index.ts',
};

interface EntryNames {
  values: string[];
  types: string[];
}

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

function hasExportModifier(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/** Type-only export names of a module: `export type { … }`, exported interfaces and aliases. */
function typeExportNames(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        names.push(...typeExportNames(resolveModule(file, statement.moduleSpecifier.text), seen));
      } else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (statement.isTypeOnly || element.isTypeOnly) names.push(element.name.text);
        }
      }
    } else if (
      (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) &&
      hasExportModifier(statement)
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

async function currentNames(): Promise<Record<string, EntryNames>> {
  const names: Record<string, EntryNames> = {};
  for (const [specifier, file] of Object.entries(ENTRIES)) {
    // A computed specifier keeps tsc (which has no paths here) out; vitest still resolves the alias.
    const module = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
    names[specifier] = {
      values: Object.keys(module).sort(),
      types: [...new Set(typeExportNames(resolve(root, file)))].sort(),
    };
  }
  return names;
}

describe('export names', () => {
  it('every entry point exports the names in scripts/export-names.json', async () => {
    const names = await currentNames();
    if (process.env.UPDATE_EXPORT_NAMES === '1') {
      writeFileSync(snapshotPath, `${JSON.stringify(names, null, 2)}\n`);
    }
    const expected = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Record<string, EntryNames>;
    expect(Object.keys(names).sort()).toEqual(Object.keys(expected).sort());
    for (const specifier of Object.keys(expected)) {
      expect(names[specifier]?.values, `${specifier} runtime exports`).toEqual(
        expected[specifier]?.values,
      );
      expect(names[specifier]?.types, `${specifier} type exports`).toEqual(
        expected[specifier]?.types,
      );
    }
  }, 60_000);

  it('finds type-only exports through export lists and export *', () => {
    const types = typeExportNames(resolve(root, ENTRIES['@kefu/core/testing'] ?? ''));
    expect(types).toContain('StorageConformanceOptions');
    expect(types).toContain('CandyArticle');
  });
});
