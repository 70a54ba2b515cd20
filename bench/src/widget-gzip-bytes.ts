import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

/** One output file of a split bundle: its name (from its main source), raw and gzip bytes. */
export interface ChunkSize {
  name: string;
  raw: number;
  gzip: number;
}

/** A bundle's sizes: what loads first (the entry chunk and what it imports statically), each
 * chunk loaded later by `import()`, and all of it. */
export interface BundleSize {
  raw: number;
  gzip: number;
  lazyChunks: ChunkSize[];
  lazyGzip: number;
  totalGzip: number;
}

const STDIN = 'storefront.js';

const gzip = (code: Uint8Array) => gzipSync(code, { level: 9 }).byteLength;

/** A chunk named by the source file that contributes most to it (`survey-prompt`, `ja`…). */
function chunkName(inputs: Record<string, { bytesInOutput: number }>): string {
  const [main] = Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
  return main ? main[0].replace(/^.*\//, '').replace(/\.[cm]?[jt]sx?$/, '') : '(empty)';
}

/**
 * A module (`contents`) bundled for a browser: ESM, minified, split at `import()` (as a
 * storefront's bundler does), React external, CSS counted as text (the baselines import theirs),
 * each output gzipped at level 9. What the page loads first is the entry chunk plus the chunks it
 * imports statically; every chunk reached only through `import()` is reported on its own.
 */
async function gzipBytes(contents: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: BENCH_DIR, sourcefile: STDIN },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'text', '.scss': 'text', '.svg': 'dataurl', '.png': 'dataurl' },
    outdir: join(BENCH_DIR, 'out'),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const code = new Map(result.outputFiles.map((file) => [relative(BENCH_DIR, file.path), file]));
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === STDIN);
  // What loads before the widget can render: the entry and its static imports, transitively.
  const initial = new Set<string>();
  const visit = (path: string) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const dependency of outputs[path]?.imports ?? []) {
      if (dependency.kind === 'import-statement' && !dependency.external) visit(dependency.path);
    }
  };
  if (entry) visit(entry);
  let raw = 0;
  let first = 0;
  const lazyChunks: ChunkSize[] = [];
  for (const [path, output] of Object.entries(outputs)) {
    const file = code.get(path);
    if (!file || !path.endsWith('.js')) continue;
    if (initial.has(path)) {
      raw += file.contents.byteLength;
      first += gzip(file.contents);
    } else {
      const name = output.entryPoint
        ? chunkName({ [output.entryPoint]: { bytesInOutput: 1 } })
        : chunkName(output.inputs);
      lazyChunks.push({ name, raw: file.contents.byteLength, gzip: gzip(file.contents) });
    }
  }
  lazyChunks.sort((a, b) => b.gzip - a.gzip);
  const lazyGzip = lazyChunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
  return { raw, gzip: first, lazyChunks, lazyGzip, totalGzip: first + lazyGzip };
}

/**
 * `widget.gzip-bytes`: the widget as a storefront ships it — `<KefuProvider>` and `<ChatWidget>`,
 * complete (launcher, panel, pre-chat form, messages, composer, typing, receipts, queue, the
 * zh-CN and en dictionaries, the stylesheet, with `@kefu/client` and nanoid inside) — gzipped.
 * The value is the entry chunk (what a page loads first, the budget); the parts loaded on first
 * use (survey, tickets, leave a message, greeting, incident banner, uploads and image previews,
 * the zh-TW and ja dictionaries) are each reported with their size in `lazyChunks`, with their
 * sum and the total. Compared with the drop-in component of
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
      // The entry chunk is what the budget is about; the parts loaded on first use come after.
      lazyChunks: storefront.lazyChunks,
      lazyGzipBytes: storefront.lazyGzip,
      totalGzipBytes: storefront.totalGzip,
      everythingExportedLazyGzipBytes: everything.lazyGzip,
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
      esbuild: { minify: true, format: 'esm', target: 'es2020', splitting: true },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchWidgetGzipBytes(), null, 2));
}
