import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Entry,
  ESM_ONLY_MESSAGE,
  smokeScript,
  tsconfig,
  typeImports,
} from './packaging-consumers';

/**
 * The packages as npm users meet them: every package is packed with `pnpm pack`, the tarballs are
 * installed into a throw-away project outside the workspace, and every `exports` path is loaded
 * with `import` and `require` (on this Node and on the oldest Node the engines field admits),
 * type-checked with the node16, bundler and node10 module resolutions, and checked by
 * arethetypeswrong. It runs on the built packages (`pnpm build`, which CI runs first) and reaches
 * no network but the npm registry, through pnpm's store. About 45 s of CPU (two cores: under a
 * minute); the time limits are wider for machines that are busy with other work.
 */

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(root, 'packages');
const folders = readdirSync(packagesDir).filter((f) =>
  existsSync(join(packagesDir, f, 'package.json')),
);
const require = createRequire(import.meta.url);

interface Manifest {
  name: string;
  version: string;
  engines: { node: string };
  files: string[];
  exports: Record<string, string | Record<string, Record<string, string>>>;
  dependencies?: Record<string, string>;
}
const manifests = folders.map(
  (folder) =>
    JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as Manifest,
);
const names = JSON.parse(readFileSync(join(root, 'scripts/export-names.json'), 'utf8')) as Record<
  string,
  { values: string[]; types: string[] }
>;

const entries: Entry[] = manifests.flatMap((manifest) =>
  Object.entries(manifest.exports)
    .filter(([path]) => path !== './package.json')
    .map(([path, target]) => {
      const specifier = path === '.' ? manifest.name : `${manifest.name}/${path.slice(2)}`;
      const require = typeof target === 'string' ? undefined : target.require?.default;
      return {
        specifier,
        values: names[specifier]?.values ?? [],
        types: names[specifier]?.types ?? [],
        esmOnly: require?.includes('esm-only') ?? false,
      };
    }),
);

/** The oldest Node the engines field admits, e.g. `>=20` → 20.0.0. */
const oldestNode = (() => {
  const ranges = new Set(manifests.map((manifest) => manifest.engines.node));
  expect(ranges.size, 'every package admits the same Node versions').toBe(1);
  const match = /^>=(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec([...ranges][0] ?? '');
  if (!match) throw new Error(`unexpected engines.node range ${[...ranges][0]}`);
  return `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}`;
})();

/** Exact versions the workspace already has, so the install comes from pnpm's store. */
const versionOf = (name: string, from = 'packages/widget-react') =>
  (
    JSON.parse(
      readFileSync(
        createRequire(join(root, from, 'package.json')).resolve(`${name}/package.json`),
        'utf8',
      ),
    ) as { version: string }
  ).version;

let work = '';
let consumer = '';
const tarballs: Record<string, string> = {};

beforeAll(async () => {
  // `pnpm test` promises to need no build: build once here when a package has none (CI builds
  // before testing, so there the test checks exactly what `pnpm build` made).
  if (folders.some((folder) => !existsSync(join(packagesDir, folder, 'dist')))) {
    await run('pnpm', ['build'], { cwd: root });
  }
  work = mkdtempSync(join(tmpdir(), 'kefu-packaging-'));
  const packed = join(work, 'tarballs');
  await Promise.all(
    folders.map((folder) =>
      run('pnpm', ['pack', '--pack-destination', packed], { cwd: join(packagesDir, folder) }),
    ),
  );
  for (const manifest of manifests) {
    tarballs[manifest.name] = join(
      packed,
      `${manifest.name.slice(1).replace('/', '-')}-${manifest.version}.tgz`,
    );
  }
  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  const fromTarballs = Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
  );
  const oldNodePackage = `node-${process.platform}-${process.arch}`;
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'kefu-consumer',
      private: true,
      dependencies: {
        ...fromTarballs,
        react: versionOf('react'),
        'react-dom': versionOf('react-dom'),
        vitest: versionOf('vitest', '.'),
      },
      devDependencies: {
        typescript: versionOf('typescript', '.'),
        '@types/node': versionOf('@types/node', '.'),
        '@types/react': versionOf('@types/react'),
        // The `node` package on the registry installs this one for its platform: a Node binary.
        [oldNodePackage]: oldestNode,
      },
      pnpm: { overrides: fromTarballs },
    }),
  );
  await run('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--reporter=silent'], {
    cwd: consumer,
  });
  oldNode = join(consumer, 'node_modules', oldNodePackage, 'bin', 'node');
}, 600_000);

