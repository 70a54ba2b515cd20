import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const packageSource = (path: string) => here(`../../packages/${path}`);

/**
 * Two apps, one build: the storefront (`/`) and the agent console (`/console/`). In this monorepo
 * the `@kefu/*` imports point at the packages' sources, so the demo needs no package build; a shop
 * installs the packages from npm and needs none of these aliases.
 */
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: [
      { find: /^@kefu\/core\/wire$/, replacement: packageSource('core/src/protocol/wire.ts') },
      { find: /^@kefu\/core$/, replacement: packageSource('core/src/index.ts') },
      { find: /^@kefu\/client$/, replacement: packageSource('client/src/index.ts') },
      { find: /^@kefu\/client\/agent$/, replacement: packageSource('client/src/agent/index.ts') },
      {
        find: /^@kefu\/widget-react\/agent$/,
        replacement: packageSource('widget-react/src/agent/index.ts'),
      },
      { find: /^@kefu\/widget-react$/, replacement: packageSource('widget-react/src/index.ts') },
    ],
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: process.env.KEFU_WEB_DIR || here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; it drops them, which is harmless.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
      input: {
        storefront: here('./src/web/index.html'),
        console: here('./src/web/console/index.html'),
      },
    },
  },
});
