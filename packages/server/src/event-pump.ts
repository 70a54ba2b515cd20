import { coalescedRun, type Desk, type DomainEvent, type EventBus } from '@kefu/core';
import { RecentPositions } from './fan-out';

const PAGE = 1000;

/**
 * Feeds desk events to `dispatch`: this node's events straight from the desk; with a bus, other
 * nodes' events read from the log after each notification (each position once). Returns a stop
 * function that resolves when a catch-up in progress has finished. Subscribes to the bus at once,
 * so a bus that cannot start (e.g. a pool without room for LISTEN) throws here.
 */
export function pumpEvents(
  desk: Desk,
  bus: EventBus | undefined,
  dispatch: (event: DomainEvent) => void,
  onError: (error: unknown) => void,
): () => Promise<void> {
  const recent = bus ? new RecentPositions() : null;
  let cursor = 0;
  // Notifications before the log's position is known only mean "look once it is".
  let ready = false;
  let missed = false;
  const offBus = bus?.subscribe(() => {
    if (ready) pump();
    else missed = true;
  });
  const offDesk = desk.on('*', (event) => {
    recent?.add(event.position);
    dispatch(event);
  });
  const catchUp = async () => {
    for (;;) {
      const events = await desk.events.read({ after: cursor, limit: PAGE });
      for (const event of events) {
        if (!recent?.has(event.position)) dispatch(event);
        cursor = event.position;
      }
      if (events.length < PAGE) return;
    }
  };
  // One catch-up at a time; a wake-up meanwhile asks for one more.
  const catchingUp = coalescedRun(catchUp, { onError });
  const pump = () => void catchingUp.run();
  let stopped = false;
  if (bus) {
    void desk.events.lastPosition().then((position) => {
      if (stopped) return;
      cursor = Math.max(cursor, position);
      ready = true;
      if (missed) pump();
    }, onError);
  }
  return async () => {
    stopped = true;
    offDesk();
    offBus?.();
    await catchingUp.settled();
  };
}
