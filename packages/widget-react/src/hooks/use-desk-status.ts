import { useEffect, useState } from 'react';
import type { DeskStatus } from '../client-types';
import { useConnectionStatus } from './use-connection-status';
import { useKefuClient } from './use-kefu-client';

/**
 * Whether the shop is open and someone can answer now; `null` until known. Asked again after each
 * (re)connect and whenever `refreshKey` changes (the widget passes its open state).
 *
 * @example
 * const desk = useDeskStatus();
 * if (desk && !desk.acceptingNow) return <LeaveMessageNotice status={desk} />;
 */
export function useDeskStatus(refreshKey?: unknown): DeskStatus | null {
  const client = useKefuClient();
  const connection = useConnectionStatus();
  const [status, setStatus] = useState<DeskStatus | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only triggers a new request
  useEffect(() => {
    if (connection !== 'open') return;
    let live = true;
    client.deskStatus().then(
      (next) => live && setStatus(next),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [client, connection, refreshKey]);
  return status;
}
