import type { ClientTransport, KefuClient } from '@kefu/client';
import { createKefuClient } from '@kefu/client';
import type { Credentials } from '@kefu/core/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { customer, type GatewayFixture, startGateway, until } from './gateway-test-setup';

export interface TransportUnderTest {
  fixture: GatewayFixture;
  transport: ClientTransport;
  /** Cuts the client's connections the way this transport can fail. */
  cut(): void;
}

/**
 * The behaviour every client transport must have, run against a real gateway: frames both ways
 * in order, close reported once with its code, and reconnect + resume after a cut.
 */
export function runTransportConformance(
  name: string,
  setup: (fixture: GatewayFixture) => TransportUnderTest,
): void {
  describe(`transport conformance: ${name}`, () => {
    let fixture: GatewayFixture | undefined;
    const clients: KefuClient[] = [];
    afterEach(async () => {
      for (const client of clients.splice(0)) client.close();
      await fixture?.close();
      fixture = undefined;
    });

    async function open(identity: Credentials = customer('cus_lin')) {
      fixture = await startGateway();
      const under = setup(fixture);
      const client = createKefuClient({
        url: fixture.url,
        identity,
        transport: under.transport,
        reconnect: { minDelayMs: 5, maxDelayMs: 20 },
        visitorTokenStorage: null,
      });
      clients.push(client);
      return { fixture, under, client };
    }

    it('opens, says hello and is welcomed', async () => {
      const { client } = await open();
      await until(() => client.getSnapshot().status === 'open');
      expect(client.getSnapshot().session).toEqual({ role: 'customer', id: 'cus_lin' });
    });

    it('delivers frames both ways in order', async () => {
      const { client, fixture } = await open();
      const conversation = await client.startConversation();
      for (let i = 0; i < 50; i++) client.send(conversation.id, `m${i}`);
      await until(() =>
        client
          .getSnapshot()
          .conversations[conversation.id]?.messages.every((m) => m.status === 'sent'),
      );
      const stored = await fixture.desk.messages.list({ conversationId: conversation.id });
      expect(stored.map((m) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
    });

    it('reports a close by the gateway once, with its code, and does not retry refused credentials', async () => {
      const { client } = await open({ kind: 'customer', customerId: 'cus_lin', signature: 'bad' });
      await until(() => client.getSnapshot().status === 'closed');
      expect(client.getSnapshot().lastError?.code).toBe('UNAUTHORIZED');
      expect(fixture?.gateway.connectionCount).toBe(0);
    });

    it('closes from the client side and stops', async () => {
      const { client, fixture } = await open();
      await until(() => client.getSnapshot().status === 'open');
      client.close();
      await until(() => fixture.gateway.connectionCount === 0);
      expect(client.getSnapshot().status).toBe('closed');
    });

    it('reconnects after a cut and resumes without gaps', async () => {
      const { client, fixture, under } = await open();
      const conversation = await client.startConversation({ text: 'first' });
      await until(() => client.getSnapshot().conversations[conversation.id]?.syncedSeq === 1);
      under.cut();
      await fixture.desk.messages.post({
        conversationId: conversation.id,
        author: { kind: 'customer', id: 'cus_lin' },
        text: 'while cut',
      });
      client.send(conversation.id, 'from the outbox');
      await until(() => client.getSnapshot().conversations[conversation.id]?.syncedSeq === 3);
      expect(
        client.getSnapshot().conversations[conversation.id]?.messages.map((m) => m.text),
      ).toEqual(['first', 'while cut', 'from the outbox']);
    });
  });
}
