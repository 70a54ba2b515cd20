import { EventEmitter } from 'eventemitter3';
import type { DomainEvent, DomainEventType } from '../events/domain-events';

/**
 * A listener for one event type, or for every event with `'*'`.
 *
 * @example
 * const listener: DeskListener<'message.posted'> = (event) => console.log(event.data.message.text);
 * const off = desk.on('message.posted', listener);
 */
export type DeskListener<T extends DomainEventType | '*'> = (
  event: T extends DomainEventType ? DomainEvent<T> : DomainEvent,
) => unknown;

/** Where errors thrown by listeners go, so one bad listener cannot fail a command. */
export type ListenerErrorHandler = (error: unknown, event: DomainEvent) => void;

/**
 * In-process delivery of committed domain events. Listeners run after the command's transaction
 * commits; an error (or rejected promise) from a listener goes to `onListenerError`.
 */
export class EventPublisher {
  readonly #emitter = new EventEmitter();
  readonly #onError: ListenerErrorHandler;

  constructor(onError: ListenerErrorHandler) {
    this.#onError = onError;
  }

  on<T extends DomainEventType | '*'>(type: T, listener: DeskListener<T>): () => void {
    const guarded = (event: DomainEvent) => {
      try {
        const result = (listener as (event: DomainEvent) => unknown)(event);
        if (result instanceof Promise)
          result.catch((error: unknown) => this.#onError(error, event));
      } catch (error) {
        this.#onError(error, event);
      }
    };
    this.#emitter.on(type, guarded);
    return () => {
      this.#emitter.off(type, guarded);
    };
  }

  publish(events: readonly DomainEvent[]): void {
    for (const event of events) {
      this.#emitter.emit(event.type, event);
      this.#emitter.emit('*', event);
    }
  }

  listenerCount(): number {
    return this.#emitter
      .eventNames()
      .reduce((sum, name) => sum + this.#emitter.listenerCount(name), 0);
  }
}
