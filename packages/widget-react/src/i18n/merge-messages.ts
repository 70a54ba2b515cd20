type Intersection<T> = (T extends unknown ? (part: T) => void : never) extends (
  part: infer I,
) => void
  ? I
  : never;

/**
 * One dictionary from its pieces (what every widget shows, each part loaded later). A function,
 * marked pure where it is called, so a bundle that uses only some pieces drops the whole.
 */
export function mergeMessages<T extends object[]>(...pieces: T): Intersection<T[number]> {
  return Object.assign({}, ...pieces);
}
