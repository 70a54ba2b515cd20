import { describe, expect, it } from 'vitest';
import {
  agent,
  codeOf,
  customer,
  type GatewayFixture,
  gatewayPerTest,
  SECRET,
  until,
} from './gateway-test-setup';
import { signCustomerId } from './identity';

const gateway = gatewayPerTest();
const connect = gateway.connect;
let fixture: GatewayFixture;
const PHONE = '13812345678';

describe('gateway: personal data', () => {
  it('masks personal data for agents, not for the customer, and audits a reveal', async () => {
    fixture = await gateway.start();
    const lin = connect(customer('cus_lin'));
    const started = await lin.startConversation({ text: `我的手机 ${PHONE}` });
    const wang = connect(agent('token-wang'));
    wang.watch(started.id);
    const seen = await until(() => wang.getSnapshot().conversations[started.id]?.messages[0]);
    expect(seen.text).toBe('我的手机 138****5678');
    expect(seen.masked).toEqual([{ index: 0, start: 5, end: 16, kind: 'mobile' }]);
    expect(lin.getSnapshot().conversations[started.id]?.messages[0]?.text).toBe(
      `我的手机 ${PHONE}`,
    );

    // Live messages too, and the HTTP history.
    lin.send(started.id, `备用 ${PHONE}`);
    const live = await until(() => wang.getSnapshot().conversations[started.id]?.messages[1]);
    expect(live.text).toBe('备用 138****5678');
    const history = await fetch(`${fixture.httpUrl}/conversations/${started.id}/messages`, {
      headers: { authorization: 'Bearer token-wang' },
    }).then((r) => r.json());
    expect(JSON.stringify(history)).not.toContain(PHONE);

    expect(
      await wang.call('privacy.reveal', { conversationId: started.id, seq: 1, span: 0 }),
    ).toEqual({
      kind: 'mobile',
      value: PHONE,
    });
    const [entry] = await fixture.desk.privacy.audit
      .list({
        actions: ['value.revealed'],
        actor: { kind: 'admin', id: 'adm_test' },
      })
      .then((page) => page.entries);
    expect(entry).toMatchObject({
      actor: { kind: 'agent', id: 'agt_wang' },
      customerId: 'cus_lin',
      origin: { via: 'gateway', ip: '127.0.0.1' },
    });
  });

  it('keeps erasure and the audit log to admins authorizeCall allows; audits profile reads', async () => {
    fixture = await gateway.start();
    const wang = connect(agent('token-wang'));
    await wang.call('customers.get', { customerId: 'cus_lin' });
    expect(
      await codeOf(wang.call('privacy.erase', { customerId: 'cus_lin', reason: '申请删除' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(wang.call('privacy.audit', {}))).toBe('FORBIDDEN');
    expect((await fixture.desk.customers.get('cus_lin'))?.erasedAt).toBeUndefined();
    await gateway
      .start({
        authorizeCall: (agentId) => agentId === 'agt_li',
      })
      .then((next) => {
        fixture = next;
      });
    // With roles (the default) privileged calls need an admin, and then the policy decides too.
    await fixture.desk.agents.upsert({ id: 'agt_li', name: '李售后', role: 'admin' });
    const li = connect(agent('token-li'));
    const denied = connect(agent('token-wang'));
    expect(await codeOf(denied.call('privacy.erase', { customerId: 'cus_lin', reason: 'x' }))).toBe(
      'FORBIDDEN',
    );
    await li.call('customers.get', { customerId: 'cus_lin' });
    const page = await li.call<{ entries: { action: string; actor: { id: string } }[] }>(
      'privacy.audit',
      {
        customerId: 'cus_lin',
      },
    );
    expect(page.entries.map((e) => [e.action, e.actor.id])).toEqual([['customer.read', 'agt_li']]);
    expect(await codeOf(li.call('privacy.erase', { customerId: 'cus_lin', reason: '' }))).toBe(
      'VALIDATION',
    );
    expect(
      await li.call('privacy.erase', { customerId: 'cus_lin', reason: 'PIPL 申请 #7' }),
    ).toMatchObject({
      status: 'scheduled',
    });
  });

  it('lets a signed customer download their own export, and nobody else', async () => {
    fixture = await gateway.start();
    const lin = connect(customer('cus_lin'));
    await lin.startConversation({ text: `我的手机 ${PHONE}` });
    const url = `${fixture.httpUrl}/privacy/export`;
    const response = await fetch(url, {
      headers: {
        'x-kefu-customer-id': 'cus_lin',
        'x-kefu-signature': signCustomerId('cus_lin', SECRET),
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('kefu-export-cus_lin.json');
    const doc = (await response.json()) as {
      conversations: { messages: { text: string }[] }[];
    };
    expect(doc).toMatchObject({
      schema: 'kefu.customer-export',
      version: 1,
      customerId: 'cus_lin',
    });
    expect(doc.conversations[0]?.messages[0]?.text).toBe(`我的手机 ${PHONE}`);
    const forged = await fetch(url, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': 'bad' },
    });
    expect(forged.status).toBe(401);
    const asAgent = await fetch(url, { headers: { authorization: 'Bearer token-wang' } });
    expect(asAgent.status).toBe(403);
  });
});
