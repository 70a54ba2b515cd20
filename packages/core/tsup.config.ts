import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup-package';

const entry = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'protocol/index': 'src/protocol/index.ts',
  wire: 'src/protocol/wire.ts',
  fixtures: 'src/fixtures/index.ts',
  'staffing/index': 'src/staffing/index.ts',
};

// `@kefu/core/testing` runs its suites with vitest, which refuses to be required: in CommonJS the
// subpath is a stub whose only job is a clear error.
const { 'testing/index': _testing, ...cjsEntry } = entry;

export default defineConfig(
  packageBuild({
    entry,
    cjsEntry: { ...cjsEntry, 'testing/esm-only': 'src/testing/esm-only.ts' },
    external: ['vitest'],
  }),
);
