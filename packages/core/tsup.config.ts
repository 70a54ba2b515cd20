import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'protocol/index': 'src/protocol/index.ts',
    wire: 'src/protocol/wire.ts',
    fixtures: 'src/fixtures/index.ts',
    'staffing/index': 'src/staffing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['vitest'],
  tsconfig: 'tsconfig.build.json',
});
