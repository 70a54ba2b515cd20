import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The example's folder. */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../', import.meta.url));

const scripts = (
  JSON.parse(readFileSync(`${EXAMPLE_DIR}package.json`, 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/**
 * A script of the example's package.json as a command and arguments (`node` is this Node, other
 * binaries come from the example's `node_modules/.bin`), so tests run exactly what `pnpm demo`
 * runs (`demo` is `build`, then `start`) without pnpm in between: pnpm itself exits by the signal
 * on Ctrl+C, while the program it runs stops cleanly and exits 0.
 */
export function exampleScript(name: 'build' | 'start'): { command: string; args: string[] } {
  const script = scripts[name];
  if (!script || /[&|;<>$`]/.test(script)) {
    throw new Error(`The "${name}" script must be one plain command, not "${script}".`);
  }
  const [binary, ...args] = script.split(/\s+/) as [string, ...string[]];
  const command =
    binary === 'node' ? process.execPath : `${EXAMPLE_DIR}node_modules/.bin/${binary}`;
  return { command, args };
}

/** The scripts `demo` is made of; the tests check that it is still "build, then start". */
export const DEMO_SCRIPT = { demo: scripts.demo, build: scripts.build, start: scripts.start };
