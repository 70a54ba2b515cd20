import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BenchResult } from './bench-result';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** React is the shop's own: every bundle here leaves it out, as a storefront build would. */
const EXTERNAL = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-dom/client',
  'react-dom/server',
];

const everythingFrom = (...modules: string[]) =>
  modules.map((module) => `export * from ${JSON.stringify(module)};`).join('\n');

/**
 * A module (`contents`) bundled for a browser: ESM, minified, React external, CSS counted as text
 * (the baselines import theirs), then gzipped at level 9.
 */
async function gzipBytes(contents: string): Promise<{ raw: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: BENCH_DIR },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'text', '.scss': 'text', '.svg': 'dataurl', '.png': 'dataurl' },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * `widget.gzip-bytes`: everything `@kefu/widget-react` exports (launcher, panel, queue, leave a
 * message, survey, tickets, customer hooks, parts, styles, i18n, with `@kefu/client` and nanoid
 * inside) gzipped, against `react-chat-widget` and `@papercups-io/chat-widget` built the same way
 * in the same run. The ratio is ours over the smaller baseline; below 1 means smaller. Also
 * reported: a storefront that imports only `ChatWidget` and `KefuProvider`, and an agent console
 * that adds `@kefu/widget-react/agent` (its hooks and the agent client).
 */
export async function benchWidgetGzipBytes(): Promise<BenchResult> {
  // The built package (bench runs after `pnpm build`), resolved as an app would.
  const ours = await gzipBytes(everythingFrom('@kefu/widget-react'));
  const storefront = await gzipBytes(
    `export { ChatWidget, KefuProvider } from '@kefu/widget-react';`,
  );
  const agentConsole = await gzipBytes(
    everythingFrom('@kefu/widget-react', '@kefu/widget-react/agent'),
  );
  const reactChatWidget = await gzipBytes(everythingFrom('react-chat-widget'));
  const papercups = await gzipBytes(everythingFrom('@papercups-io/chat-widget'));
  const baseline = Math.min(reactChatWidget.gzip, papercups.gzip);
  return {
    name: 'widget.gzip-bytes',
    value: ours.gzip,
    unit: 'bytes (gzip)',
    baseline,
    ratio: Number((ours.gzip / baseline).toFixed(3)),
    params: {
      goalBytes: 15 * 1024,
      oursRawBytes: ours.raw,
      storefrontGzipBytes: storefront.gzip,
      withAgentEntryGzipBytes: agentConsole.gzip,
      reactChatWidgetGzipBytes: reactChatWidget.gzip,
      reactChatWidgetRawBytes: reactChatWidget.raw,
      ratioToReactChatWidget: Number((ours.gzip / reactChatWidget.gzip).toFixed(3)),
      papercupsGzipBytes: papercups.gzip,
      papercupsRawBytes: papercups.raw,
      ratioToPapercups: Number((ours.gzip / papercups.gzip).toFixed(3)),
      widgetEntry: dirname(require.resolve('@kefu/widget-react')),
      external: EXTERNAL,
      esbuild: { minify: true, format: 'esm', target: 'es2020' },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchWidgetGzipBytes(), null, 2));
}
