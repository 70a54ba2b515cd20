import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const react18 = (path: string) => source(`./tests/react-18/node_modules/${path}`);

/** React and Testing Library resolved to the React 18 copies in tests/react-18. */
const REACT_18 = [
  { find: /^react$/, replacement: react18('react/index.js') },
  { find: /^react\/jsx-runtime$/, replacement: react18('react/jsx-runtime.js') },
  { find: /^react\/jsx-dev-runtime$/, replacement: react18('react/jsx-dev-runtime.js') },
  { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
  { find: /^react-dom\/client$/, replacement: react18('react-dom/client.js') },
  { find: /^react-dom\/server$/, replacement: react18('react-dom/server.node.js') },
  {
    find: /^@testing-library\/react$/,
    replacement: react18('@testing-library/react/dist/index.js'),
  },
];

// Tests run against the sources, so `pnpm test` works without a build.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@kefu\/core\/testing$/,
        replacement: source('./packages/core/src/testing/index.ts'),
      },
      {
        find: /^@kefu\/core\/fixtures$/,
        replacement: source('./packages/core/src/fixtures/index.ts'),
      },
      {
        find: /^@kefu\/core\/staffing$/,
        replacement: source('./packages/core/src/staffing/index.ts'),
      },
      { find: /^@kefu\/core\/wire$/, replacement: source('./packages/core/src/protocol/wire.ts') },
      {
        find: /^@kefu\/core\/protocol$/,
        replacement: source('./packages/core/src/protocol/index.ts'),
      },
      { find: /^@kefu\/core$/, replacement: source('./packages/core/src/index.ts') },
      {
        find: /^@kefu\/adapter-memory$/,
        replacement: source('./packages/adapter-memory/src/index.ts'),
      },
      {
        find: /^@kefu\/adapter-postgres$/,
        replacement: source('./packages/adapter-postgres/src/index.ts'),
      },
      { find: /^@kefu\/server$/, replacement: source('./packages/server/src/index.ts') },
      {
        find: /^@kefu\/blob-store$/,
        replacement: source('./packages/blob-store/src/index.ts'),
      },
      {
        find: /^@kefu\/channel-email$/,
        replacement: source('./packages/channel-email/src/index.ts'),
      },
      { find: /^@kefu\/client$/, replacement: source('./packages/client/src/index.ts') },
      {
        find: /^@kefu\/client\/agent$/,
        replacement: source('./packages/client/src/agent/index.ts'),
      },
      {
        find: /^@kefu\/widget-react\/agent$/,
        replacement: source('./packages/widget-react/src/agent/index.ts'),
      },
      {
        find: /^@kefu\/widget-react$/,
        replacement: source('./packages/widget-react/src/index.ts'),
      },
    ],
  },
  test: {
    testTimeout: 20_000,
    // The browser tests need Debian's Chromium: installed here when it is missing and may be.
    globalSetup: ['scripts/ensure-chromium.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'kefu',
          provide: { reactMajor: '19' },
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/src/**/*.test.tsx',
            'packages/widget-react/e2e/**/*.test.ts',
            'examples/*/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        // The widget's React tests once more on React 18, its oldest supported peer.
        extends: true,
        resolve: { alias: REACT_18 },
        test: {
          name: 'widget-react-18',
          provide: { reactMajor: '18' },
          include: ['packages/widget-react/src/**/*.test.tsx'],
        },
      },
    ],
  },
});
