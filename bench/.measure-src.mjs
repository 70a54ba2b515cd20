import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
const r = await build({ stdin: { contents: `export { ChatWidget, KefuProvider } from '../packages/widget-react/src/index.ts';`, resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2020', jsx:'automatic', external: ['react','react-dom','react/jsx-runtime','react-dom/client','react-dom/server'], define: { 'process.env.NODE_ENV': '"production"' }, write: false, logLevel: 'silent', metafile: true, alias: {'@kefu/client': '../packages/client/src/index.ts'} });
const code = r.outputFiles[0].contents;
console.log('gzip', gzipSync(code, { level: 9 }).byteLength, 'raw', code.byteLength);
const o = Object.values(r.metafile.outputs)[0]; for (const [k,v] of Object.entries(o.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)) console.log(v.bytesInOutput, k);
