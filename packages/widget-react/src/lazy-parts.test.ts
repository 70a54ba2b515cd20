import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PARTS, partsStayLazy } from '../build/lazy-parts';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime'];

/** What holds state or reads it: a second copy in a part would be a second store, context or cache. */
const STATEFUL =
  /\/(hooks|provider|agent|memory)\/|i18n-context|lazy-parts?\.tsx|chat-widget|client\/src/;

describe('the parts loaded on first use', () => {
  it('are every `import()` of the sources, and nothing else is imported that way', () => {
    const lazyImports = ['src/components/lazy-parts.tsx', 'src/i18n/dictionaries.ts'].flatMap(
      (file) =>
        [...readFileSync(`${PACKAGE}${file}`, 'utf8').matchAll(/import\('\.\/([\w-]+)'\)/g)].map(
          (match) => match[1],
        ),
    );
    expect(lazyImports.sort()).toEqual(Object.keys(PARTS).sort());
  });

  it.each(Object.entries(PARTS))(
    '%s bundles no module that holds state (the first chunk passes it what it needs)',
    async (_, path) => {
      const result = await build({
        entryPoints: [`${PACKAGE}${path}`],
        bundle: true,
        write: false,
        metafile: true,
        format: 'esm',
        jsx: 'automatic',
        external: EXTERNAL,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((input) => STATEFUL.test(input))).toEqual([]);
    },
  );

  it('leave the storefront entry one file: no chunk is imported before the widget renders', async () => {
    const result = await build({
      stdin: {
        contents: `export { ChatWidget, KefuProvider } from './src/index.ts';`,
        resolveDir: PACKAGE,
        sourcefile: 'storefront.js',
      },
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: `${PACKAGE}out`,
      write: false,
      metafile: true,
      jsx: 'automatic',
      external: EXTERNAL,
      plugins: [partsStayLazy],
      logLevel: 'silent',
    });
    const outputs = Object.values(result.metafile.outputs);
    const entry = outputs.find((output) => output.entryPoint?.endsWith('storefront.js'));
    const staticChunks = entry?.imports.filter(
      (record) => record.kind === 'import-statement' && !record.external,
    );
    expect(staticChunks).toEqual([]);
    const lazy = entry?.imports
      .filter((record) => record.kind === 'dynamic-import')
      .map((record) => record.path)
      .sort();
    // The client's upload code is a chunk of the bundle itself; the widget's parts are files.
    expect(lazy).toEqual(
      [
        ...Object.keys(PARTS).map((part) => `./parts/${part}.js`),
        expect.stringMatching(/upload/),
      ].sort(),
    );
  });
});
