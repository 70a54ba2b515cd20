/**
 * Polls `check` until it returns something other than undefined/false, for conditions that have
 * no event to wait on (a gateway status, a server-side count). Rejects after `timeoutMs` with the
 * description and the last value seen.
 */
export async function waitUntil<T>(
  description: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    last = await check();
    if (last !== undefined && last !== false) return last as T;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out waiting for ${description} (last: ${JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** GET a JSON document. */
export async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}
