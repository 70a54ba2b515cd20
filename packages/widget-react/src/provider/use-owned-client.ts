import type { CreateKefuClientOptions, KefuClient } from '@kefu/client';
import { useEffect, useState } from 'react';

/**
 * A client a provider owns when it was given options instead of a client: created once, connected
 * after mount (never during server rendering), closed on unmount.
 */
export function useOwnedClient<C extends KefuClient>(
  options: CreateKefuClientOptions | undefined,
  create: (options: CreateKefuClientOptions) => C,
): C | null {
  const [owned] = useState(() => (options ? create({ ...options, autoConnect: false }) : null));
  useEffect(() => {
    if (!owned) return;
    if (options?.autoConnect !== false) owned.connect();
    return () => owned.close();
  }, [owned, options?.autoConnect]);
  return owned;
}
