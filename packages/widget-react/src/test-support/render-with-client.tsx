import { type CreateKefuClientOptions, createKefuClient, type KefuClient } from '@kefu/client';
import { createAgentClient, type KefuAgentClient } from '@kefu/client/agent';
import type { Credentials } from '@kefu/core/wire';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { KefuProvider } from '../provider/kefu-provider';
import { FAKE_URL } from './fake-gateway';

const open: KefuClient[] = [];

const onFakeGateway = (identity: Credentials): CreateKefuClientOptions => ({
  url: FAKE_URL,
  identity,
  visitorTokenStorage: null,
  outboxStorage: null,
  reconnect: { minDelayMs: 5, maxDelayMs: 20 },
});

const track = <C extends KefuClient>(client: C) => {
  open.push(client);
  return client;
};

/** A client on the fake gateway (fast reconnects), closed by `closeClients`. */
export function fakeClient(
  identity: Credentials = { kind: 'customer', customerId: 'cus_lin', signature: 'sig' },
): KefuClient {
  return track(createKefuClient(onFakeGateway(identity)));
}

/** An agent client (王客服, `agt_wang`) on the fake gateway, closed by `closeClients`. */
export function fakeAgentClient(): KefuAgentClient {
  return track(createAgentClient(onFakeGateway({ kind: 'agent', token: 'token-wang' })));
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
