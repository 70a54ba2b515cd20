import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { GATEWAY_SERIES } from './gateway-metrics';
import { agent, customer, gatewayPerTest, openRaw, until } from './gateway-test-setup';

const gateway = gatewayPerTest();

async function scrape(url: string, token?: string) {
  const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

const families = (text: string) => new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));

describe('gateway: /metrics', () => {
  it('serves every documented series in Prometheus text, counting real traffic', async () => {
    const fixture = await gateway.start();
    const lin = await openRaw(fixture.url, customer('cus_lin'));
    await lin.next('welcome');
    lin.send({
      type: 'start',
      id: 'r1',
      clientId: 'start-0001',
      message: { text: '我的糖果什么时候到？' },
    });
    await lin.next('ack', (f) => f.id === 'r1');
    lin.send({ type: 'subscribe', id: 'r2', conversationId: 'conv_missing' });
    await lin.next('error', (f) => f.id === 'r2');
    const wang = gateway.connect(agent('token-wang'));
    await until(() => wang.getSnapshot().status === 'open');

    const { status, type, text } = await scrape(`${fixture.httpUrl}/metrics`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const parsed = families(text);
    for (const name of GATEWAY_SERIES) expect(parsed.has(name), name).toBe(true);

    const value = (name: string, labels: Record<string, string> = {}) =>
      Number(
        parsed
          .get(name)
          ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
          ?.value,
      );
    expect(value('kefu_queue_length')).toBe(1);
    expect(value('kefu_agents_online')).toBe(2);
    expect(value('kefu_gateway_connections', { role: 'customer' })).toBe(1);
    expect(value('kefu_gateway_connections', { role: 'agent' })).toBe(1);
    expect(value('kefu_gateway_connections_opened_total', { transport: 'websocket' })).toBe(2);
    expect(value('kefu_gateway_frames_received_total', { type: 'start' })).toBe(1);
    expect(value('kefu_gateway_frames_sent_total', { type: 'welcome' })).toBe(2);
    expect(value('kefu_gateway_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(value('kefu_events_total', { type: 'conversation.started' })).toBe(1);
    expect(value('kefu_incident_active', { mode: 'leave-message' })).toBe(0);
    expect(value('kefu_jobs_lag_seconds')).toBeGreaterThanOrEqual(0);
    // The parser keeps a histogram's family and type, but folds labelled histograms into one
    // sample (a limitation of parse-prometheus-text-format): read the labelled sample from the text.
    expect(parsed.get('kefu_gateway_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(text).toContain('kefu_gateway_request_duration_seconds_count{type="start"} 1\n');
    expect(text).toContain(
      'kefu_gateway_request_duration_seconds_bucket{le="10",type="start"} 1\n',
    );
    expect(parsed.get('kefu_gateway_connections')?.type).toBe('GAUGE');
    expect(parsed.get('kefu_events_total')?.type).toBe('COUNTER');
    lin.close();
  });

  it('documents exactly the series it serves', () => {
    const guide = readFileSync(
      new URL('../../../docs/guides/monitoring.md', import.meta.url),
      'utf8',
    );
    for (const name of GATEWAY_SERIES) expect(guide, name).toContain(`\`${name}\``);
  });

  it('ships a Grafana dashboard whose every query reads series the gateway serves', async () => {
    const dashboard = JSON.parse(
      readFileSync(
        new URL('../../../examples/grafana/kefu-dashboard.json', import.meta.url),
        'utf8',
      ),
    ) as { panels: { type: string; targets?: { expr: string }[] }[] };
    const fixture = await gateway.start();
    const served = families((await scrape(`${fixture.httpUrl}/metrics`)).text);
    const queries = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((t) => t.expr);
    expect(queries.length).toBeGreaterThan(10);
    const named = new Set<string>();
    for (const query of queries) {
      const series = query.match(/\b(kefu|process|nodejs)_[a-z0-9_]+/g) ?? [];
      expect(series.length, query).toBeGreaterThan(0);
      for (const name of series) named.add(name.replace(/_(bucket|count|sum)$/, ''));
    }
    for (const name of named) expect(served.has(name), name).toBe(true);
    // And the other way round: every series of the desk and gateway is on the dashboard.
    for (const name of GATEWAY_SERIES.filter((n) => n.startsWith('kefu_'))) {
      expect(named.has(name), name).toBe(true);
    }
  });

  it('asks for the bearer token when one is set', async () => {
    const fixture = await gateway.start({ metrics: { token: 's3cret-scrape' } });
    expect((await scrape(`${fixture.httpUrl}/metrics`)).status).toBe(401);
    expect((await scrape(`${fixture.httpUrl}/metrics`, 'wrong')).status).toBe(401);
    const ok = await scrape(`${fixture.httpUrl}/metrics`, 's3cret-scrape');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('kefu_queue_length');
  });

  it('answers 401 on the gateway path in production until a token is set', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const fixture = await gateway.start();
      const refused = await scrape(`${fixture.httpUrl}/metrics`);
      expect(refused.status).toBe(401);
      expect(refused.text).toContain('metrics.token');
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it('serves /metrics on a port of its own when asked', async () => {
    const fixture = await gateway.start({ metrics: { port: 0, processMetrics: false } });
    await fixture.gateway.metrics?.ready;
    // Port 0 picks a free one; find it through the registry's listener.
    const text = await fixture.gateway.metrics?.text();
    expect(text).toContain('kefu_gateway_connections');
    expect(text).not.toContain('process_cpu_seconds_total');
    const address = fixture.gateway.metrics?.address() as AddressInfo;
    const separate = await scrape(`http://127.0.0.1:${address.port}/metrics`);
    expect(separate.status).toBe(200);
    expect(families(separate.text).has('kefu_queue_length')).toBe(true);
    expect((await scrape(`http://127.0.0.1:${address.port}/other`)).status).toBe(404);
  });

  it('serves nothing with metrics: false', async () => {
    const fixture = await gateway.start({ metrics: false });
    expect(fixture.gateway.metrics).toBeNull();
    expect((await scrape(`${fixture.httpUrl}/metrics`)).status).toBe(404);
  });
});
