import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
async function size(stubs) {
  const r = await build({ stdin: { contents: `export { ChatWidget, KefuProvider } from '../packages/widget-react/src/index.ts';`, resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2020', jsx:'automatic', external: ['react','react-dom','react/jsx-runtime','react-dom/client','react-dom/server'], define: { 'process.env.NODE_ENV': '"production"' }, write: false, logLevel: 'silent', alias: {'@kefu/client': '../packages/client/src/index.ts'},
  plugins: [{ name: 'stub', setup(b) { b.onLoad({ filter: /widget-react\/src\/.*\.tsx?$/ }, async (a) => { const s = stubs.find(([f]) => a.path.endsWith(f)); if (!s) return; return { contents: s[1], loader: 'tsx' }; }); } }] });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).byteLength;
}
const base = await size([]);
console.log('base', base);
const tests = {
  greeting: [['components/launcher-greeting.tsx', 'export function LauncherGreeting(){return null}']],
  memory: [['memory/widget-memory.ts', 'export const recall=()=>false; export const remember=()=>{};']],
  online: [['hooks/use-online.ts', 'export const useOnline=()=>true;']],
  survey: [['components/survey-prompt.tsx', 'export function SurveyPrompt(){return null}']],
  timeline: [['components/ticket-timeline.tsx', 'export function TicketTimeline(){return null}']],
  en: [['i18n/en.ts', 'export const en = {};']],
};
for (const [name, stubs] of Object.entries(tests)) console.log(name, base - await size(stubs));
