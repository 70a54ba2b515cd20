import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './gateway-options';
import {
  customer,
  type GatewayFixture,
  openRaw,
  type RawSocket,
  startGateway,
} from './gateway-test-setup';

let fixture: GatewayFixture;
let flooder: ChildProcess | null = null;
afterEach(async () => {
  flooder?.kill('SIGKILL');
  flooder = null;
  await fixture?.close();
});

const FLOOD_CLIENT = fileURLToPath(new URL('./test-support/flood-client.mjs', import.meta.url));

let pings = 0;
/**
 * Round trips of pings sent one at a time, 10 ms apart, for `durationMs`, in ms, taking turns on
 * the given connections (each stays well under the default 600 frames a minute).
 */
async function pingRoundTrips(sockets: RawSocket[], durationMs: number): Promise<number[]> {
  const times: number[] = [];
  const until = performance.now() + durationMs;
  while (performance.now() < until) {
    const at = ++pings;
    const socket = sockets[at % sockets.length] as RawSocket;
    const started = performance.now();
    socket.send({ type: 'ping', at });
    await socket.next('pong', (f) => f.at === at);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return times;
}

const p99 = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
};

/** Starts the flooding client in its own process; resolves once it floods. */
function startFlooder(
  url: string,
): Promise<{ stop(): Promise<{ sent: number; errors: number; limited: number }> }> {
  const child = spawn(process.execPath, [FLOOD_CLIENT], {
    env: { ...process.env, FLOOD_URL: url, FLOOD_AUTH: JSON.stringify(customer('cus_amy')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  flooder = child;
  const lines: string[] = [];
  let waiting: (() => void) | null = null;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    waiting?.();
  });
  const line = (n: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the flooder said nothing')), 10_000);
      const check = () => {
        const found = lines[n];
        if (found === undefined) return;
        clearTimeout(timer);
        waiting = null;
        resolve(found);
      };
      waiting = check;
      check();
    });
  return line(0).then(() => ({
    async stop() {
      child.kill('SIGTERM');
      return JSON.parse(await line(1)) as { sent: number; errors: number; limited: number };
    },
  }));
}

describe('gateway: one client cannot slow another', () => {
  it("keeps a customer's round-trip p99 within 50 ms of idle while another floods 63 KB nested frames", async () => {
    fixture = await startGateway();
    const lin = await Promise.all(
      Array.from({ length: 4 }, () => openRaw(fixture.url, customer('cus_lin'))),
    );
    await pingRoundTrips(lin, 200); // warm up
    const idle = await pingRoundTrips(lin, 2_000);

    // Pinging starts with the flooder, so the burst a fresh connection may spend is measured too.
    const flooding = startFlooder(fixture.url);
    const flooded = await pingRoundTrips(lin, 6_000);
    const { sent, errors, limited } = await (await flooding).stop();
    for (const socket of lin) socket.close();

    const report = `idle p99 ${p99(idle).toFixed(1)} ms, flooded p99 ${p99(flooded).toFixed(1)} ms, ${flooded.length} pings, ${sent} frames sent`;
    // The flood was real: more than twice the byte budget of the run was offered (the rest waits
    // in TCP buffers while the gateway stops reading), and the gateway said so.
    expect(sent * 63_650, report).toBeGreaterThan(2 * DEFAULT_LIMITS.inboundBytesPerMinute);
    expect(limited, report).toBeGreaterThan(0);
    // …and what the budget admits was parsed and validated (a customer's `call` is FORBIDDEN):
    // at least the four 63 KB frames of the burst.
    expect(errors - limited, report).toBeGreaterThanOrEqual(4);
    // What the flood adds to another client's p99 stays under 50 ms; the idle run of the same
    // test is the baseline, so a slow, shared machine does not count against the gateway.
    expect(p99(flooded) - p99(idle), report).toBeLessThan(50);
  }, 30_000);
});
