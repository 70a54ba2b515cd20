import { readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup-package';
import { PARTS, partsStayLazy } from './build/lazy-parts';

// Components use hooks; frameworks with server components need the boundary marked.
const USE_CLIENT = '"use client";';

export default defineConfig(
  packageBuild({
    // The agent hooks are an entry of their own, so storefronts never ship them.
    entry: {
      index: 'src/index.ts',
      'agent/index': 'src/agent/index.ts',
      ...Object.fromEntries(Object.entries(PARTS).map(([part, path]) => [`parts/${part}`, path])),
    },
    // The agent entry reaches the widget's provider and hooks through the package's own name, so
    // both entries share one React context in either format.
    external: ['@kefu/widget-react'],
    // esbuild writes one `import … from 'react'` (and 'react/jsx-runtime') per source file, each
    // with its own local names, and a storefront's bundler keeps them all; tsup's rollup pass
    // merges them into one import per module (about 450 B less gzipped in the storefront's bundle).
    // No shared chunks: see PARTS.
    extra: { treeshake: true, splitting: false, esbuildPlugins: [partsStayLazy] },
    // Rollup drops module-level directives, so the "use client" banner goes on afterwards.
    async onSuccess(extension) {
      for (const file of [`dist/index${extension}`, `dist/agent/index${extension}`]) {
        let code = await readFile(file, 'utf8');
        // Both formats come from one ESM build: CommonJS loads the parts' CommonJS files.
        if (extension === '.cjs')
          code = code.replace(/(import\('\.\/parts\/[\w-]+)\.js'\)/g, "$1.cjs')");
        if (!code.startsWith(USE_CLIENT)) code = `${USE_CLIENT}\n${code}`;
        await writeFile(file, code);
      }
    },
  }),
);
