import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layout rules of docs/concepts/architecture.md, checked: no import cycles in core (type
 * imports count, as in `madge --circular`), `desk/` holds only the composition root, and no
 * source module outgrows ~400 lines.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const coreSrc = join(root, 'packages/core/src');

const MAX_LINES = 400;

const isTest = (file: string) => /\.test(-d)?\.tsx?$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Relative imports and re-exports of a file, type-only ones included. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const targets: string[] = [];
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : null;
    if (specifier?.startsWith('.')) {
      const target = resolveImport(file, specifier);
      if (target) targets.push(target);
    }
  }
  return targets;
}

/** Every import cycle of a graph (file → files it imports), each as the files on it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') {
        cycles.push(stack.slice(stack.indexOf(next)));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('core layout', () => {
  it('has no import cycles in packages/core/src', () => {
    const graph = new Map(sourceFiles(coreSrc).map((file) => [file, importsOf(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(coreSrc, file)));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one, type imports included', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
    // A type-only import is an edge too: transition.ts imports types from define-machine.ts.
    expect(importsOf(join(coreSrc, 'machine/transition.ts'))).toContain(
      join(coreSrc, 'machine/define-machine.ts'),
    );
  });

  it('keeps desk/ to the composition root: at most 10 non-test files', () => {
    const files = readdirSync(join(coreSrc, 'desk')).filter((file) => !isTest(file));
    expect(files.length, files.join(', ')).toBeLessThanOrEqual(10);
  });

  it('keeps every non-test module in packages/*/src under 400 lines', () => {
    const long = readdirSync(join(root, 'packages'))
      .flatMap((pkg) => {
        const src = join(root, 'packages', pkg, 'src');
        return existsSync(src) ? sourceFiles(src) : [];
      })
      .filter((file) => !isTest(file))
      .map((file) => ({
        file: relative(root, file),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter(({ file, lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
