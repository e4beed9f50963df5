/** A small deterministic PRNG (32-bit state, SplitMix-style mixing) for reproducible instances. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

/** Integer in [0, n) from a PRNG. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
