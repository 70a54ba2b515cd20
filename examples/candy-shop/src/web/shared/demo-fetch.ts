/** JSON from the demo server's `/api`; throws with the server's message on an error status. */
export async function demoFetch<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error: { message: string } }
    | null;
  if (!response.ok || body === null || body.error) {
    throw new Error(body?.error?.message ?? `${path} answered ${response.status}`);
  }
  return body as T;
}

/** The gateway on the page's own host: `ws://host/kefu` (`wss:` under https). */
export function gatewayUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/kefu`;
}
