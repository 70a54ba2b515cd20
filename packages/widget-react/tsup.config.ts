import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defineConfig } from 'tsup';

// Components use hooks; frameworks with server components need the boundary marked.
const USE_CLIENT = '"use client";';

export default defineConfig({
  // The agent hooks are an entry of their own, so storefronts never ship them.
  entry: { index: 'src/index.ts', 'agent/index': 'src/agent/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  // The agent entry reaches the widget's provider and hooks through the package's own name, so
  // both entries share one React context (also in CommonJS, which tsup does not split).
  external: ['@kefu/widget-react'],
  // esbuild writes one `import … from 'react'` (and 'react/jsx-runtime') per source file, each
  // with its own local names, and a storefront's bundler keeps them all; tsup's rollup pass
  // merges them into one import per module (about 450 B less gzipped in the storefront's bundle).
  treeshake: true,
  // Rollup drops module-level directives, so the "use client" banner goes on afterwards.
  async onSuccess() {
    for (const file of ['index', 'agent/index'].flatMap((entry) => [
      `dist/${entry}.js`,
      `dist/${entry}.cjs`,
    ])) {
      let code = await readFile(file, 'utf8');
      // Rollup's pass leaves a source map comment of its own before tsup's: keep one.
      const comment = `//# sourceMappingURL=${basename(file)}.map`;
      code = code.replace(`${comment}\n${comment}`, comment);
      if (!code.startsWith(USE_CLIENT)) {
        code = `${USE_CLIENT}\n${code}`;
        // One more line at the top: shift the source map by one generated line.
        const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as { mappings: string };
        map.mappings = `;${map.mappings}`;
        await writeFile(`${file}.map`, JSON.stringify(map));
      }
      await writeFile(file, code);
    }
  },
});
