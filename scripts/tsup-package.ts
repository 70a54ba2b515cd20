import { rmSync } from 'node:fs';
import type { Options } from 'tsup';

/** What differs between the packages' builds; everything else is shared. */
export interface PackageBuildOptions {
  /** Entry points by output name, e.g. `{ index: 'src/index.ts' }`. */
  entry: Record<string, string>;
  /** CommonJS entries where they differ from `entry` (an ESM-only subpath gets a stub). */
  cjsEntry?: Record<string, string>;
  /** Packages kept out of both builds besides the dependencies (tsup keeps those out anyway). */
  external?: string[];
  /** Passed to both builds as is (e.g. `treeshake`). */
  extra?: Omit<Options, 'entry' | 'format' | 'onSuccess'>;
  /** Runs after each format's build, with the extension of its JavaScript files. */
  onSuccess?: (extension: '.js' | '.cjs') => Promise<void>;
}

/**
 * The ESM and CommonJS builds of a package, for its `tsup.config.ts`.
 *
 * The two formats differ on purpose: the CommonJS build bundles the ESM-only dependencies
 * (nanoid 5), so `require()` works on every Node 20 (before 20.19 Node cannot require an ES
 * module), and splits shared code into chunks like the ESM build instead of copying it into
 * every entry. No source maps are published: the code is not minified, and maps pointing at
 * sources outside the tarball only made it larger. `dist/` is emptied once here, before both
 * builds start, since they run at the same time and tsup's `clean` in one could remove the
 * other's files.
 *
 * @example
 * // packages/client/tsup.config.ts
 * export default defineConfig(
 *   packageBuild({ entry: { index: 'src/index.ts', 'agent/index': 'src/agent/index.ts' } }),
 * );
 */
export function packageBuild(options: PackageBuildOptions): Options[] {
  rmSync('dist', { recursive: true, force: true });
  const shared: Options = {
    dts: true,
    clean: false,
    sourcemap: false,
    splitting: true,
    target: 'es2022',
    tsconfig: 'tsconfig.build.json',
    ...(options.external ? { external: options.external } : {}),
    ...options.extra,
  };
  const { onSuccess } = options;
  const after = (extension: '.js' | '.cjs'): Options =>
    onSuccess ? { onSuccess: () => onSuccess(extension) } : {};
  return [
    { ...shared, entry: options.entry, format: ['esm'], ...after('.js') },
    {
      ...shared,
      entry: options.cjsEntry ?? options.entry,
      format: ['cjs'],
      noExternal: ESM_ONLY_DEPENDENCIES,
      ...after('.cjs'),
    },
  ];
}

/**
 * Dependencies that publish only ES modules: bundled into the CommonJS builds. file-type (the
 * gateway's magic-number check) comes with its own ESM-only helpers.
 */
export const ESM_ONLY_DEPENDENCIES = [
  'nanoid',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer/inflate',
  'uint8array-extras',
];
