import type { Desk } from '@kefu/core';
import { toWireIncident } from '@kefu/core/protocol';
import type { SubscriberHandle } from './gateway-context';

/**
 * Carries the desk's incident state to connections: every identified connection gets an
 * `incident` frame when an incident starts or ends, and a new connection gets one after its
 * `welcome` while an incident is active. It follows the desk's in-memory state, not the log, so
 * an incident the health probe started while the storage is down reaches customers too.
 */
export function watchIncidents(desk: Desk, connections: () => Iterable<SubscriberHandle>) {
  const frame = () => ({
    type: 'incident',
    incident: toWireIncident(desk.incidents.getSnapshot()),
  });
  const off = desk.incidents.subscribe(() => {
    const out = frame();
    for (const connection of connections()) {
      if (connection.principal) connection.deliver(out);
    }
  });
  return {
    /** A connection was identified: tell it about an active incident. */
    identified(connection: SubscriberHandle) {
      if (desk.incidents.getSnapshot()) connection.deliver(frame());
    },
    stop: off,
  };
}
