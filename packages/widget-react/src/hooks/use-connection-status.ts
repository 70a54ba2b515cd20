import type { ConnectionStatus } from '@kefu/client';
import { useKefuSelector } from './use-kefu-selector';

const selectStatus = (snapshot: { status: ConnectionStatus }) => snapshot.status;

/**
 * `idle`, `connecting`, `open`, `reconnecting` or `closed`.
 *
 * @example
 * const status = useConnectionStatus();
 * if (status === 'reconnecting') return <Banner>Reconnecting…</Banner>;
 */
export function useConnectionStatus(): ConnectionStatus {
  return useKefuSelector(selectStatus);
}