let oldNode = '';

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

async function smoke(node: string, kind: 'esm' | 'cjs') {
  const file = join(consumer, kind === 'esm' ? 'smoke.mjs' : 'smoke.cjs');
  writeFileSync(file, smokeScript(entries, kind));
  const { stdout } = await run(node, [file], { cwd: consumer });
  return JSON.parse(stdout) as Record<string, string[] | { error: string; code?: string }>;
}

describe('packed packages in a fresh project', () => {
  it('every exports path is in the export-names snapshot', () => {
    for (const entry of entries) expect(names[entry.specifier], entry.specifier).toBeDefined();
    expect(entries.length).toBe(Object.keys(names).length);
  });

  it('every tarball carries the LICENSE and no source maps', async () => {
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license).toContain('Kefu contributors');
    for (const [name, tarball] of Object.entries(tarballs)) {
      const { stdout } = await run('tar', ['-xzOf', tarball, 'package/LICENSE']);
      expect(stdout, `${name} LICENSE`).toBe(license);
      const { stdout: list } = await run('tar', ['-tzf', tarball]);
      expect(list, name).not.toMatch(/\.map$/m);
    }
  });

  for (const kind of ['esm', 'cjs'] as const) {
    it(`${kind}: every entry loads with all its exports, on this Node and on the oldest admitted`, async () => {
      for (const node of [process.execPath, oldNode]) {
        const { stdout: version } = await run(node, ['--version']);
        const loaded = await smoke(node, kind);
        for (const entry of entries) {
          const what = `${entry.specifier} (${kind}, node ${version.trim()})`;
          if (kind === 'cjs' && entry.esmOnly) {
            expect(loaded[entry.specifier], what).toMatchObject({ code: 'ERR_REQUIRE_ESM' });
            expect((loaded[entry.specifier] as { error: string }).error).toContain(
              ESM_ONLY_MESSAGE,
            );
          } else {
            expect(loaded[entry.specifier], what).toEqual(entry.values);
          }
        }
      }
      expect((await run(oldNode, ['--version'])).stdout.trim()).toBe(`v${oldestNode}`);
    }, 120_000);
  }

  it('type-checks every entry with the node16 (ESM and CJS), bundler and node10 resolutions', async () => {
    writeFileSync(join(consumer, 'imports.mts'), typeImports(entries, 'esm'));
    writeFileSync(join(consumer, 'imports.cts'), typeImports(entries, 'cjs'));
    writeFileSync(join(consumer, 'imports.ts'), typeImports(entries, 'esm'));
    const tsc = join(consumer, 'node_modules/typescript/bin/tsc');
    const projects = {
      node16: ['imports.mts', 'imports.cts'],
      bundler: ['imports.ts'],
      node10: ['imports.ts'],
    } as const;
    const results = await Promise.all(
      Object.entries(projects).map(async ([resolution, files]) => {
        const project = join(consumer, `tsconfig.${resolution}.json`);
        writeFileSync(project, tsconfig(resolution as keyof typeof projects, [...files]));
        return run(process.execPath, [tsc, '-p', project], { cwd: consumer }).then(
          () => `${resolution}: ok`,
          (error: { stdout: string }) => `${resolution}:\n${error.stdout}`,
        );
      }),
    );
    expect(results).toEqual(Object.keys(projects).map((resolution) => `${resolution}: ok`));
  }, 300_000);

  it('arethetypeswrong finds no problem in any tarball', async () => {
    const attw = join(require.resolve('@arethetypeswrong/cli/package.json'), '../dist/index.js');
    const results = await Promise.all(
      Object.entries(tarballs).map(([name, tarball]) =>
        run(process.execPath, [attw, tarball, '--format', 'ascii']).then(
          () => `${name}: ok`,
          (error: { stdout: string }) => `${name}:\n${error.stdout}`,
        ),
      ),
    );
    expect(results).toEqual(Object.keys(tarballs).map((name) => `${name}: ok`));
  }, 300_000);
});
