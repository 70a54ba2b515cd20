import type { KefuClientSnapshot } from '@kefu/client';
import { useCallback, useSyncExternalStore } from 'react';
import { useKefuClient } from './use-kefu-client';

/**
 * A slice of the client's snapshot, re-rendering only when that slice changes. The selector must
 * return something already in the snapshot (or a primitive): the store keeps those stable.
 *
 * @example
 * const status = useKefuSelector((snapshot) => snapshot.status);
 */
export function useKefuSelector<T>(selector: (snapshot: KefuClientSnapshot) => T): T {
  const client = useKefuClient();
  const read = useCallback(() => selector(client.getSnapshot()), [client, selector]);
  return useSyncExternalStore(client.subscribe, read, read);
}
