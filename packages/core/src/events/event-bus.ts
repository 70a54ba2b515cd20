/**
 * Tells desks on other nodes that the event log grew. Payloads carry only a position: listeners
 * read the events themselves from the log (`storage.events.read(after)`), so nothing is lost when
 * a notification is, and a slow listener catches up in one read.
 *
 * @example
 * const off = bus.subscribe((position) => catchUpTo(position));
 */
export interface EventBus {
  /** Announces that events up to `position` are committed. */
  publish(position: number): Promise<void>;
  /** Calls `listener` with the newest announced position, from any node (this one included). */
  subscribe(listener: (position: number) => void): () => void;
  /** Stops listening and releases connections. */
  close(): Promise<void>;
}
