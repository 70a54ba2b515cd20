import type { CreateKefuClientOptions } from '@kefu/client';
import { createAgentClient, type KefuAgentClient } from '@kefu/client/agent';
import { KefuProvider } from '@kefu/widget-react';
import type { ReactNode } from 'react';

/**
 * Props of `KefuAgentProvider`: an agent client you own, or the options to create one.
 *
 * @example
 * const props: KefuAgentProviderProps = {
 *   options: { url: 'wss://candy.example/kefu', identity: { kind: 'agent', token } },
 *   children: <Inbox />,
 * };
 */
export type KefuAgentProviderProps =
  | {
      /** An agent client you created (and close) yourself. */
      client: KefuAgentClient;
      options?: never;
      children?: ReactNode;
    }
  | {
      client?: never;
      /** Options for an agent client the provider owns (created once, closed on unmount). */
      options: CreateKefuClientOptions;
      children?: ReactNode;
    };

/**
 * `KefuProvider` for agent consoles: its client is an agent client, so the agent hooks
 * (`useInbox`, `useAgentConversation`, `useAgentClient`) work below it.
 *
 * @example
 * <KefuAgentProvider options={{ url: 'wss://candy.example/kefu', identity: { kind: 'agent', token } }}>
 *   <Inbox />
 * </KefuAgentProvider>
 */
export function KefuAgentProvider(props: KefuAgentProviderProps) {
  return props.client ? (
    <KefuProvider client={props.client}>{props.children}</KefuProvider>
  ) : (
    <KefuProvider options={props.options} createClient={createAgentClient}>
      {props.children}
    </KefuProvider>
  );
}
