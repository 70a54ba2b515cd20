/** A seeded source of random numbers: the same seed gives the same sequence on every machine. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Exponential with this mean. */
  exponential(mean: number): number;
  /** Log-normal with this mean and coefficient of variation (standard deviation ÷ mean). */
  logNormal(mean: number, cv: number): number;
}

// splitmix32: spreads a small integer seed over all 32 bits before it feeds sfc32.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): passes PractRand, period at least
 * 2^32, and is plain 32-bit integer arithmetic, so results never depend on the platform.
 * `stream` gives independent sequences from one seed (arrivals, handle times, patience), so that
 * changing the number of agents leaves the arrivals exactly as they were.
 */
export function createSeededRandom(seed: number, stream = 0): SeededRandom {
  const mix = splitmix32(Math.imul(seed >>> 0, 0x01000193) ^ Math.imul(stream + 1, 0x9e3779b9));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const normal = () => {
    // Box–Muller; 1 − u keeps the logarithm away from zero.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    exponential: (mean) => -Math.log(1 - next()) * mean,
    logNormal(mean, cv) {
      const sigma2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * normal());
    },
  };
}
