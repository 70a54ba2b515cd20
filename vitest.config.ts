import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the sources, so `pnpm test` works without a build.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@kefu\/core\/testing$/,
        replacement: source('./packages/core/src/testing/index.ts'),
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
      { find: /^@kefu\/client$/, replacement: source('./packages/client/src/index.ts') },
      {
        find: /^@kefu\/widget-react$/,
        replacement: source('./packages/widget-react/src/index.ts'),
      },
    ],
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/src/**/*.test.tsx',
      'packages/widget-react/e2e/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 20_000,
  },
});
