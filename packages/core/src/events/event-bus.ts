/**
 * Tells desks on other nodes that the event log grew. Payloads carry a position and, when the
 * sender knows them, the subject kinds of the events it committed (`conversation`, `desk`…):
 * listeners read the events themselves from the log (`storage.events.read(after)`), so nothing is
 * lost when a notification is, and a slow listener catches up in one read. The kinds let a
 * listener skip what cannot concern it (the desk's incident state follows `desk` events only);
 * `undefined` means "could be anything".
 *
 * @example
 * const off = bus.subscribe((position, subjectKinds) => {
 *   if (!subjectKinds || subjectKinds.includes('conversation')) catchUpTo(position);
 * });
 */
export interface EventBus {
  /** Announces that events up to `position` are committed, with their subject kinds if known. */
  publish(position: number, subjectKinds?: readonly string[]): Promise<void>;
  /** Calls `listener` with the newest announced position, from any node (this one included). */
  subscribe(
    listener: (position: number, subjectKinds: readonly string[] | undefined) => void,
  ): () => void;
  /** Stops listening and releases connections. */
  close(): Promise<void>;
}
