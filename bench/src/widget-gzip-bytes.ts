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
 * `widget.gzip-bytes`: the widget as a storefront ships it — `<KefuProvider>` and `<ChatWidget>`,
 * complete (launcher, panel, pre-chat form, messages, composer, typing, receipts, queue, leave a
 * message, attachments, survey, ticket timeline, both dictionaries, the stylesheet, with
 * `@kefu/client` and nanoid inside) — gzipped, against the drop-in component of
 * `react-chat-widget` (with the stylesheet it asks storefronts to import) and of
 * `@papercups-io/chat-widget`, built the same way in the same run. The ratio is ours over the
 * smaller baseline; below 1 means smaller.
 *
 * Also reported: everything `@kefu/widget-react` exports (every part and hook, and the export names
 * an app's bundler drops), for it and the baselines, and an agent console that adds
 * `@kefu/widget-react/agent`.
 */
export async function benchWidgetGzipBytes(): Promise<BenchResult> {
  // The built package (bench runs after `pnpm build`), resolved as an app would.
  const storefront = await gzipBytes(
    `export { ChatWidget, KefuProvider } from '@kefu/widget-react';`,
  );
  const everything = await gzipBytes(everythingFrom('@kefu/widget-react'));
  const agentConsole = await gzipBytes(
    everythingFrom('@kefu/widget-react', '@kefu/widget-react/agent'),
  );
  const reactChatWidget = await gzipBytes(
    `export { Widget } from 'react-chat-widget';
import styles from 'react-chat-widget/lib/styles.css';
export { styles };`,
  );
  const papercups = await gzipBytes(`export { ChatWidget } from '@papercups-io/chat-widget';`);
  const reactChatWidgetEverything = await gzipBytes(everythingFrom('react-chat-widget'));
  const papercupsEverything = await gzipBytes(everythingFrom('@papercups-io/chat-widget'));
  const baseline = Math.min(reactChatWidget.gzip, papercups.gzip);
  return {
    name: 'widget.gzip-bytes',
    value: storefront.gzip,
    unit: 'bytes (gzip)',
    baseline,
    ratio: Number((storefront.gzip / baseline).toFixed(3)),
    params: {
      goalBytes: 15 * 1024,
      bundle: 'ChatWidget + KefuProvider',
      rawBytes: storefront.raw,
      everythingExportedGzipBytes: everything.gzip,
      withAgentEntryGzipBytes: agentConsole.gzip,
      reactChatWidgetGzipBytes: reactChatWidget.gzip,
      reactChatWidgetRawBytes: reactChatWidget.raw,
      ratioToReactChatWidget: Number((storefront.gzip / reactChatWidget.gzip).toFixed(3)),
      papercupsGzipBytes: papercups.gzip,
      papercupsRawBytes: papercups.raw,
      ratioToPapercups: Number((storefront.gzip / papercups.gzip).toFixed(3)),
      reactChatWidgetEverythingGzipBytes: reactChatWidgetEverything.gzip,
      papercupsEverythingGzipBytes: papercupsEverything.gzip,
      widgetEntry: dirname(require.resolve('@kefu/widget-react')),
      external: EXTERNAL,
      esbuild: { minify: true, format: 'esm', target: 'es2020' },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchWidgetGzipBytes(), null, 2));
}
