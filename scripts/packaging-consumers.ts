/**
 * The throw-away consumer projects of the packaging test (scripts/packaging.test.ts): what a new
 * user writes after `npm install @kefu/…`, generated from the packages' `exports` and the export
 * names in scripts/export-names.json.
 */

/** An `exports` path of a published package, with the names it must export. */
export interface Entry {
  specifier: string;
  values: string[];
  types: string[];
  /** ESM-only: `require` must fail with a clear error instead. */
  esmOnly: boolean;
}

/** The error `require('@kefu/core/testing')` must give. */
export const ESM_ONLY_MESSAGE = 'is ESM-only';

/**
 * A script that loads every entry (with `import()` or `require`) and prints
 * `{ specifier: exportNames | { error, code } }` as JSON.
 */
export function smokeScript(entries: Entry[], kind: 'esm' | 'cjs'): string {
  const specifiers = JSON.stringify(entries.map((entry) => entry.specifier));
  const load =
    kind === 'esm'
      ? 'async (specifier) => import(specifier)'
      : 'async (specifier) => require(specifier)';
  return `const load = ${load};
const result = {};
(async () => {
  for (const specifier of ${specifiers}) {
    try {
      result[specifier] = Object.keys(await load(specifier)).filter((k) => k !== 'default' && k !== 'module.exports').sort();
    } catch (error) {
      result[specifier] = { error: String(error && error.message), code: error && error.code };
    }
  }
  console.log(JSON.stringify(result));
})();
`;
}

/** TypeScript that imports every value and type name of every entry that `require` can load. */
export function typeImports(entries: Entry[], kind: 'esm' | 'cjs'): string {
  const lines = entries.flatMap((entry, index) => {
    if (kind === 'cjs' && entry.esmOnly) {
      // From CommonJS an ESM-only entry is reachable with import() only, and typed there.
      return [
        `export const load${index} = async () => Object.keys(await import('${entry.specifier}'));`,
      ];
    }
    const values = entry.values.map((name) => `${name} as v${index}_${name}`);
    const types = entry.types.map((name) => `${name} as t${index}_${name}`);
    return [
      `import { ${values.join(', ')} } from '${entry.specifier}';`,
      ...(types.length ? [`import type { ${types.join(', ')} } from '${entry.specifier}';`] : []),
      `export const used${index} = [${entry.values.map((name) => `v${index}_${name}`).join(', ')}];`,
    ];
  });
  return `${lines.join('\n')}\n`;
}

/** A tsconfig for one module resolution a consumer may use. */
export function tsconfig(resolution: 'node16' | 'bundler' | 'node10', files: string[]): string {
  const module = { node16: 'node16', bundler: 'esnext', node10: 'commonjs' }[resolution];
  return JSON.stringify(
    {
      compilerOptions: {
        module,
        moduleResolution: resolution,
        target: 'es2022',
        lib: ['es2022', 'dom'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        jsx: 'react-jsx',
      },
      files,
    },
    null,
    2,
  );
}
