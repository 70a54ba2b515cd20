import { createKefuClient, type KefuClient } from '@kefu/client';
import type { Credentials } from '@kefu/core/wire';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { KefuProvider } from '../provider/kefu-provider';
import { FAKE_URL } from './fake-gateway';

const open: KefuClient[] = [];

/** A client on the fake gateway (fast reconnects), closed by `closeClients`. */
export function fakeClient(
  identity: Credentials = { kind: 'customer', customerId: 'cus_lin', signature: 'sig' },
): KefuClient {
  const client = createKefuClient({
    url: FAKE_URL,
    identity,
    visitorTokenStorage: null,
    outboxStorage: null,
    reconnect: { minDelayMs: 5, maxDelayMs: 20 },
  });
  open.push(client);
  return client;
}

/** Renders `ui` under a `KefuProvider` with a fresh client on the fake gateway. */
export function renderWithClient(
  ui: ReactElement,
  identity?: Credentials,
): RenderResult & { client: KefuClient } {
  const client = fakeClient(identity);
  const result = render(<KefuProvider client={client}>{ui}</KefuProvider>);
  return { client, ...result };
}

export function closeClients(): void {
  for (const client of open.splice(0)) client.close();
}
