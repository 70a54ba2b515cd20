import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
const r = await build({ stdin: { contents: `export { ChatWidget, KefuProvider } from '@kefu/widget-react';`, resolveDir: process.cwd() }, bundle: true, minify: true, splitting: true, outdir: '/virtual', format: 'esm', platform: 'browser', target: 'es2020', external: ['react','react-dom','react/jsx-runtime','react-dom/client','react-dom/server'], define: { 'process.env.NODE_ENV': '"production"' }, write: false, logLevel: 'silent', metafile: true });
for (const f of r.outputFiles) console.log(f.path, gzipSync(f.contents, { level: 9 }).byteLength, f.contents.byteLength);
for (const [k, o] of Object.entries(r.metafile.outputs)) console.log(k, o.entryPoint ?? '', o.imports.map(i=>i.path+':'+i.kind).join(' '));
