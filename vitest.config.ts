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
      { find: /^@kefu\/core$/, replacement: source('./packages/core/src/index.ts') },
      {
        find: /^@kefu\/adapter-memory$/,
        replacement: source('./packages/adapter-memory/src/index.ts'),
      },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
