/** The demo server's own endpoints (`/api/…`), shared by the server and the two web apps. */

export interface DemoCustomer {
  id: string;
  name: string;
  tier: string;
  locale: string;
}

export interface DemoAgentAccount {
  id: string;
  name: string;
  role: 'agent' | 'supervisor';
  skills: string[];
}

/** `GET /api/accounts`: whom the sign-in pickers offer. */
export interface AccountsResponse {
  customers: DemoCustomer[];
  agents: DemoAgentAccount[];
}

/** `POST /api/customer-session` `{ customerId }`: the id signed by the shop's server. */
export interface CustomerSession {
  customer: DemoCustomer;
  signature: string;
}

/** `POST /api/agent-session` `{ agentId }`: a token the gateway's `authenticate` accepts. */
export interface AgentSession {
  agent: DemoAgentAccount;
  token: string;
}

/** `GET /api/orders` (signed customer headers): the customer's orders, newest first. */
export interface OrderSummary {
  orderRef: string;
  status: string;
  total: number;
  currency: string;
  placedAt: number;
}

/** Headers a signed-in customer sends to `/api/orders…`, the same ones the gateway accepts. */
export const customerHeaders = (session: CustomerSession): Record<string, string> => ({
  'x-kefu-customer-id': session.customer.id,
  'x-kefu-signature': session.signature,
});
