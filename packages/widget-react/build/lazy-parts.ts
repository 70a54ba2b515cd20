import type { Plugin } from 'esbuild';

/**
 * The parts `ChatWidget` loads on first use (`import()` in src/components/lazy-parts.tsx), each
 * built as an entry of its own under dist/parts/. They import nothing stateful from the main entry
 * (lazy-parts.tsx passes them what they need), so each bundles the few pure helpers it uses:
 * shared with the main entry in a chunk of their own, a storefront's bundler would have to load
 * that chunk before the widget could render.
 */
export const PARTS: Record<string, string> = {
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
export const partsStayLazy: Plugin = {
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
