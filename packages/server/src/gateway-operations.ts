import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Desk } from '@kefu/core';
import type { Registry } from 'prom-client';
import type { GatewayHooks } from './gateway-context';
import {
  type CountedConnection,
  createGatewayMetrics,
  type GatewayMetrics,
  type GatewayMetricsOptions,
} from './gateway-metrics';
import { watchIncidents } from './incident-banner';
import { listenForMetrics, serveMetrics } from './metrics-endpoint';

/**
 * The gateway's `/metrics`, as `gateway.metrics` exposes it.
 *
 * @example
 * ```ts
 * const orders = new Counter({ name: 'shop_orders_total', help: 'Orders', registers: [gateway.metrics.registry] });
 * console.log(await gateway.metrics.text());
 * ```
 */
export interface GatewayMetricsHandle {
  /** The gateway's own prom-client registry: register the shop's metrics here to scrape them too. */
  readonly registry: Registry;
  /** The exposition text now. */
  text(): Promise<string>;
  /** Resolves once the separate listener (`metrics.port`) listens; at once without one. */
  readonly ready: Promise<void>;
  /** The separate listener's address once listening, else null. */
  address(): AddressInfo | null;
}

/**
 * What the gateway does for the people who operate it: `/metrics` (on the gateway path and,
 * optionally, a port of its own) and the incident banner for every connection. One module, so
 * the gateway's wiring only hooks it in.
 */
export function createOperations(options: {
  desk: Desk;
  path: string;
  metrics: GatewayMetricsOptions | false | undefined;
  connections: () => Iterable<CountedConnection>;
  onError: (error: unknown) => void;
}) {
  const { desk, path, onError } = options;
  const settings = options.metrics === false ? null : (options.metrics ?? {});
  const metrics: GatewayMetrics | null = settings
    ? createGatewayMetrics({
        desk,
        connections: options.connections,
        processMetrics: settings.processMetrics ?? true,
      })
    : null;
  const listener =
    metrics && settings?.port !== undefined
      ? listenForMetrics(metrics, { ...settings, port: settings.port }, onError)
      : null;
  const banner = watchIncidents(desk, options.connections);
  const requireToken = process.env.NODE_ENV === 'production';
  const none = () => {};

  const hooks: GatewayHooks = {
    opened: metrics?.hooks.opened ?? none,
    frameIn: metrics?.hooks.frameIn ?? none,
    frameOut: metrics?.hooks.frameOut ?? none,
    handled: metrics?.hooks.handled ?? none,
    httpServed: metrics?.hooks.httpServed ?? none,
    identified: (connection) => banner.identified(connection),
  };

  return {
    hooks,
    handle: metrics
      ? {
          registry: metrics.registry,
          text: () => metrics.text(),
          ready: listener?.ready ?? Promise.resolve(),
          address: () => {
            const address = listener?.server.address();
            return address && typeof address === 'object' ? address : null;
          },
        }
      : null,
    /** Serves `<path>/metrics`; false for every other request. */
    async serve(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
      if (!metrics || (request.url ?? '/').split('?')[0] !== `${path}/metrics`) return false;
      await serveMetrics(request, response, metrics, { token: settings?.token, requireToken });
      return true;
    },
    async close() {
      banner.stop();
      metrics?.stop();
      await listener?.close();
    },
  };
}
