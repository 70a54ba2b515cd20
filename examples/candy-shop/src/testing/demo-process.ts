import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { EXAMPLE_DIR, exampleScript } from './example-scripts';

export interface DemoUrls {
  storefront: string;
  console: string;
  gateway: string;
  status: string;
}

export interface DemoProcess {
  urls: DemoUrls;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /**
   * Sends the signal to the process group, as Ctrl+C in a terminal does, and resolves with the
   * exit code once the process has ended.
   */
  stop(signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

const URL_LINES: Record<keyof DemoUrls, RegExp> = {
  storefront: /Storefront[^:]*:\s+(http\S+)/,
  console: /Agent console[^:]*:\s+(http\S+)/,
  gateway: /Gateway[^:]*:\s+(ws\S+)/,
  status: /status: (http\S+)\)/,
};

/**
 * A child's output for an error message, each line marked, so the test runner does not take the
 * child's stack traces for frames of its own error (and look for their source maps).
 */
export function quoted(output: string): string {
  return output
    .trimEnd()
    .split('\n')
    .map((line) => `│ ${line}`)
    .join('\n');
}

function readUrls(text: string): DemoUrls | null {
  const urls: Partial<DemoUrls> = {};
  for (const [key, pattern] of Object.entries(URL_LINES) as [keyof DemoUrls, RegExp][]) {
    const found = pattern.exec(text)?.[1];
    if (!found) return null;
    urls[key] = found;
  }
  return urls as DemoUrls;
}

/** Runs a script to its end; rejects with its output when it fails. */
export async function runScript(
  name: 'build',
  env: Record<string, string>,
  timeoutMs: number,
): Promise<void> {
  const { command, args } = exampleScript(name);
  const child = spawn(command, args, {
    cwd: EXAMPLE_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`\`${name}\` exited with ${code}:\n${quoted(output)}`);
}

/**
 * Starts the demo server (the example's `start` script) in its own process group and waits until
 * it prints its URLs. Rejects with the output when it exits first or takes longer than `timeoutMs`.
 */
export async function startDemo(env: Record<string, string>, timeoutMs: number) {
  const { command, args } = exampleScript('start');
  const child: ChildProcess = spawn(command, args, {
    cwd: EXAMPLE_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const urls = await new Promise<DemoUrls>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill(child, 'SIGKILL');
      reject(new Error(`The demo printed no URLs within ${timeoutMs} ms:\n${quoted(output)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = readUrls(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(
        new Error(`The demo exited (${code ?? signal}) before it was ready:\n${quoted(output)}`),
      );
    });
  });
  const process_: DemoProcess = {
    urls,
    output: () => output,
    async stop(signal) {
      if (child.exitCode !== null) return child.exitCode;
      kill(child, signal);
      const [code] = await exited;
      return code;
    },
  };
  return process_;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
