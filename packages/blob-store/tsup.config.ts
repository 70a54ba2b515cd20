import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup-package';

export default defineConfig(packageBuild({ entry: { index: 'src/index.ts' } }));
