import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Desk } from '@kefu/core';
import { signCustomerId, verifyCustomerSignature } from '@kefu/server';
import { demoAgents } from '../seed/agents';
import { demoCustomers } from '../seed/customers';
import { candyShopOrders } from '../seed/orders';
import type {
  AccountsResponse,
  AgentSession,
  CustomerSession,
  DemoAgentAccount,
  DemoCustomer,
  OrderSummary,
} from '../shared/demo-api';
import { issueAgentToken } from './agent-tokens';
import { readJson, sendError, sendJson, stringField } from './http-json';

export interface DemoApiOptions {
  desk: Desk;
  identitySecret: string;
  agentTokenSecret: string;
}

const customerOf = (id: string): DemoCustomer | null => {
  const customer = demoCustomers.find((candidate) => candidate.id === id);
  return customer
    ? {
        id: customer.id,
        name: customer.name,
        tier: customer.tier ?? 'standard',
        locale: customer.locale ?? 'zh-CN',
      }
    : null;
};

const agentOf = (id: string): DemoAgentAccount | null => {
  const agent = demoAgents.find((candidate) => candidate.id === id);
  return agent
    ? { id: agent.id, name: agent.name, role: agent.role, skills: [...(agent.skills ?? [])] }
    : null;
};

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The demo's sign-in and order endpoints under `/api`. The customer session is where a real shop
 * signs the id of the user already signed in to the shop (`signCustomerId`, on the server, with a
 * secret the browser never sees); here anyone may pick a demo customer. Resolves false for paths
 * it does not serve.
 *
 * @example
 * const api = createDemoApi({ desk, identitySecret, agentTokenSecret });
 * if (await api(request, response)) return;
 */
export function createDemoApi(options: DemoApiOptions) {
  const { desk, identitySecret, agentTokenSecret } = options;

  /** The signed-in customer from the same headers the gateway's HTTP endpoints accept. */
  const signedCustomer = (request: IncomingMessage): string | null => {
    const customerId = header(request, 'x-kefu-customer-id');
    const signature = header(request, 'x-kefu-signature');
    if (!customerId || !verifyCustomerSignature(customerId, signature, identitySecret)) return null;
    return customerId;
  };

  return async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://candy-shop.local');
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /api/accounts') {
      const accounts: AccountsResponse = {
        customers: demoCustomers.flatMap((c) => customerOf(c.id) ?? []),
        agents: demoAgents.flatMap((a) => agentOf(a.id) ?? []),
      };
      sendJson(response, 200, accounts);
      return true;
    }
    if (route === 'POST /api/customer-session') {
      const customer = customerOf(stringField(await readJson(request), 'customerId') ?? '');
      if (!customer) {
        sendError(response, 404, 'No such demo customer.');
        return true;
      }
      const session: CustomerSession = {
        customer,
        signature: signCustomerId(customer.id, identitySecret),
      };
      sendJson(response, 200, session);
      return true;
    }
    if (route === 'POST /api/agent-session') {
      const agent = agentOf(stringField(await readJson(request), 'agentId') ?? '');
      if (!agent) {
        sendError(response, 404, 'No such demo agent.');
        return true;
      }
      const session: AgentSession = {
        agent,
        token: issueAgentToken(agent.id, agentTokenSecret, desk.clock.now()),
      };
      sendJson(response, 200, session);
      return true;
    }
    if (request.method === 'GET' && url.pathname.startsWith('/api/orders')) {
      const customerId = signedCustomer(request);
      if (!customerId) {
        sendError(response, 401, 'Sign in first: the order page needs a signed customer.');
        return true;
      }
      const orderRef = decodeURIComponent(url.pathname.slice('/api/orders/'.length));
      if (url.pathname === '/api/orders') {
        const orders: OrderSummary[] = candyShopOrders
          .filter((order) => order.customerId === customerId)
          .map(({ orderRef: ref, status, total, currency, placedAt }) => ({
            orderRef: ref,
            status,
            total,
            currency,
            placedAt,
          }))
          .sort((a, b) => b.placedAt - a.placedAt);
        sendJson(response, 200, orders);
        return true;
      }
      // The same lookup agents make from a conversation: only the customer's own orders.
      const order = await desk.orders.lookup({ orderRef, customerId });
      if (!order) sendError(response, 404, `No order ${orderRef} for this customer.`);
      else sendJson(response, 200, order);
      return true;
    }
    return false;
  };
}
