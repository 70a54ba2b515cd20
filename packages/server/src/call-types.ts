import type { Desk } from '@kefu/core';
import type { GatewayContext } from './gateway-context';

export type Input = Record<string, unknown>;
/** Where the call came from, for the audit log. */
export interface CallOrigin {
  ip?: string;
  via: string;
}
/** One agent call: runs with the acting agent's id after the gateway's checks. */
export type Call = (
  desk: Desk,
  input: Input,
  agentId: string,
  context: GatewayContext,
  origin: CallOrigin,
) => Promise<unknown>;
