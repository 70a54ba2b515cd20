/**
 * One dictionary from its halves (what every widget shows, and the parts loaded later). A
 * function, marked pure where it is called, so a bundle that uses neither whole dictionary drops
 * it.
 */
export function mergeMessages<A extends object, B extends object>(core: A, parts: B): A & B {
  return { ...core, ...parts };
}
