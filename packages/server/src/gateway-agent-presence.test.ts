import type { KefuAgentClient } from '@kefu/client/agent';
import { describe, expect, it } from 'vitest';
import { agent, type GatewayFixture, gatewayPerTest, until } from './gateway-test-setup';

const gateway = gatewayPerTest();
let fixture: GatewayFixture;

const presenceOf = async (agentId: string) => (await fixture.desk.agents.get(agentId))?.presence;

async function signedIn(token: string): Promise<KefuAgentClient> {
  const client = gateway.connect(agent(token));
  await until(() => client.getSnapshot().status === 'open');
  return client;
}

describe('gateway: agent presence tied to connections', () => {
  it('moves an online agent away once their last connection has been closed for the grace', async () => {
    fixture = await gateway.start({ agentPresence: { onDisconnect: 'away', graceMs: 50 } });
    const console1 = await signedIn('token-wang');
    const console2 = await signedIn('token-wang');
    await console1.setPresence('online');

    console1.close();
    await until(() => fixture.gateway.connectionCount === 1);
    // One console is still open: wait three graces and nothing changes.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await presenceOf('agt_wang')).toBe('online');

    console2.close();
    await until(async () => (await presenceOf('agt_wang')) === 'away');
    // Li never connected: untouched.
    expect(await presenceOf('agt_li')).toBe('online');
  });

  it('keeps the agent online across a reconnect within the grace', async () => {
    fixture = await gateway.start({ agentPresence: { onDisconnect: 'offline', graceMs: 1_000 } });
    const wang = await signedIn('token-wang');
    await wang.setPresence('online');
    const statuses: string[] = [];
    wang.subscribe(() => statuses.push(wang.getSnapshot().status));
    expect(fixture.killSockets()).toBe(1);
    await until(() => statuses.includes('reconnecting') && wang.getSnapshot().status === 'open');
    // Back within the grace: well past it, the agent is still online.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await presenceOf('agt_wang')).toBe('online');
    wang.close();
    await until(async () => (await presenceOf('agt_wang')) === 'offline');
  });

  it('leaves presence alone without the option', async () => {
    fixture = await gateway.start();
    const wang = await signedIn('token-wang');
    wang.close();
    await until(() => fixture.gateway.connectionCount === 0);
    expect(await presenceOf('agt_wang')).toBe('online');
  });
});
