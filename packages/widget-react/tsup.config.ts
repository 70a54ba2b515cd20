import { readFile, writeFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup-package';

// Components use hooks; frameworks with server components need the boundary marked.
const USE_CLIENT = '"use client";';

/**
 * The parts `ChatWidget` loads on first use (`import()` in src/components/lazy-parts.tsx), each
 * built as an entry of its own under dist/parts/. They import nothing stateful from the main entry
 * (lazy-parts.tsx passes them what they need), so each bundles the few pure helpers it uses:
 * shared with the main entry in a chunk of their own, a storefront's bundler would have to load
 * that chunk before the widget could render.
 */
const PARTS: Record<string, string> = {
  'attachment-list': 'src/components/attachment-list.tsx',
  'incident-banner': 'src/components/incident-banner.tsx',
  'launcher-greeting': 'src/components/launcher-greeting.tsx',
  'leave-message-notice': 'src/components/leave-message-notice.tsx',
  'survey-prompt': 'src/components/survey-prompt.tsx',
  'ticket-list': 'src/components/ticket-list.tsx',
  'ticket-timeline': 'src/components/ticket-timeline.tsx',
  uploads: 'src/components/uploads.tsx',
  // The dictionaries loaded when picked (src/i18n/dictionaries.ts).
  ja: 'src/i18n/ja.ts',
  'zh-tw': 'src/i18n/zh-tw.ts',
};

/** Keeps `import('./survey-prompt')` a run-time import of the part's own file. */
const partsStayLazy: Plugin = {
  name: 'kefu-lazy-parts',
  setup(build) {
    const filter = new RegExp(`^\\./(${Object.keys(PARTS).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: `./parts/${args.path.slice(2)}.js`, external: true }
        : undefined,
    );
  },
};

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
