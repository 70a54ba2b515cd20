import type { KefuClientSnapshot } from '@kefu/client';
import { useKefuSelector } from './use-kefu-selector';

const selectIncident = (snapshot: KefuClientSnapshot) => snapshot.incident;

/**
 * The desk's incident (应急) while one is active, else null: its banner in both languages and
 * its mode (`normal`, `bot-only`, `leave-message`). Live: the gateway pushes every change.
 *
 * @example
 * const incident = useIncident();
 * if (incident?.mode === 'leave-message') return <LeaveMessageForm />;
 */
export function useIncident(): KefuClientSnapshot['incident'] {
  return useKefuSelector(selectIncident);
}
