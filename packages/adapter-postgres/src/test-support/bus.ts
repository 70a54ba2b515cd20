import type { DomainEvent, EventBus, StorageAdapter } from '@kefu/core';

/** Polls `check` every few ms until it holds or `ms` have passed; says which. */
export async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

/**
 * Pings (position 0, which no event has) through `sender` until `heard()` says the listening
 * side got one: from then on its LISTEN is in place and no later commit's notification is
 * missed. False when it never heard one.
 */
export async function untilListening(sender: EventBus, heard: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 50 && !heard(); attempt++) {
    await sender.publish(0);
    await waitFor(heard, 100);
  }
  return heard();
}

/**
 * What another node learns through its bus: on each notification it reads the log after the
 * last event it has, as a desk on that node would. `announced` keeps every position notified,
 * `errors` what reading the log threw.
 */
export function followThroughBus(storage: StorageAdapter & { bus: EventBus }) {
  const events: DomainEvent[] = [];
  const announced: number[] = [];
  const errors: unknown[] = [];
  let reading = Promise.resolve();
  const catchUp = async (position: number) => {
    for (let after = events.at(-1)?.position ?? 0; after < position; ) {
      const page = await storage.events.read(after, 500);
      if (page.length === 0) return;
      events.push(...page);
      after = events.at(-1)?.position ?? after;
    }
  };
  const stop = storage.bus.subscribe((position) => {
    announced.push(position);
    reading = reading
      .then(() => catchUp(position))
      .catch((error: unknown) => {
        errors.push(error);
      });
  });
  return { events, announced, errors, stop };
}
