import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The test pages bundled for the browser from the sources, in memory: name → JavaScript. */
export async function bundlePages(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: {
      customer: `${HERE}pages/customer-page.tsx`,
      agent: `${HERE}pages/agent-page.tsx`,
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    outdir: '/virtual',
    write: false,
    sourcemap: 'inline',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return new Map(
    result.outputFiles.map((file) => [
      file.path.replace('/virtual/', '').replace(/\.js$/, ''),
      file.text,
    ]),
  );
}
