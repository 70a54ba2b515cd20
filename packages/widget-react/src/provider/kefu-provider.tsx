import { type CreateKefuClientOptions, createKefuClient, type KefuClient } from '@kefu/client';
import { type ReactNode, useEffect, useState } from 'react';
import { KefuContext } from './kefu-context';

export type KefuProviderProps =
  | {
      /** A client you created (and close) yourself. */
      client: KefuClient;
      options?: never;
      children?: ReactNode;
    }
  | {
      client?: never;
      /**
       * Options for a client the provider owns: created once, connected after mount (never during
       * server rendering), closed on unmount. Later changes to the options are ignored.
       */
      options: CreateKefuClientOptions;
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
  const [owned] = useState(() =>
    props.client ? null : createKefuClient({ ...props.options, autoConnect: false }),
  );
  useEffect(() => {
    if (!owned) return;
    if (props.options?.autoConnect !== false) owned.connect();
    return () => owned.close();
  }, [owned, props.options?.autoConnect]);
  return (
    <KefuContext.Provider value={props.client ?? owned}>{props.children}</KefuContext.Provider>
  );
}
