import type { KefuClientSnapshot } from '@kefu/client';
import { useKefuSelector } from './use-kefu-selector';

const selectSessionId = (snapshot: KefuClientSnapshot) => snapshot.session?.id ?? null;

/** Who this client is signed in as (the customer's or agent's id), once connected. */
export function useSessionId(): string | null {
  return useKefuSelector(selectSessionId);
}
