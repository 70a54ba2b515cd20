/** Runs async sections one after another, in call order: the memory adapter's lock. */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return function exclusive<T>(section: () => Promise<T>): Promise<T> {
    const run = tail.then(section);
    tail = run.catch(() => undefined);
    return run;
  };
}
