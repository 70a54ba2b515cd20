import { describe, expect, it } from 'vitest';
import { agent, customer, gatewayPerTest, openRaw, until } from './gateway-test-setup';

const gateway = gatewayPerTest();
const message = {
  'zh-CN': '物流系统故障，请先留言。',
  en: 'Delivery tracking is down; leave a message.',
};

describe('gateway: incident mode over real WebSockets', () => {
  it('tells every connection when an incident starts and ends, and new connections after welcome', async () => {
    const fixture = await gateway.start();
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    const wang = await openRaw(fixture.url, agent('token-wang'));
    await lin.next('welcome');
    await wang.next('welcome');
    // Not identified yet: no incident frame for a socket that never said hello.
    const silent = await openRaw(fixture.url);

    const started = await fixture.desk.incidents.start({ message, mode: 'leave-message' });
    const toLin = await lin.next('incident', (f) => f.incident !== null);
    const toWang = await wang.next('incident', (f) => f.incident !== null);
    expect(toLin.incident).toEqual({
      id: started.id,
      mode: 'leave-message',
      message,
      startedAt: started.startedAt,
    });
    expect(toWang.incident).toEqual(toLin.incident);
    // Customers never see why or who.
    expect(JSON.stringify(toLin)).not.toContain('startedBy');

    const amy = await openRaw(fixture.url, customer('cus_amy'));
    await amy.next('welcome');
    expect((await amy.next('incident')).incident?.id).toBe(started.id);
    const welcomeAt = amy.frames.findIndex((f) => f.type === 'welcome');
    expect(amy.frames.findIndex((f) => f.type === 'incident')).toBe(welcomeAt + 1);

    await fixture.desk.incidents.end();
    await lin.next('incident', (f) => f.incident === null);
    await amy.next('incident', (f) => f.incident === null);
    expect(silent.frames.some((f) => f.type === 'incident')).toBe(false);
    for (const socket of [lin, wang, amy, silent]) socket.close();
  });

  it('keeps @kefu/client in step: the snapshot carries the incident, cleared on reconnect when over', async () => {
    const fixture = await gateway.start();
    const lin = gateway.connect(customer('cus_lin'));
    await until(() => lin.getSnapshot().status === 'open');
    expect(lin.getSnapshot().incident).toBeNull();
    await fixture.desk.incidents.start({ message, mode: 'bot-only' });
    await until(() => lin.getSnapshot().incident?.mode === 'bot-only');

    // It ends while the customer is cut off: after reconnecting, the banner is gone. The client
    // may be back within a few ms, so the drop is recorded as it happens rather than polled for.
    let dropped = false;
    const stop = lin.subscribe(() => {
      if (lin.getSnapshot().status !== 'open') dropped = true;
    });
    fixture.killSockets();
    await fixture.desk.incidents.end();
    await until(() => dropped);
    stop();
    await until(() => lin.getSnapshot().status === 'open');
    expect(lin.getSnapshot().incident).toBeNull();
  });

  it("takes a customer's new conversation as a left message in leave-message mode, assigned once it ends", async () => {
    const fixture = await gateway.start();
    await fixture.desk.incidents.start({ message, mode: 'leave-message' });
    const lin = gateway.connect(customer('cus_lin'));
    const conversation = await lin.startConversation({ text: '订单 KF20261111-0042 还没到' });
    expect(await fixture.desk.routing.dispatch()).toEqual([]);
    expect(
      (await fixture.desk.conversations.get({ conversationId: conversation.id }))?.leftMessage,
    ).toBe(true);
    await fixture.desk.incidents.end();
    const assigned = await fixture.desk.routing.dispatch();
    expect(assigned.map((c) => c.id)).toEqual([conversation.id]);
  });
});
