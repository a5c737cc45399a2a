/**
 * Seeded randomness for the domain: every Monte Carlo answer must be reproducible from its seed,
 * so the assessment stored with a proposal can be re-derived and explained later.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: 32 bits of state, one multiply-xorshift round per draw. Plenty for 10,000-trial
 * forecasts (period 2^32) and cheap enough that the draws, not the generator, dominate the cost.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
