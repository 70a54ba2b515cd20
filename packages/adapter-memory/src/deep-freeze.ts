/**
 * Copies a record and freezes the copy all the way down, so nobody can change stored state.
 * Records are JSON-shaped (plain objects, arrays, primitives): a plain recursive copy is several
 * times faster than `structuredClone` for them, and this sits on every write.
 */
export function frozenCopy<T>(value: T): T {
  return copyFrozen(value) as T;
}

function copyFrozen(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(copyFrozen));
  if (isDeepFrozen(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    copy[key] = copyFrozen((value as Record<string, unknown>)[key]);
  return Object.freeze(copy);
}

// A frozen record was stored (or read back) already: sharing it is safe and saves the copy.
function isDeepFrozen(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null && !isDeepFrozen(child)) return false;
  }
  return true;
}
