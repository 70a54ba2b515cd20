import { useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => {
  addEventListener('online', listener);
  addEventListener('offline', listener);
  return () => {
    removeEventListener('online', listener);
    removeEventListener('offline', listener);
  };
};

/**
 * Whether the browser says it is online (`navigator.onLine`, kept live by its `online` and
 * `offline` events); true during server rendering. A socket can look open for a while after the
 * network went away, so this tells the customer sooner than the connection status does.
 *
 * @example
 * const online = useOnline();
 * if (!online) return <p>You are offline.</p>;
 */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}
