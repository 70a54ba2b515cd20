import { type CreateKefuClientOptions, createKefuClient, type KefuClient } from '@kefu/client';
import type { ReactNode } from 'react';
import { KefuContext } from './kefu-context';
import { useOwnedClient } from './use-owned-client';

/**
 * Props of `KefuProvider`: a client you own, or the options to create one.
 *
 * @example
 * const props: KefuProviderProps = {
 *   options: { url: 'wss://candy.example/kefu', identity: { kind: 'customer', customerId, signature } },
 *   children: <ChatWidget />,
 * };
 */
export type KefuProviderProps =
  | {
      /** A client you created (and close) yourself. */
      client: KefuClient;
      options?: never;
      createClient?: never;
      children?: ReactNode;
    }
  | {
      client?: never;
      /**
       * Options for a client the provider owns: created once, connected after mount (never during
       * server rendering), closed on unmount. Later changes to the options are ignored.
       */
      options: CreateKefuClientOptions;
      /** Makes the owned client; default `createKefuClient` (agent consoles: `createAgentClient`). */
      createClient?: (options: CreateKefuClientOptions) => KefuClient;
      children?: ReactNode;
    };

/**
 * Makes a Kefu client available to the widget and the hooks below it.
 *
 * @example
 * <KefuProvider options={{ url: 'wss://candy.example/kefu', identity }}>
 *   <ChatWidget />
 * </KefuProvider>
 */
export function KefuProvider(props: KefuProviderProps) {
  const owned = useOwnedClient(
    props.client ? undefined : props.options,
    props.createClient ?? createKefuClient,
  );
  return (
    <KefuContext.Provider value={props.client ?? owned}>{props.children}</KefuContext.Provider>
  );
}
